#pragma once

#include "engine/xml/XmlElement.h"

#include <QString>

#include <deque>

// XEP-0198 stream management bookkeeping for one client session: the count
// of stanzas handled from the client (h, sent back in <a/>), the stanzas
// sent to it and not yet acknowledged (kept to resend after a resumption,
// or to deliver elsewhere when the session ends), and the resumption id.
// Counters wrap at 2^32 as the XEP says.
namespace fedgate::engine {

class StreamManagement
{
public:
    // Unacknowledged stanzas kept per session; a client that never
    // acknowledges more than this loses its session (the stanzas are then
    // delivered as if it had gone offline).
    static constexpr int kMaxUnacked = 1000;

    bool enabled() const { return m_enabled; }
    bool resumable() const { return m_enabled && !m_id.isEmpty(); }
    const QString &id() const { return m_id; }
    void enable(const QString &resumptionId) // empty: no resumption
    {
        m_enabled = true;
        m_id = resumptionId;
    }

    void countInbound() { ++m_inbound; }
    quint32 inbound() const { return m_inbound; }

    // A stanza sent (or queued while the client is away). False when the
    // queue is full (nothing is added then).
    bool track(const XmlElement &stanza);
    // The client's <a h=''/> or the h of its <resume/>: forgets what it has
    // acknowledged. False when h acknowledges more than was sent.
    bool acknowledge(quint32 h);
    const std::deque<XmlElement> &unacked() const { return m_unacked; }
    std::deque<XmlElement> takeUnacked();

    // <a xmlns='urn:xmpp:sm:3' h='...'/>
    XmlElement ackElement() const;
    static XmlElement element(const QString &name); // <name xmlns='urn:xmpp:sm:3'/>
    // The h attribute; nullopt when missing or not a 32-bit unsigned number.
    static std::optional<quint32> parseH(const XmlElement &element);

private:
    bool m_enabled = false;
    QString m_id;
    quint32 m_inbound = 0;
    quint32 m_acked = 0; // the last h the client acknowledged
    std::deque<XmlElement> m_unacked;
};

} // namespace fedgate::engine

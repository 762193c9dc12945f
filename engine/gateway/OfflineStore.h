#pragma once

#include "engine/xml/XmlElement.h"
#include "engine/xmpp/Jid.h"
#include "topology/Result.h"

#include <QList>

#include <utility>

// XEP-0160: messages for a user who has no available resource, kept in the
// gateway database (table gw_offline) so that they survive a restart or a
// kill -9, and handed out at the user's next initial presence. Each message
// is stored as the XML of the stanza, a <delay/> stamp included.
namespace fedgate::engine {

class GatewayDatabase;

class OfflineStore
{
public:
    static constexpr int kSchemaVersion = 1;

    explicit OfflineStore(GatewayDatabase &database)
        : m_database(database)
    {}
    Status initialise();

    int count(const Jid &owner);
    Status store(const Jid &owner, const XmlElement &message);
    // Oldest first, with their sequence numbers.
    QList<std::pair<qint64, XmlElement>> messages(const Jid &owner);
    // Forgets the messages up to and including `lastSeq`.
    Status removeUpTo(const Jid &owner, qint64 lastSeq);

    // The stanza back from its stored XML (a null element if it does not parse).
    static XmlElement parseStored(const QByteArray &xml);

private:
    GatewayDatabase &m_database;
};

} // namespace fedgate::engine

#include "StreamManagement.h"

#include "ClientNamespaces.h"

namespace fedgate::engine {

bool StreamManagement::track(const XmlElement &stanza)
{
    if (m_unacked.size() >= size_t(kMaxUnacked))
        return false;
    m_unacked.push_back(stanza);
    return true;
}

bool StreamManagement::acknowledge(quint32 h)
{
    const quint32 newlyAcked = h - m_acked; // modulo 2^32
    if (newlyAcked > m_unacked.size())
        return false;
    for (quint32 i = 0; i < newlyAcked; ++i)
        m_unacked.pop_front();
    m_acked = h;
    return true;
}

std::deque<XmlElement> StreamManagement::takeUnacked()
{
    std::deque<XmlElement> out;
    out.swap(m_unacked);
    m_acked += quint32(out.size());
    return out;
}

XmlElement StreamManagement::ackElement() const
{
    XmlElement a = element(QStringLiteral("a"));
    a.setAttribute(QStringLiteral("h"), QString::number(m_inbound));
    return a;
}

XmlElement StreamManagement::element(const QString &name)
{
    return XmlElement(name, ns::kStreamManagement);
}

std::optional<quint32> StreamManagement::parseH(const XmlElement &element)
{
    bool ok = false;
    const qulonglong h = element.attribute(QStringLiteral("h")).toULongLong(&ok);
    if (!ok || h > 0xffffffffULL)
        return std::nullopt;
    return quint32(h);
}

} // namespace fedgate::engine

#include "OfflineStore.h"

#include "GatewayDatabase.h"
#include "engine/c2s/ClientNamespaces.h"
#include "engine/xml/XmlStreamParser.h"
#include "topology/SqlConnection.h"

#include <spdlog/spdlog.h>

namespace fedgate::engine {

Status OfflineStore::initialise()
{
    return m_database.ensureTables(
        QStringLiteral("offline"), kSchemaVersion,
        {QStringLiteral("CREATE TABLE IF NOT EXISTS gw_offline (owner TEXT NOT NULL, "
                        "seq BIGINT NOT NULL, stanza TEXT NOT NULL, PRIMARY KEY (owner, seq))")});
}

int OfflineStore::count(const Jid &owner)
{
    auto q = m_database.connection().exec(
        QStringLiteral("SELECT COUNT(*) FROM gw_offline WHERE owner = ?"), {owner.toString()});
    if (!q || !q.value().next())
        return 0;
    return q.value().value(0).toInt();
}

Status OfflineStore::store(const Jid &owner, const XmlElement &message)
{
    topology::SqlConnection &db = m_database.connection();
    return db.execStatus(
        QStringLiteral("INSERT INTO gw_offline (owner, seq, stanza) VALUES (?, "
                       "(SELECT COALESCE(MAX(seq), 0) + 1 FROM gw_offline WHERE owner = ?), ?)"),
        {owner.toString(), owner.toString(), QString::fromUtf8(message.toXml(ns::kClient))});
}

QList<std::pair<qint64, XmlElement>> OfflineStore::messages(const Jid &owner)
{
    QList<std::pair<qint64, XmlElement>> out;
    auto q = m_database.connection().exec(
        QStringLiteral("SELECT seq, stanza FROM gw_offline WHERE owner = ? ORDER BY seq"),
        {owner.toString()});
    if (!q) {
        spdlog::error("offline messages: {}", q.error().toString().toStdString());
        return out;
    }
    while (q.value().next()) {
        XmlElement stanza = parseStored(q.value().value(1).toString().toUtf8());
        if (!stanza.isNull())
            out.append({q.value().value(0).toLongLong(), std::move(stanza)});
    }
    return out;
}

Status OfflineStore::removeUpTo(const Jid &owner, qint64 lastSeq)
{
    return m_database.connection().execStatus(
        QStringLiteral("DELETE FROM gw_offline WHERE owner = ? AND seq <= ?"),
        {owner.toString(), lastSeq});
}

XmlElement OfflineStore::parseStored(const QByteArray &xml)
{
    XmlStreamParser parser;
    parser.setMaxStanzaSize(0); // our own data, written by store()
    XmlElement result;
    parser.onElement = [&result](XmlElement &&element) {
        if (result.isNull())
            result = std::move(element);
    };
    parser.feed(QByteArrayLiteral("<stream:stream xmlns='jabber:client' "
                                  "xmlns:stream='http://etherx.jabber.org/streams'>") +
                xml);
    return result;
}

} // namespace fedgate::engine

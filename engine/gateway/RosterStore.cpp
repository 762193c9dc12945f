#include "RosterStore.h"

#include "GatewayDatabase.h"
#include "topology/SqlConnection.h"

#include <spdlog/spdlog.h>

namespace fedgate::engine {

namespace {
RosterItem fromRow(const QSqlQuery &q)
{
    RosterItem item;
    item.contact = Jid::fromString(q.value(0).toString());
    item.name = q.value(1).toString();
    const QString groups = q.value(2).toString();
    if (!groups.isEmpty())
        item.groups = groups.split(QLatin1Char('\n'));
    item.subscription = parseSubscription(q.value(3).toString());
    item.pendingOut = q.value(4).toInt() != 0;
    item.pendingIn = q.value(5).toInt() != 0;
    item.listed = q.value(6).toInt() != 0;
    return item;
}

// A null QString binds as SQL NULL; the columns are NOT NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

const QString kColumns =
    QStringLiteral("contact, name, groups, subscription, pending_out, pending_in, listed");
} // namespace

RosterStore::RosterStore(GatewayDatabase &database)
    : m_database(database)
    , m_db(database.connection())
{}

Status RosterStore::initialise()
{
    return m_database.ensureTables(
        QStringLiteral("rosters"), kSchemaVersion,
        {QStringLiteral(
             "CREATE TABLE IF NOT EXISTS gw_roster (owner TEXT NOT NULL, contact TEXT NOT NULL, "
             "name TEXT NOT NULL, groups TEXT NOT NULL, subscription TEXT NOT NULL, "
             "pending_out INTEGER NOT NULL, pending_in INTEGER NOT NULL, listed INTEGER NOT NULL, "
             "PRIMARY KEY (owner, contact))"),
         QStringLiteral("CREATE TABLE IF NOT EXISTS gw_roster_version (owner TEXT PRIMARY KEY, "
                        "version BIGINT NOT NULL)")});
}

qint64 RosterStore::version(const Jid &owner)
{
    auto q = m_db.exec(QStringLiteral("SELECT version FROM gw_roster_version WHERE owner = ?"),
                       {owner.toString()});
    if (!q || !q.value().next())
        return 0;
    return q.value().value(0).toLongLong();
}

Status RosterStore::bumpVersion(const Jid &owner)
{
    return m_db.execStatus(
        QStringLiteral("INSERT INTO gw_roster_version (owner, version) VALUES (?, 1) "
                       "ON CONFLICT (owner) DO UPDATE SET version = gw_roster_version.version + 1"),
        {owner.toString()});
}

QList<RosterItem> RosterStore::items(const Jid &owner)
{
    QList<RosterItem> out;
    auto q = m_db.exec(
        QStringLiteral("SELECT %1 FROM gw_roster WHERE owner = ? ORDER BY contact").arg(kColumns),
        {owner.toString()});
    if (!q) {
        spdlog::error("roster: {}", q.error().toString().toStdString());
        return out;
    }
    while (q.value().next())
        out << fromRow(q.value());
    return out;
}

std::optional<RosterItem> RosterStore::item(const Jid &owner, const Jid &contact)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT %1 FROM gw_roster WHERE owner = ? AND contact = ?").arg(kColumns),
        {owner.toString(), contact.toString()});
    if (!q) {
        spdlog::error("roster: {}", q.error().toString().toStdString());
        return std::nullopt;
    }
    if (!q.value().next())
        return std::nullopt;
    return fromRow(q.value());
}

int RosterStore::count(const Jid &owner)
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM gw_roster WHERE owner = ?"),
                       {owner.toString()});
    if (!q || !q.value().next())
        return 0;
    return q.value().value(0).toInt();
}

Status RosterStore::save(const Jid &owner, const RosterItem &item)
{
    const QVariantList values = {owner.toString(),
                                 item.contact.toString(),
                                 notNull(item.name),
                                 notNull(item.groups.join(QLatin1Char('\n'))),
                                 toString(item.subscription),
                                 item.pendingOut ? 1 : 0,
                                 item.pendingIn ? 1 : 0,
                                 item.listed ? 1 : 0};
    if (Status s = m_db.execStatus(
            QStringLiteral("INSERT INTO gw_roster (owner, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (owner, contact) DO UPDATE SET name = excluded.name, "
                           "groups = excluded.groups, subscription = excluded.subscription, "
                           "pending_out = excluded.pending_out, pending_in = excluded.pending_in, "
                           "listed = excluded.listed")
                .arg(kColumns),
            values);
        !s)
        return s;
    return bumpVersion(owner);
}

Status RosterStore::remove(const Jid &owner, const Jid &contact)
{
    if (Status s =
            m_db.execStatus(QStringLiteral("DELETE FROM gw_roster WHERE owner = ? AND contact = ?"),
                            {owner.toString(), contact.toString()});
        !s)
        return s;
    return bumpVersion(owner);
}

} // namespace fedgate::engine

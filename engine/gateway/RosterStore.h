#pragma once

#include "RosterItem.h"
#include "topology/Result.h"

#include <QList>

#include <optional>

namespace fedgate::topology {
class SqlConnection;
}
namespace fedgate::engine {
class GatewayDatabase;
}

// The users' rosters, durable in the gateway database (table gw_roster, one
// row per owner and contact). Synchronous: the gateway's database is a local
// SQLite file by default.
namespace fedgate::engine {

class RosterStore
{
public:
    // Rows per owner (listed contacts and pending requests together): a
    // partner cannot grow a roster without bound by sending subscribe
    // requests from ever new addresses.
    static constexpr int kMaxItemsPerUser = 2000;

    // 2: gw_roster_version (RFC 6121 2.6 roster versioning).
    static constexpr int kSchemaVersion = 2;

    explicit RosterStore(GatewayDatabase &database);
    Status initialise(); // creates the table when missing

    QList<RosterItem> items(const Jid &owner);
    std::optional<RosterItem> item(const Jid &owner, const Jid &contact);
    int count(const Jid &owner);
    Status save(const Jid &owner, const RosterItem &item);
    Status remove(const Jid &owner, const Jid &contact);
    // RFC 6121 2.6: the roster's version, raised by every save() and
    // remove() (0 for a roster never written).
    qint64 version(const Jid &owner);

private:
    Status bumpVersion(const Jid &owner);

    GatewayDatabase &m_database;
    topology::SqlConnection &m_db;
};

} // namespace fedgate::engine

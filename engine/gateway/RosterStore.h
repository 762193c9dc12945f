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

    static constexpr int kSchemaVersion = 1;

    explicit RosterStore(GatewayDatabase &database);
    Status initialise(); // creates the table when missing

    QList<RosterItem> items(const Jid &owner);
    std::optional<RosterItem> item(const Jid &owner, const Jid &contact);
    int count(const Jid &owner);
    Status save(const Jid &owner, const RosterItem &item);
    Status remove(const Jid &owner, const Jid &contact);

private:
    GatewayDatabase &m_database;
    topology::SqlConnection &m_db;
};

} // namespace fedgate::engine

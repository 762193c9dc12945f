#pragma once

#include "Result.h"

// The tables of Fedgate's two databases, created on open. Both carry a
// fedgate_meta table with the schema version (so a newer Fedgate can migrate
// and an older one refuses a database it does not understand) and the kind,
// so that pointing --store at a replica file, or the reverse, is reported
// instead of silently creating the wrong tables.
namespace fedgate::topology {

class SqlConnection;

enum class StoreKind
{
    Central,
    Replica
};

// 1: first schema. 2: topology_draft.revision (every draft change counts
// up, so a writer holding an older revision is refused instead of
// overwriting); schema 1 stores are migrated in place on open.
constexpr int kStoreSchemaVersion = 2;

Status ensureStoreSchema(SqlConnection &sql, StoreKind kind);

} // namespace fedgate::topology

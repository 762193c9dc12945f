#pragma once

#include "Cli.h"

#include "topology/CentralStore.h"
#include "topology/Validation.h"

#include <QCommandLineOption>
#include <QJsonObject>

#include <memory>
#include <optional>

// What every object-editing verb (site, edge-pool, route, partner, policy,
// user) does: open the central store and, inside one write transaction
// (CentralStore::editDraft), take the working draft (or start one from the
// latest published version), change it and save it, refusing the change
// when it introduces an error on the object being edited. The verb's body
// runs on the draft as it is when the transaction holds the lock, so
// concurrent edits (ten 'partner add' at once) all land. Publishing stays a
// separate, explicit step ('fedgatectl topology publish').
namespace fedgate::cli {

class DraftEdit
{
public:
    topology::Topology &topology() { return m_draft.topology; }
    const topology::Topology &original() const { return m_original; }

    // Validates and asks for the save. `objectPath` is the path (as in
    // Finding::path) of the edited object: errors on it or below it that the
    // edit introduced refuse the edit (exit 1, draft unchanged). Other
    // findings are printed as notes. `human` and `json` describe the result;
    // they are printed once the transaction has committed (a failed commit
    // prints the store error instead).
    int commit(Context &ctx, const QString &objectPath, const QString &human,
               QJsonObject json = {});

private:
    friend int editDraft(Context &, QCommandLineParser &, const QString &, const QString &, int,
                         int, const std::function<int(DraftEdit &)> &);
    int printSaved(Context &ctx, qint64 revision);

    topology::Draft m_draft;
    topology::Topology m_original;
    bool m_saveRequested = false;
    QString m_human;
    QJsonObject m_json;
};

// Parses the verb's options (see Context::parse), opens the store and runs
// `body` on the draft inside CentralStore::editDraft; returns the exit code.
// The shape of every object verb.
int editDraft(Context &ctx, QCommandLineParser &parser, const QString &description,
              const QString &positional, int minPositional, int maxPositional,
              const std::function<int(DraftEdit &)> &body);

// --- small helpers shared by the object verbs --------------------------------

// Parses "true/false/yes/no/on/off/1/0"; prints a usage error and returns
// false when it is none of them.
bool parseBool(Context &ctx, const QString &option, const QString &text, bool *out);
bool parseInt(Context &ctx, const QString &option, const QString &text, int min, int max, int *out);
// Splits "a,b, c" into trimmed, non-empty items.
QStringList splitList(const QString &text);
// The object at `pointer` ("/sites/0") of the topology's JSON document.
QJsonObject documentObject(const topology::Topology &t, const QString &pointer);
QJsonObject findingJson(const topology::Finding &f);

} // namespace fedgate::cli

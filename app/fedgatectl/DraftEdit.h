#pragma once

#include "Cli.h"

#include "topology/CentralStore.h"
#include "topology/Validation.h"

#include <QCommandLineOption>
#include <QJsonObject>

#include <memory>
#include <optional>

// What every object-editing verb (site, edge-pool, route, partner, policy,
// user) does: open the central store, take the working draft (or start one
// from the latest published version), change it, and save it, refusing the
// change when it introduces an error on the object being edited. Publishing
// stays a separate, explicit step ('fedgatectl topology publish').
namespace fedgate::cli {

class DraftEdit
{
public:
    // Opens the store and loads the draft. On failure prints the error and
    // returns nullopt with *exitCode set.
    static std::optional<DraftEdit> begin(Context &ctx, int *exitCode);

    topology::Topology &topology() { return m_draft.topology; }
    const topology::Topology &original() const { return m_original; }

    // Validates and saves. `objectPath` is the path (as in Finding::path) of
    // the edited object: errors on it or below it that the edit introduced
    // refuse the edit (exit 1, draft unchanged). Other findings are printed as
    // notes. `human` and `json` describe the result on success.
    int commit(Context &ctx, const QString &objectPath, const QString &human,
               QJsonObject json = {});

private:
    std::unique_ptr<topology::CentralStore> m_store;
    topology::Draft m_draft;
    topology::Topology m_original;
};

// Parses the verb's options (see Context::parse), opens the draft and runs
// `body` on it; returns the exit code. The shape of every object verb.
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

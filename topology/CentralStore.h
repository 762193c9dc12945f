#pragma once

#include "Result.h"
#include "Topology.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

// The central management store: every published version of the topology,
// plus the working draft the editors change. SQLite by default (one file in
// the user's data directory), PostgreSQL through a postgresql:// URL, both
// through Qt SQL.
//
// Publishing is optimistic: the caller says which version its draft was based
// on; if another publisher got there first the publish fails with a conflict
// instead of overwriting. Each publish writes one new numbered version in a
// single transaction, so a killed publisher leaves the previous version
// intact.
namespace fedgate::topology {

struct VersionInfo
{
    int version = 0;
    QDateTime publishedAt; // UTC
    QString publishedBy;
    QString comment;
    QString summary; // what changed against the previous version, one line
};

struct Draft
{
    Topology topology;
    int baseVersion = 0; // the published version this draft started from; 0 = none
    QDateTime modifiedAt;
    // Counts every change of the draft (saves, discards, publishes that
    // consume it). A writer saves with the revision it read; if another
    // writer changed the draft meanwhile the save is refused (a conflict),
    // never silently overwritten.
    qint64 revision = 0;
    // editDraft() only: nothing was saved or published yet (the topology is
    // empty and baseVersion is 0).
    bool empty = false;
};

class CentralStore
{
public:
    // `location`: a file path (SQLite) or "postgresql://user:pass@host:port/db".
    // An empty location means defaultLocation().
    static Result<std::unique_ptr<CentralStore>> open(const QString &location);
    static QString defaultLocation();
    // The way back from a damaged or emptied SQLite store at `location`:
    // restore a backup, or publish an export into a new store.
    static QString recoveryAdvice(const QString &location);

    virtual ~CentralStore();
    CentralStore(const CentralStore &) = delete;
    CentralStore &operator=(const CentralStore &) = delete;

    QString location() const;

    // Published versions, oldest first.
    Result<QList<VersionInfo>> versions();
    // The newest version number, 0 when nothing is published yet.
    Result<int> latestVersion();
    Result<Topology> topology(int version);

    // Validates (errors refuse the publish), fills an empty dialback secret
    // (the previous version's, or a new random one at the first publish), and
    // stores version baseVersion + 1 with its time (UTC), author, comment and
    // a one-line summary of the changes. Fails with a conflict error when the
    // latest version is not baseVersion (also when another publisher wins the
    // race for the same number). A stored draft identical to what is
    // published is removed in the same transaction.
    // Store locations are shown without their password (location()).
    //
    // `draftRevision`: the revision of the draft `topology` was read from.
    // If the draft has changed since (another writer's edit), nothing is
    // published and a draft conflict is returned; otherwise the draft is
    // consumed in the same transaction.
    Result<int> publish(const Topology &topology, int baseVersion, const QString &comment = {},
                        std::optional<qint64> draftRevision = {});
    // Publishes the content of `version` again as a new version. With
    // `draftRevision`, the caller's draft (unchanged since that revision) is
    // dropped in the same transaction, as publish() does.
    Result<int> rollback(int version, int baseVersion, std::optional<qint64> draftRevision = {});

    // The working draft: the saved one when there are unpublished edits,
    // otherwise the latest published version (baseVersion = that version);
    // absent when nothing was saved or published yet.
    Result<std::optional<Draft>> draft();
    // The draft's current revision, also when draft() is absent. Read it
    // before draft(): a save with it then conflicts if anything changed.
    Result<qint64> draftRevision();

    // The atomic read-modify-write every editor uses: one write transaction
    // (SQLite BEGIN IMMEDIATE, other writers queue behind the busy timeout;
    // PostgreSQL a transaction-scoped lock on the draft) reads the draft as
    // draft() does (or an `empty` one), runs `change` on it and saves the
    // result with the next revision. Concurrent edits therefore all land.
    // `change` returning an error rolls back (nothing written); a draft left
    // unchanged is not written either. Returns the draft as stored.
    Result<Draft> editDraft(const std::function<Status(Draft &)> &change);

    // Saves `draft` only if the stored draft is still at draft.revision (the
    // one it was read with); otherwise writes nothing and returns a draft
    // conflict (isConflict()). For editors that hold a draft for a long time
    // (the wizard). Returns the draft as stored, with its new revision.
    Result<Draft> saveDraft(const Draft &draft);
    // Drops the unpublished edits; with `expectedRevision`, only if nobody
    // changed the draft since (else a conflict).
    Status discardDraft(std::optional<qint64> expectedRevision = {});

    // Was `error` a draft or publish conflict (another writer was first)?
    static bool isConflict(const Error &error);
    // Only a draft conflict: the draft changed since the caller read it.
    static bool isDraftConflict(const Error &error);

    // Test-only fault injection: called inside the publish transaction, after
    // the new version's row is written and before the commit.
    void setPublishHookForTesting(std::function<void()> hook);

private:
    struct Private;
    explicit CentralStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace fedgate::topology

#pragma once

#include "Result.h"
#include "Topology.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

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
};

class CentralStore
{
public:
    // `location`: a file path (SQLite) or "postgresql://user:pass@host:port/db".
    // An empty location means defaultLocation().
    static Result<std::unique_ptr<CentralStore>> open(const QString &location);
    static QString defaultLocation();

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
    Result<int> publish(const Topology &topology, int baseVersion, const QString &comment = {});
    // Publishes the content of `version` again as a new version.
    Result<int> rollback(int version, int baseVersion);

    // The working draft: the saved one when there are unpublished edits,
    // otherwise the latest published version (baseVersion = that version);
    // absent when nothing was saved or published yet.
    Result<std::optional<Draft>> draft();
    Status saveDraft(const Draft &draft);
    Status discardDraft();

    // Test-only fault injection: called inside the publish transaction, after
    // the new version's row is written and before the commit.
    void setPublishHookForTesting(std::function<void()> hook);

private:
    struct Private;
    explicit CentralStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace fedgate::topology

#pragma once

#include "wizard/Workspace.h"

#include <QTemporaryDir>

#include <memory>

// A workspace on a fresh central store and local replica in a temporary
// directory (FEDGATE_DATA_DIR points there too), loaded with the example
// topology resources/examples/contoso.json as the draft.
namespace fedgate::test {

class WizardFixture
{
public:
    WizardFixture();

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString storePath() const { return m_dir.filePath(QStringLiteral("cms.sqlite")); }
    QString replicaPath() const { return m_dir.filePath(QStringLiteral("replica.sqlite")); }
    wizard::Workspace *workspace() const { return m_workspace.get(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<wizard::Workspace> m_workspace;
    QString m_error;
};

} // namespace fedgate::test

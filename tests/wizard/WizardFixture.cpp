#include "WizardFixture.h"

#include "support/TestPaths.h"

namespace fedgate::test {

WizardFixture::WizardFixture()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return;
    }
    qputenv("FEDGATE_DATA_DIR", m_dir.path().toLocal8Bit());
    m_workspace = std::make_unique<wizard::Workspace>(storePath(), replicaPath());
    Status opened = m_workspace->open();
    if (!opened.ok()) {
        m_error = opened.error().toString();
        return;
    }
    Status imported = m_workspace->importFile(exampleTopologyPath());
    if (!imported.ok())
        m_error = imported.error().toString();
}

} // namespace fedgate::test

#pragma once

// What the central store tests share: every test runs once on a SQLite file
// and once on a real PostgreSQL 15 server that the test class starts
// (initTestCase) and stops (cleanupTestCase); freshLocation() gives a new,
// empty store on the current backend.
#include "support/PostgresServer.h"
#include "support/TestPaths.h"
#include "topology/CentralStore.h"
#include "topology/TopologyDocument.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

class StoreTestBase : public QObject
{
protected:
    QTemporaryDir m_dir;
    fedgate::test::PostgresServer m_pg;
    int m_counter = 0;
    QString m_backend;

    bool isPostgres() const { return m_backend == QLatin1String("postgresql"); }

    // For initTestCase_data(): one row per backend.
    static void addBackendRows()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    // For initTestCase(): the data directory and the PostgreSQL server.
    bool startBackends(QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary directory");
            return false;
        }
        qputenv("FEDGATE_DATA_DIR", m_dir.path().toUtf8());
        return m_pg.start(error);
    }

    // For init(): the backend of the current row.
    void selectBackend()
    {
        QFETCH_GLOBAL(QString, backend);
        m_backend = backend;
    }

    // A new, empty store for the current backend.
    QString freshLocation()
    {
        ++m_counter;
        if (!isPostgres())
            return m_dir.filePath(QStringLiteral("cms-%1.sqlite").arg(m_counter));
        const QString name = QStringLiteral("cms%1").arg(m_counter);
        QString error;
        if (!m_pg.createDatabase(name, &error))
            qWarning("%s", qPrintable(error));
        return m_pg.url(name);
    }

    static fedgate::topology::Topology example()
    {
        fedgate::Result<fedgate::topology::Topology> t =
            fedgate::topology::TopologyDocument::readFile(fedgate::test::exampleTopologyPath());
        if (!t)
            qFatal("cannot read the example topology: %s", qPrintable(t.error().toString()));
        return t.value();
    }

    static std::unique_ptr<fedgate::topology::CentralStore> openOrFail(const QString &location)
    {
        auto store = fedgate::topology::CentralStore::open(location);
        if (!store) {
            qWarning("%s", qPrintable(store.error().toString()));
            return nullptr;
        }
        return std::move(store).value();
    }
};

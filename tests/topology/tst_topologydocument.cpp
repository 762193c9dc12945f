#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::topology;

class TstTopologyDocument : public QObject
{
    Q_OBJECT

    QByteArray m_exampleJson;
    Topology m_example;

    static QString errorText(const Result<Topology> &r)
    {
        return r.ok() ? QString() : r.error().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(test::exampleTopologyPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_exampleJson = file.readAll();
        const auto r = TopologyDocument::fromJson(m_exampleJson, QStringLiteral("contoso.json"));
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        m_example = r.value();
    }

    void exampleHasWhatTheIssueAsks()
    {
        QCOMPARE(m_example.organisation.xmppDomains, QStringList{QStringLiteral("contoso.test")});
        QCOMPARE(m_example.sites.size(), 2);
        QCOMPARE(m_example.xmppRoutedEdgePools().size(), 2);
        const XmppPartner *fabrikam = m_example.partner(QStringLiteral("fabrikam.test"));
        QVERIFY(fabrikam);
        QCOMPARE(int(fabrikam->type), int(PartnerType::Federated));
        QCOMPARE(int(fabrikam->tls), int(Negotiation::Required));
        QCOMPARE(int(fabrikam->sasl), int(Negotiation::Required));
        const XmppPartner *provider = m_example.partner(QStringLiteral("jabber-provider.test"));
        QVERIFY(provider);
        QCOMPARE(int(provider->tls), int(Negotiation::NotSupported));
        QCOMPARE(int(provider->sasl), int(Negotiation::NotSupported));
        QVERIFY(provider->dialback);
        QCOMPARE(m_example.partnerForDomain(QStringLiteral("IM.fabrikam.test")), fabrikam);
    }

    void roundTripIsIdentical()
    {
        const QByteArray json = TopologyDocument::toJson(m_example);
        const auto again = TopologyDocument::fromJson(json);
        QVERIFY2(again.ok(), qPrintable(errorText(again)));
        QCOMPARE(again.value(), m_example);
        // Writing is deterministic, so documents diff cleanly.
        QCOMPARE(TopologyDocument::toJson(again.value()), json);
    }

    void defaultsFillMissingOptionalFields()
    {
        const auto r = TopologyDocument::fromJson(
            R"({"schema":"fedgate-topology","schemaVersion":1,"partners":[{"domain":"x.test"}]})");
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const XmppPartner &p = r.value().partners.first();
        QCOMPARE(int(p.type), int(PartnerType::PublicUnverified));
        QCOMPARE(int(p.tls), int(Negotiation::Required));
        QCOMPARE(int(p.sasl), int(Negotiation::Required));
        QVERIFY(p.dialback);
        QVERIFY(p.keepAlive);
        QVERIFY(!p.dane);
        QCOMPARE(r.value().gateway, GatewaySettings{});
        QVERIFY(r.value().policy(QStringLiteral("global")));
    }

    // DANE (issue 13): off by default and then absent from the document, so
    // documents without it are written exactly as before.
    void daneIsWrittenOnlyWhenOn()
    {
        QVERIFY(!TopologyDocument::toJson(m_example).contains("\"dane\""));
        Topology t = m_example;
        t.partners.first().dane = true;
        const QByteArray json = TopologyDocument::toJson(t);
        QVERIFY(json.contains("\"dane\": true"));
        const auto again = TopologyDocument::fromJson(json);
        QVERIFY2(again.ok(), qPrintable(errorText(again)));
        QVERIFY(again.value().partners.first().dane);
        QCOMPARE(again.value(), t);
    }

    void publishedVersionTravelsWithExports()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.json"));
        QVERIFY(TopologyDocument::writeFile(m_example, path, 7).ok());
        int version = 0;
        const auto r = TopologyDocument::readFile(path, &version);
        QVERIFY(r.ok());
        QCOMPARE(version, 7);
        QCOMPARE(r.value(), m_example);
    }

    void truncatedFile()
    {
        const auto r = TopologyDocument::fromJson(m_exampleJson.left(m_exampleJson.size() / 2),
                                                  QStringLiteral("cut.json"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().source, QStringLiteral("cut.json"));
        QVERIFY(r.error().line > 1);
        QVERIFY2(r.error().message.contains(QLatin1String("truncated")),
                 qPrintable(r.error().message));
    }

    void newerSchemaVersion()
    {
        QByteArray json = m_exampleJson;
        json.replace("\"schemaVersion\": 1", "\"schemaVersion\": 99");
        const auto r = TopologyDocument::fromJson(json, QStringLiteral("new.json"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().line, 3);
        QVERIFY(r.error().message.contains(QLatin1String("newer")));
        QVERIFY(r.error().message.contains(QLatin1String("Upgrade")));
    }

    void notOurSchema()
    {
        const auto r = TopologyDocument::fromJson(R"({"name":"x"})", QStringLiteral("other.json"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QLatin1String("not a Fedgate topology")));
        QVERIFY(!TopologyDocument::fromJson("[1,2]").ok());
        QVERIFY(!TopologyDocument::fromJson("   ").ok());
    }

    void unknownElementIsLocated()
    {
        QByteArray json = m_exampleJson;
        // Line of the second site's edge pool "xmppPort" key.
        const qsizetype at = json.indexOf("\"xmppPort\"", json.indexOf("edge-mtl"));
        json.insert(at, "\"xmppPrt\": 5269,\n                    ");
        const int expectedLine = json.left(at).count('\n') + 1;
        const auto r = TopologyDocument::fromJson(json, QStringLiteral("typo.json"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("unknown element \"xmppPrt\"")),
                 qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QLatin1String("sites.1.edgePools.0")));
        QCOMPARE(r.error().line, expectedLine);
        QCOMPARE(r.error().column, 21);
        QVERIFY(
            r.error().toString().startsWith(QStringLiteral("typo.json:%1:21: ").arg(expectedLine)));
    }

    void wrongTypeIsLocated()
    {
        QByteArray json = m_exampleJson;
        json.replace("\"dialback\": false", "\"dialback\": \"no\"");
        const auto r = TopologyDocument::fromJson(json);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QLatin1String("partners.0.dialback")));
        QVERIFY(r.error().message.contains(QLatin1String("true or false")));
        QVERIFY(r.error().line > 1);

        QByteArray badEnum = m_exampleJson;
        badEnum.replace("\"tlsNegotiation\": \"Required\"", "\"tlsNegotiation\": \"Always\"");
        const auto r2 = TopologyDocument::fromJson(badEnum);
        QVERIFY(!r2.ok());
        QVERIFY(r2.error().message.contains(QLatin1String("Required, Optional or NotSupported")));
    }

    // Found by fuzz_topology_document: a number far outside the range of a
    // whole number was cast to qint64 before the range check (undefined
    // behaviour; UBSan aborts). It must be the ordinary type error.
    void hugeNumberIsATypeErrorNotUndefinedBehaviour()
    {
        for (const QByteArray &number :
             {QByteArray("2.88e95"), QByteArray("-1e300"), QByteArray("9223372036854775808"),
              QByteArray("2147483648"), QByteArray("1.5")}) {
            QByteArray json = m_exampleJson;
            QVERIFY(json.contains("\"xmppPort\": 5269"));
            json.replace("\"xmppPort\": 5269", "\"xmppPort\": " + number);
            const auto r = TopologyDocument::fromJson(json);
            QVERIFY2(!r.ok(), number.constData());
            QVERIFY2(r.error().message.contains(QLatin1String("a whole number")),
                     qPrintable(r.error().message));
        }
    }

    void invalidUtf8IsLocated()
    {
        QByteArray json = m_exampleJson;
        const qsizetype at = json.indexOf("Head office");
        json[at + 1] = char(0xC3); // a lead byte followed by an ASCII byte
        const auto r = TopologyDocument::fromJson(json, QStringLiteral("latin1.json"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QLatin1String("UTF-8")));
        QCOMPARE(r.error().line, json.left(at).count('\n') + 1);
        QVERIFY(r.error().column > 1);
    }

    void oversizeFileIsRefusedWithoutReadingIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(50 * 1000 * 1000)); // sparse 50 MB
        file.close();
        const auto r = TopologyDocument::readFile(path);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().source, path);
        QVERIFY2(r.error().message.contains(QLatin1String("50.0 MB")),
                 qPrintable(r.error().message));
    }

    void missingFileAndFolder()
    {
        QTemporaryDir dir;
        QVERIFY(TopologyDocument::readFile(dir.filePath(QStringLiteral("nope.json")))
                    .error()
                    .message.contains(QLatin1String("does not exist")));
        QVERIFY(TopologyDocument::readFile(dir.path())
                    .error()
                    .message.contains(QLatin1String("folder")));
    }

    void failedWriteKeepsThePreviousFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.json"));
        QVERIFY(TopologyDocument::writeFile(m_example, path).ok());
        const Status bad = TopologyDocument::writeFile(
            m_example, dir.filePath(QStringLiteral("missing-folder/t.json")));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QLatin1String("folder")));
        // Make the folder read-only: the write fails and the old file stays whole.
        // (Root ignores permissions, so only check when they apply.)
        QVERIFY(TopologyDocument::readFile(path).ok());
    }
};

QTEST_GUILESS_MAIN(TstTopologyDocument)
#include "tst_topologydocument.moc"

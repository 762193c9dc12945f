// Every `fedgatectl cert` and `fedgatectl ca` verb, run as the built program
// with --json: what a script sees, exit codes included (0 success, 1 the
// user's input, 2 the key store itself).
#include "CertsTestSupport.h"
#include "support/TestPaths.h"

#include "topology/TopologyDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using fedgate::test::readBytes;
using fedgate::test::writeBytes;

namespace {

QStringList rulesOf(const QJsonArray &findings)
{
    QStringList rules;
    for (const QJsonValue &f : findings)
        rules << f.toObject().value(QStringLiteral("rule")).toString();
    return rules;
}

} // namespace

class TestCertCommands : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_topology;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    // Runs fedgatectl with --json; checks the exit code and returns the
    // JSON object it printed.
    QJsonObject ctl(const QStringList &args, int expectedExit)
    {
        const auto r =
            fedgate::test::runProgram(fedgate::test::executable(QStringLiteral("fedgatectl")),
                                      args + QStringList{QStringLiteral("--json")});
        const QByteArray context = "fedgatectl " + args.join(QLatin1Char(' ')).toUtf8() +
                                   "\nstdout: " + r.out + "\nstderr: " + r.err;
        if (r.exitCode != expectedExit) {
            QTest::qFail(context.constData(), __FILE__, __LINE__);
            return {};
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
        if (!document.isObject()) {
            QTest::qFail(("not a JSON object: " + context).constData(), __FILE__, __LINE__);
            return {};
        }
        return document.object();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(fedgate::test::executable(QStringLiteral("fedgatectl"))),
                 "build fedgatectl first");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        qputenv("FEDGATE_DATA_DIR", path(QStringLiteral("data")).toUtf8());
        qunsetenv("FEDGATE_KEYSTORE_PASSPHRASE");
        qunsetenv("SSL_CERT_FILE");
        m_topology = path(QStringLiteral("topology.json"));
        QVERIFY(fedgate::topology::TopologyDocument::writeFile(
                    fedgate::test::certificateTestTopology(), m_topology)
                    .ok());
    }

    void delayedRequestThroughInternalCa()
    {
        // ca create, then once more (refused: it would orphan what it issued).
        QJsonObject o =
            ctl({"ca", "create", "--name", "Contoso Edge CA", "--key-type", "ec-p256"}, 0);
        QCOMPARE(o.value("subject").toString(), QStringLiteral("CN=Contoso Edge CA,O=Fedgate"));
        QVERIFY(QFileInfo::exists(o.value("certificatePath").toString()));
        o = ctl({"ca", "create"}, 1);
        QVERIFY(o.value("error").toString().contains(QLatin1String("--force")));

        // cert request (delayed), with a country that is no country first.
        o = ctl({"cert", "request", "--topology", m_topology, "--country", "XX"}, 1);
        QVERIFY(o.value("error").toString().contains(QLatin1String("ISO 3166")));
        const QString csr = path(QStringLiteral("edge.csr"));
        o = ctl({"cert", "request", "--topology", m_topology, "--csr", csr, "--country", "FR",
                 "--org", "Contoso", "--sip-domain", "fabrikam.test", "--key-type", "ec-p256",
                 "--exportable", "--friendly-name", "Edge external"},
                0);
        const QString pendingId = o.value("request").toObject().value("id").toString();
        QCOMPARE(pendingId.size(), 16);
        QCOMPARE(o.value("csrWrittenTo").toString(), csr);
        const QJsonArray dns =
            o.value("request").toObject().value("names").toObject().value("dnsNames").toArray();
        QCOMPARE(dns.toVariantList(),
                 QVariantList({"access.contoso.test", "access1.contoso.test",
                               "access2.contoso.test", "sip.fabrikam.test", "contoso.test"}));

        // cert pending: list, show with the CSR written again.
        o = ctl({"cert", "pending"}, 0);
        QCOMPARE(o.value("pending").toArray().size(), 1);
        const QString again = path(QStringLiteral("again.csr"));
        o = ctl({"cert", "pending", pendingId.left(8), "--csr", again}, 0);
        QCOMPARE(o.value("id").toString(), pendingId);
        QCOMPARE(readBytes(again), readBytes(csr));

        // ca issue signs the CSR; cert import matches it to the pending key.
        const QString leaf = path(QStringLiteral("edge.pem"));
        o = ctl({"ca", "issue", csr, "--out", leaf, "--days", "90"}, 0);
        QCOMPARE(o.value("commonName").toString(), QStringLiteral("access.contoso.test"));
        o = ctl({"cert", "import", leaf, "--topology", m_topology}, 0);
        QCOMPARE(o.value("keySource").toString(), QStringLiteral("pending request ") + pendingId);
        const QJsonObject certificate = o.value("certificate").toObject();
        const QString certificateId = certificate.value("id").toString();
        QVERIFY(certificate.value("chainComplete").toBool());
        QVERIFY(certificate.value("exportable").toBool());
        // The internal CA on the external interface: partners will not trust it.
        QCOMPARE(rulesOf(o.value("findings").toArray()), QStringList({"untrusted-root"}));
        QCOMPARE(ctl({"cert", "pending"}, 0).value("pending").toArray().size(), 0);

        // cert assign, cert show (list, interface, id), cert check.
        o = ctl({"cert", "assign", certificateId}, 1); // which interface?
        QVERIFY(o.value("error").toString().contains(QLatin1String("--usage")));
        o = ctl({"cert", "assign", certificateId, "--usage", "external", "--topology", m_topology},
                0);
        QCOMPARE(o.value("certificateId").toString(), certificateId);
        o = ctl({"cert", "show"}, 0);
        QCOMPARE(o.value("certificates").toArray().size(), 1);
        QCOMPARE(o.value("assigned")
                     .toObject()
                     .value("external")
                     .toObject()
                     .value("certificateId")
                     .toString(),
                 certificateId);
        QVERIFY(o.value("assigned").toObject().value("internal").isNull());
        o = ctl({"cert", "show", "external"}, 0);
        QCOMPARE(o.value("certificate").toObject().value("commonName").toString(),
                 QStringLiteral("access.contoso.test"));
        o = ctl({"cert", "show", certificateId.left(6)}, 0);
        QCOMPARE(o.value("id").toString(), certificateId);
        o = ctl({"cert", "check", "external", "--topology", m_topology}, 0);
        QVERIFY(o.value("ok").toBool());
        QVERIFY(o.value("namesChecked").toBool());
        // Both interfaces: the internal one has nothing assigned -> exit 1.
        o = ctl({"cert", "check", "--topology", m_topology}, 1);
        QCOMPARE(rulesOf(o.value("internal").toObject().value("findings").toArray()),
                 QStringList({"not-assigned"}));

        // cert check FILE against a topology that needs another XMPP domain.
        fedgate::topology::Topology more = fedgate::test::certificateTestTopology();
        more.organisation.xmppDomains << QStringLiteral("im.contoso.test");
        const QString moreFile = path(QStringLiteral("more.json"));
        QVERIFY(fedgate::topology::TopologyDocument::writeFile(more, moreFile).ok());
        o = ctl({"cert", "check", leaf, "--usage", "external", "--topology", moreFile}, 1);
        const QJsonArray findings = o.value("findings").toArray();
        QVERIFY(rulesOf(findings).contains(QStringLiteral("missing-names")));
        for (const QJsonValue &f : findings) {
            if (f.toObject().value("rule").toString() == QLatin1String("missing-names"))
                QCOMPARE(f.toObject().value("names").toArray().toVariantList(),
                         QVariantList({"im.contoso.test"}));
        }

        // cert export: exportable, so it works; the file is a real PKCS#12.
        const QString pfx = path(QStringLiteral("edge.pfx"));
        o = ctl({"cert", "export", "external", "--out", pfx, "--password", "member-password"}, 0);
        QCOMPARE(o.value("file").toString(), pfx);
        QCOMPARE(fedgate::test::openssl(
                     {"pkcs12", "-in", pfx, "-passin", "pass:member-password", "-noout"})
                     .exitCode,
                 0);
    }

    void immediateInternalAndRefusals()
    {
        QJsonObject o = ctl({"cert", "request", "--topology", m_topology, "--usage", "internal",
                             "--immediate", "--key-type", "ec-p256"},
                            0);
        const QJsonObject issued = o.value("issued").toObject();
        const QString id = issued.value("certificate").toObject().value("id").toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(issued.value("findings").toArray().size(), 0);
        o = ctl({"cert", "import", path(QStringLiteral("nothing.pem"))}, 1);
        QVERIFY(o.value("error").toString().contains(QLatin1String("Cannot read")));
        o = ctl({"cert", "assign", id, "--usage", "internal"}, 0);
        o = ctl({"cert", "check", "internal", "--topology", m_topology}, 0);
        QVERIFY(o.value("ok").toBool());
        // Not exportable: the key stays here.
        o = ctl({"cert", "export", "internal", "--out", path(QStringLiteral("x.pfx")), "--password",
                 "member-password"},
                1);
        QVERIFY(o.value("error").toString().contains(QLatin1String("not marked exportable")));
        QVERIFY(!QFile::exists(path(QStringLiteral("x.pfx"))));

        // A pending request deleted with its key.
        o = ctl({"cert", "request", "--topology", m_topology, "--key-type", "ec-p256"}, 0);
        const QString pendingId = o.value("request").toObject().value("id").toString();
        o = ctl({"cert", "pending", pendingId, "--delete"}, 0);
        QCOMPARE(o.value("deleted").toString(), pendingId);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("data/certs/pending/")) + pendingId));
        o = ctl({"cert", "pending", pendingId}, 1);

        // A certificate nobody asked for: refused, with the reason.
        const QString foreign = path(QStringLiteral("foreign.pem"));
        QCOMPARE(fedgate::test::openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt",
                                         "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                                         path(QStringLiteral("foreign.key")), "-out", foreign,
                                         "-subj", "/CN=access.contoso.test"})
                     .exitCode,
                 0);
        o = ctl({"cert", "import", foreign}, 1);
        QVERIFY2(o.value("error").toString().contains(QLatin1String("no pending request")),
                 qPrintable(o.value("error").toString()));

        // ca issue on a file that is no request.
        o = ctl({"ca", "issue", foreign, "--out", path(QStringLiteral("y.pem"))}, 1);
        QVERIFY(o.value("error").toString().contains(QLatin1String("not a certificate request")));
    }

    // cert renew (immediate: a new certificate with the same names, the old
    // one still assigned; delayed with --csr) and cert unassign (that usage
    // only, the certificate kept; refused when nothing is assigned).
    void renewAndUnassign()
    {
        QJsonObject o = ctl({"cert", "request", "--topology", m_topology, "--usage", "internal",
                             "--immediate", "--key-type", "ec-p256"},
                            0);
        const QJsonObject old = o.value("issued").toObject().value("certificate").toObject();
        const QString id = old.value("id").toString();
        ctl({"cert", "assign", id, "--usage", "internal"}, 0);

        o = ctl({"cert", "renew", id, "--immediate"}, 0);
        QCOMPARE(o.value("renews").toString(), id);
        const QJsonObject fresh = o.value("issued").toObject().value("certificate").toObject();
        QVERIFY(fresh.value("id").toString() != id);
        QCOMPARE(fresh.value("info").toObject().value("dnsNames"),
                 old.value("info").toObject().value("dnsNames"));
        QCOMPARE(fresh.value("info").toObject().value("subject"),
                 old.value("info").toObject().value("subject"));
        // The old certificate is still the one served.
        QVERIFY(readBytes(path(QStringLiteral("data/certs/assigned/internal.json")))
                    .contains(id.toUtf8()));

        const QString csr = path(QStringLiteral("renew.csr"));
        o = ctl({"cert", "renew", id, "--csr", csr}, 0);
        QCOMPARE(o.value("csrWrittenTo").toString(), csr);
        QVERIFY(QFileInfo::exists(csr));
        ctl({"cert", "renew", id, "--csr", csr, "--immediate"}, 1);
        o = ctl({"cert", "renew", "ffffffffffff"}, 1);
        QVERIFY(!o.value("error").toString().isEmpty());

        o = ctl({"cert", "unassign", "--usage", "internal"}, 0);
        QCOMPARE(o.value("certificateId").toString(), id);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("data/certs/assigned/internal.json"))));
        QVERIFY(QFileInfo::exists(path(QStringLiteral("data/certs/store/")) + id));
        o = ctl({"cert", "unassign", "--usage", "internal"}, 1);
        QVERIFY2(o.value("error").toString().contains(QLatin1String("nothing to remove")),
                 qPrintable(o.value("error").toString()));
        ctl({"cert", "unassign"}, 1);
    }

    // The gateway's certificate, as the wizard's third usage: names from the
    // front-end pool and the XMPP domain, signed at once, assigned and
    // checked beside the edge's, listed by 'cert show'.
    void gatewayUsage()
    {
        QJsonObject o = ctl({"cert", "request", "--topology", m_topology, "--usage", "gateway",
                             "--immediate", "--key-type", "ec-p256"},
                            0);
        const QJsonObject names = o.value("request").toObject().value("names").toObject();
        QCOMPARE(names.value("commonName").toString(), QStringLiteral("fe.contoso.test"));
        QCOMPARE(names.value("dnsNames").toArray().size(), 3);
        const QString id =
            o.value("issued").toObject().value("certificate").toObject().value("id").toString();
        QVERIFY(!id.isEmpty());
        o = ctl({"cert", "assign", id, "--usage", "gateway", "--topology", m_topology}, 0);
        QCOMPARE(o.value("usage").toString(), QStringLiteral("gateway"));
        o = ctl({"cert", "check", "gateway", "--topology", m_topology}, 0);
        QVERIFY(o.value("ok").toBool());
        o = ctl({"cert", "request", "--topology", m_topology, "--usage", "gateway",
                 "--front-end-pool", "fe-nowhere.contoso.test", "--immediate"},
                1);
        QVERIFY2(o.value("error").toString().contains(QLatin1String("fe.contoso.test")),
                 qPrintable(o.value("error").toString()));
        o = ctl({"cert", "assign", id, "--usage", "gatewy"}, 1);
        QVERIFY(o.value("error").toString().contains(QLatin1String("gateway")));
    }

    void storeFailureIsExitCode2()
    {
        // The key store's folder cannot be created: a file sits where it goes.
        QVERIFY(QDir().mkpath(path(QStringLiteral("data"))));
        QVERIFY(writeBytes(path(QStringLiteral("data/certs")), "not a folder"));
        const QJsonObject o =
            ctl({"cert", "request", "--topology", m_topology, "--key-type", "ec-p256"}, 2);
        QVERIFY(o.value("error").toString().contains(path(QStringLiteral("data/certs"))));
    }

    void noTopologyIsAClearError()
    {
        qputenv("FEDGATE_DATA_DIR", path(QStringLiteral("empty")).toUtf8());
        qputenv("HOME", path(QStringLiteral("home")).toUtf8());
        qputenv("XDG_DATA_HOME", path(QStringLiteral("home/.local/share")).toUtf8());
        const QJsonObject o =
            ctl({"cert", "request", "--replica", path(QStringLiteral("empty-replica.sqlite"))}, 1);
        QVERIFY2(o.value("error").toString().contains(QLatin1String("No published topology")),
                 qPrintable(o.value("error").toString()));
        const QJsonObject p =
            ctl({"cert", "request", "--topology", path(QStringLiteral("absent.json"))}, 1);
        QVERIFY(!p.value("error").toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCertCommands)
#include "tst_certcommands.moc"

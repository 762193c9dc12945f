// Outbound DANE (RFC 6698, RFC 7671, RFC 7673) against a real Prosody 0.12
// (fabrikam.test on 127.0.0.31) from fedgated (contoso.test on 127.0.0.32),
// with fabrikam.test's zone signed by ldns-signzone and served by NSD:
// 127.0.0.30 publishes the TLSA of Prosody's key at _5269._tcp.xmpp.fabrikam.test,
// 127.0.0.33 another key's, 127.0.0.34 the right key but tampered after
// signing (bogus), and an unsigned plainsrv.test whose SRV names a signed
// target (RFC 7673: not to be trusted). fedgated asks one of them (--dns-server) and validates
// with --trust-anchor. With DANE on, a match shows certificate "dane" (where
// PKIX gives "valid" with the option off); a mismatch or a bogus answer
// refuses the stream even though PKIX would accept the certificate.
#include "support/NsdServer.h"
#include "support/PeerProcess.h"
#include "support/ProsodyServer.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fedgate;
using namespace fedgate::test;

namespace {
const QString kOurDomain = QStringLiteral("contoso.test");
const QString kPartner = QStringLiteral("fabrikam.test");
const QHostAddress kGoodDns(QStringLiteral("127.0.0.30"));
const QHostAddress kProsodyAddress(QStringLiteral("127.0.0.31"));
const QHostAddress kOurAddress(QStringLiteral("127.0.0.32"));
const QHostAddress kWrongDns(QStringLiteral("127.0.0.33"));
const QHostAddress kBogusDns(QStringLiteral("127.0.0.34"));
const QString kInsecureSrvDomain = QStringLiteral("plainsrv.test");
// openssl s_server with Prosody's certificate (Prosody refuses a TLS name it
// does not serve, so plainsrv.test needs a TLS server that does not care).
const QHostAddress kTlsServerAddress(QStringLiteral("127.0.0.35"));

// The DER SubjectPublicKeyInfo of a PEM certificate, as
// `openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER` gives it.
QByteArray spkiDer(const QString &certificatePath)
{
    QString pem;
    if (runCommand(QStringLiteral("openssl"),
                   {QStringLiteral("x509"), QStringLiteral("-in"), certificatePath,
                    QStringLiteral("-pubkey"), QStringLiteral("-noout")},
                   &pem) != 0)
        return {};
    const QString path = certificatePath + QStringLiteral(".spki.pem");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(pem.toUtf8());
    f.close();
    const QString der = certificatePath + QStringLiteral(".spki.der");
    if (runCommand(QStringLiteral("openssl"),
                   {QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-in"), path,
                    QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                    der}) != 0)
        return {};
    QFile d(der);
    return d.open(QIODevice::ReadOnly) ? d.readAll() : QByteArray();
}

QString tlsa(int matchingType, const QByteArray &spki)
{
    const auto algorithm =
        matchingType == 2 ? QCryptographicHash::Sha512 : QCryptographicHash::Sha256;
    return QStringLiteral("_5269._tcp.xmpp IN TLSA 3 1 %1 %2")
        .arg(matchingType)
        .arg(QString::fromLatin1(QCryptographicHash::hash(spki, algorithm).toHex()));
}
} // namespace

class TestDaneProsody : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TestCa m_ca;
    QHash<QString, TestCa::Leaf> m_leaves;
    ProsodyServer m_prosody;
    std::vector<std::unique_ptr<NsdServer>> m_nsd;
    QString m_anchors;
    QByteArray m_prosodySpki;
    PeerProcess m_fedgated;
    QString m_logPath;
    QString m_controlPath;
    int m_run = 0;

    void startNsd(const QHostAddress &address, const QStringList &tlsaRecords, QStringList *anchors,
                  const QString &tamperFrom = {})
    {
        auto nsd = std::make_unique<NsdServer>(address);
        QString error;
        QVERIFY2(nsd->isValid(&error), qPrintable(error));
        QStringList records{QStringLiteral("_xmpp-server._tcp IN SRV 10 0 5269 xmpp"),
                            QStringLiteral("xmpp IN A ") + kProsodyAddress.toString(),
                            QStringLiteral("tls IN A ") + kTlsServerAddress.toString()};
        records += tlsaRecords;
        QVERIFY2(nsd->addZone(kPartner, records, &error), qPrintable(error));
        // An unsigned zone whose SRV points at the signed target (direct TLS).
        QVERIFY2(nsd->addZone(kInsecureSrvDomain,
                              {QStringLiteral("_xmpps-server._tcp IN SRV 10 0 5270 tls.") +
                               kPartner + QLatin1Char('.')},
                              &error),
                 qPrintable(error));
        const QString key = nsd->signZone(kPartner, &error);
        QVERIFY2(key.contains(QStringLiteral("DNSKEY")), qPrintable(error));
        anchors->append(key);
        if (!tamperFrom.isEmpty()) { // the TLSA data changed after signing
            const QString upper = tamperFrom.toUpper();
            QVERIFY(
                nsd->editZone(kPartner, tamperFrom, QStringLiteral("0000") + tamperFrom.mid(4)) ||
                nsd->editZone(kPartner, upper, QStringLiteral("0000") + upper.mid(4)));
        }
        QVERIFY2(nsd->start(&error), qPrintable(error + nsd->output()));
        m_nsd.push_back(std::move(nsd));
    }

    // fedgated with `dane` for the partner, asking `dns`.
    void startFedgated(bool dane, const QHostAddress &dns, bool withCa = true,
                       const QString &partnerDomain = kPartner)
    {
        m_fedgated.stop();
        ++m_run;
        const QString topologyPath = m_dir.filePath(QStringLiteral("topology-%1.json").arg(m_run));
        m_logPath = m_dir.filePath(QStringLiteral("fedgated-%1.log").arg(m_run));
        m_controlPath = m_dir.filePath(QStringLiteral("fedgated-%1.sock").arg(m_run));
        auto topology = topology::TopologyDocument::readFile(exampleTopologyPath());
        QVERIFY(topology);
        topology::XmppPartner partner;
        partner.domain = partnerDomain;
        partner.type = topology::PartnerType::Federated;
        partner.dialback = false;
        partner.dane = dane;
        topology.value().partners = {partner};
        QVERIFY(topology::TopologyDocument::writeFile(topology.value(), topologyPath).ok());
        QStringList args{QStringLiteral("--topology"),
                         topologyPath,
                         QStringLiteral("--listen"),
                         kOurAddress.toString() + QStringLiteral(":5269"),
                         QStringLiteral("--cert"),
                         m_leaves.value(QStringLiteral("contoso")).certificatePath,
                         QStringLiteral("--key"),
                         m_leaves.value(QStringLiteral("contoso")).keyPath,
                         QStringLiteral("--dns-server"),
                         dns.toString(),
                         QStringLiteral("--trust-anchor"),
                         m_anchors,
                         QStringLiteral("--control"),
                         m_controlPath,
                         QStringLiteral("--log-file"),
                         m_logPath};
        if (withCa)
            args << QStringLiteral("--ca") << m_ca.certificatePath();
        QVERIFY(m_fedgated.start(executable(QStringLiteral("fedgated")), args));
        QVERIFY2(m_fedgated.waitForTcp(kOurAddress, 5269, 10000), qPrintable(m_fedgated.output()));
        QTRY_VERIFY2_WITH_TIMEOUT(QFile::exists(m_controlPath), qPrintable(m_fedgated.output()),
                                  10000);
    }

    int fedgatectl(const QStringList &args, QString *output)
    {
        return runCommand(executable(QStringLiteral("fedgatectl")),
                          args + QStringList{QStringLiteral("--control"), m_controlPath}, output,
                          {}, 60000);
    }

    QJsonObject outboundSession()
    {
        QString output;
        if (fedgatectl({QStringLiteral("sessions"), QStringLiteral("--json")}, &output) != 0)
            return {};
        for (const QJsonValue &v : QJsonDocument::fromJson(output.toUtf8()).array()) {
            const QJsonObject s = v.toObject();
            if (s.value(QStringLiteral("remoteDomain")).toString() == kPartner &&
                s.value(QStringLiteral("direction")).toString() == QLatin1String("out") &&
                s.value(QStringLiteral("state")).toString() == QLatin1String("established"))
                return s;
        }
        return {};
    }

    QString fedgatedLog() const
    {
        QFile f(m_logPath);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        makeWorldReadableDir(m_dir.path());
        qputenv("FEDGATE_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QString error;
        QVERIFY2(m_ca.create(m_dir.path(), QStringLiteral("Fedgate Test CA"), &error),
                 qPrintable(error));
        for (const auto &[name, domain] :
             QList<std::pair<QString, QString>>{{QStringLiteral("contoso"), kOurDomain},
                                                {QStringLiteral("fabrikam"), kPartner},
                                                {QStringLiteral("other"), kPartner}}) {
            auto leaf = m_ca.issue(name, domain, {domain}, {}, &error);
            QVERIFY2(leaf, qPrintable(error));
            m_leaves.insert(name, *leaf);
        }
        m_prosodySpki = spkiDer(m_leaves.value(QStringLiteral("fabrikam")).certificatePath);
        const QByteArray otherSpki =
            spkiDer(m_leaves.value(QStringLiteral("other")).certificatePath);
        QVERIFY(!m_prosodySpki.isEmpty() && !otherSpki.isEmpty() && m_prosodySpki != otherSpki);

        QStringList anchors;
        startNsd(kGoodDns,
                 {tlsa(1, m_prosodySpki), tlsa(1, m_prosodySpki)
                                              .replace(QStringLiteral("_5269._tcp.xmpp"),
                                                       QStringLiteral("_5270._tcp.tls"))},
                 &anchors);
        startNsd(kWrongDns, {tlsa(1, otherSpki), tlsa(2, otherSpki)}, &anchors);
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(m_prosodySpki, QCryptographicHash::Sha256).toHex());
        startNsd(kBogusDns, {tlsa(1, m_prosodySpki)}, &anchors, hash);
        // The three instances sign the same zone with different keys; each
        // key is a trust anchor, and each instance's DNSKEY set holds one.
        m_anchors = m_dir.filePath(QStringLiteral("anchors.key"));
        QFile file(m_anchors);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(anchors.join(QLatin1Char('\n')).toUtf8() + '\n');
        file.close();

        ProsodyServer::Options options;
        options.domain = kPartner;
        options.address = kProsodyAddress;
        options.certificatePath = m_leaves.value(QStringLiteral("fabrikam")).certificatePath;
        options.keyPath = m_leaves.value(QStringLiteral("fabrikam")).keyPath;
        options.caPath = m_ca.certificatePath();
        options.secureAuth = true;
        options.requireEncryption = true;
        options.hosts.insert(kOurDomain, kOurAddress.toString());
        QVERIFY2(m_prosody.start(options, &error), qPrintable(error));
    }

    void cleanup() { m_fedgated.stop(); }

    void cleanupTestCase()
    {
        m_prosody.stop();
        for (auto &nsd : m_nsd)
            nsd->stop();
    }

    // --ca: Prosody's own stream back to us (the ping's reply) is checked
    // by PKIX; inbound streams do not use DANE.
    void matchingTlsaGivesDane()
    {
        startFedgated(true, kGoodDns, true);
        if (QTest::currentTestFailed())
            return;
        QString output;
        const int rc = fedgatectl({QStringLiteral("ping"), kPartner}, &output);
        QVERIFY2(rc == 0, qPrintable(output + fedgatedLog() + m_prosody.debugLog().right(4000)));
        QVERIFY2(output.contains(QStringLiteral("dane:")) &&
                     output.contains(QStringLiteral("TLSA 3 1 1 matches the certificate")),
                 qPrintable(output));
        const QJsonObject session = outboundSession();
        QCOMPARE(session.value(QStringLiteral("certificate")).toString(), QStringLiteral("dane"));
        QCOMPARE(session.value(QStringLiteral("auth")).toString(), QStringLiteral("SASL EXTERNAL"));
        QString table;
        QCOMPARE(fedgatectl({QStringLiteral("sessions")}, &table), 0);
        QVERIFY2(table.contains(QStringLiteral("dane")), qPrintable(table));
    }

    void wrongTlsaRefuses()
    {
        startFedgated(true, kWrongDns, true);
        if (QTest::currentTestFailed())
            return;
        QString output;
        QVERIFY(fedgatectl({QStringLiteral("ping"), kPartner}, &output) != 0);
        QVERIFY2(output.contains(QStringLiteral("matches none of the 2 usable TLSA")),
                 qPrintable(output));
        QTRY_VERIFY2_WITH_TIMEOUT(fedgatedLog().contains(QStringLiteral(
                                      "DANE refuses the certificate of 'fabrikam.test'")),
                                  qPrintable(fedgatedLog()), 10000);
        QVERIFY(outboundSession().isEmpty());
    }

    void bogusTlsaRefuses()
    {
        startFedgated(true, kBogusDns, true);
        if (QTest::currentTestFailed())
            return;
        QString output;
        QVERIFY(fedgatectl({QStringLiteral("ping"), kPartner}, &output) != 0);
        QVERIFY2(output.contains(QStringLiteral("bogus")), qPrintable(output + fedgatedLog()));
        QTRY_VERIFY2_WITH_TIMEOUT(fedgatedLog().contains(QStringLiteral(
                                      "DANE refuses the certificate of 'fabrikam.test'")),
                                  qPrintable(fedgatedLog()), 10000);
        QVERIFY(outboundSession().isEmpty());
    }

    // RFC 7673: plainsrv.test's unsigned SRV points at xmpp.fabrikam.test,
    // whose signed TLSA matches Prosody's key; the insecure SRV could be
    // spoofed, so that TLSA must not vouch for plainsrv.test: PKIX decides
    // (and the certificate names fabrikam.test, not plainsrv.test).
    void insecureSrvTargetIsNotTrusted()
    {
        PeerProcess tlsServer;
        const TestCa::Leaf leaf = m_leaves.value(QStringLiteral("fabrikam"));
        QVERIFY(tlsServer.start(
            QStringLiteral("openssl"),
            {QStringLiteral("s_server"), QStringLiteral("-quiet"), QStringLiteral("-accept"),
             kTlsServerAddress.toString() + QStringLiteral(":5270"), QStringLiteral("-cert"),
             leaf.certificatePath, QStringLiteral("-key"), leaf.keyPath}));
        QVERIFY2(tlsServer.waitForTcp(kTlsServerAddress, 5270, 10000),
                 qPrintable(tlsServer.output()));
        startFedgated(true, kGoodDns, true, kInsecureSrvDomain);
        if (QTest::currentTestFailed())
            return;
        QString output;
        fedgatectl({QStringLiteral("ping"), kInsecureSrvDomain, QStringLiteral("--timeout"),
                    QStringLiteral("3")},
                   &output);
        QVERIFY2(output.contains(QStringLiteral("direct TLS")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("are not DNSSEC-secure")) &&
                     output.contains(QStringLiteral("RFC 7673")),
                 qPrintable(output + fedgatedLog()));
        QVERIFY2(output.contains(QStringLiteral("server certificate mismatch")),
                 qPrintable(output));
        QVERIFY2(!output.contains(QStringLiteral("certificate dane")), qPrintable(output));
    }

    // The option off: the TLSA (even a wrong one) is not consulted; PKIX decides.
    void daneOffUsesPkix()
    {
        startFedgated(false, kWrongDns, true);
        if (QTest::currentTestFailed())
            return;
        QString output;
        QVERIFY2(fedgatectl({QStringLiteral("ping"), kPartner}, &output) == 0,
                 qPrintable(output + fedgatedLog()));
        QVERIFY2(!output.contains(QStringLiteral("dane:")), qPrintable(output));
        QCOMPARE(outboundSession().value(QStringLiteral("certificate")).toString(),
                 QStringLiteral("valid"));
    }
};

QTEST_GUILESS_MAIN(TestDaneProsody)
#include "tst_daneprosody.moc"

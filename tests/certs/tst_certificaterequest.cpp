// Requests: the names computed from the topology, the checks on what the
// administrator types, and the CSR itself as `openssl req -verify -text`
// shows it to a CA.
#include "CertsTestSupport.h"

#include "certs/CertificateNames.h"
#include "certs/CertificateRequest.h"
#include "certs/KeyStore.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace fedgate::certs;
using fedgate::Result;
using fedgate::Status;
using fedgate::test::certificateTestTopology;
using fedgate::test::openssl;

namespace {

// The one-line value that follows `header` in openssl's text dump.
QString lineAfter(const QString &text, const QString &header)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines.at(i).trimmed().startsWith(header))
            return lines.at(i + 1).trimmed();
    }
    return {};
}

QString subjectLine(const QString &text)
{
    static const QRegularExpression subject(QStringLiteral("^\\s*Subject: (.*)$"),
                                            QRegularExpression::MultilineOption);
    return subject.match(text).captured(1).trimmed();
}

} // namespace

class TestCertificateRequest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        qputenv("FEDGATE_DATA_DIR", m_dir->path().toUtf8());
        qunsetenv("FEDGATE_KEYSTORE_PASSPHRASE");
    }

    void externalNames()
    {
        CertificateRequest request;
        request.sipDomains = {QStringLiteral("contoso.test"), QStringLiteral("Fabrikam.test")};
        request.additionalSans = {QStringLiteral("webcon.contoso.test")};
        Result r = computeNames(certificateTestTopology(), request);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value().commonName, QStringLiteral("access.contoso.test"));
        QCOMPARE(r.value().dnsNames,
                 QStringList({"access.contoso.test", "access1.contoso.test", "access2.contoso.test",
                              "sip.contoso.test", "sip.fabrikam.test", "contoso.test",
                              "webcon.contoso.test"}));
        QVERIFY(r.value().srvIds.isEmpty()); // off by default
        QVERIFY(r.value().xmppAddrs.isEmpty());
        QVERIFY(r.value().warnings.isEmpty());

        request.includeSrvIds = true;
        request.includeXmppAddrs = true;
        r = computeNames(certificateTestTopology(), request);
        QVERIFY(r.ok());
        QCOMPARE(r.value().srvIds, QStringList({"_xmpp-server.contoso.test"}));
        QCOMPARE(r.value().xmppAddrs, QStringList({"contoso.test"}));
    }

    void internalNames()
    {
        CertificateRequest request;
        request.usage = CertificateUsage::InternalEdge;
        request.sipDomains = {QStringLiteral("contoso.test")}; // ignored for internal
        Result r = computeNames(certificateTestTopology(), request);
        QVERIFY(r.ok());
        QCOMPARE(r.value().commonName, QStringLiteral("edge.contoso.test"));
        QCOMPARE(r.value().dnsNames,
                 QStringList({"edge.contoso.test", "edge1.contoso.test", "edge2.contoso.test"}));
        Result required = requiredNames(certificateTestTopology(), CertificateUsage::ExternalEdge);
        QVERIFY(required.ok());
        QCOMPARE(required.value(), QStringList({"access.contoso.test", "access1.contoso.test",
                                                "access2.contoso.test", "contoso.test"}));
    }

    void nameErrorsAndWarnings()
    {
        CertificateRequest request;
        request.sipDomains = {QStringLiteral("northwind.test")};
        Result r = computeNames(certificateTestTopology(), request);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QLatin1String("not a SIP domain")));
        QVERIFY(r.error().message.contains(QLatin1String("fabrikam.test")));

        request.sipDomains.clear();
        request.additionalSans = {QStringLiteral("*.contoso.test")};
        r = computeNames(certificateTestTopology(), request);
        QVERIFY(r.ok());
        QCOMPARE(r.value().warnings.size(), 1);
        QVERIFY(r.value().warnings.first().contains(QLatin1String("wildcard")));

        request.additionalSans = {QStringLiteral("bad_name..contoso.test")};
        QCOMPARE(checkRequest(request).size(), 1);
        QVERIFY(checkRequest(request).first().contains(QLatin1String("bad_name..contoso.test")));

        fedgate::topology::Topology noPool = certificateTestTopology();
        noPool.sites.first().edgePools.clear();
        r = computeNames(noPool, CertificateRequest{});
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QLatin1String("no edge pool")));
    }

    void countryIsChecked()
    {
        CertificateRequest request;
        for (const char *good : {"FR", "DE", "US", "GB", "fr"}) {
            request.country = QString::fromLatin1(good);
            QVERIFY2(checkRequest(request).isEmpty(), good);
        }
        for (const char *bad : {"XX", "UK", "FRA", "F", "1A"}) {
            request.country = QString::fromLatin1(bad);
            const QStringList problems = checkRequest(request);
            QCOMPARE(problems.size(), 1);
            QVERIFY(problems.first().contains(QLatin1String("ISO 3166")));
        }
        request.country.clear();
        request.templateName = QStringLiteral("Web Server");
        QCOMPARE(checkRequest(request).size(), 1);
    }

    void csrVerifiesWithOpenssl_data()
    {
        QTest::addColumn<KeyType>("keyType");
        QTest::addColumn<QString>("keyLine");
        QTest::addColumn<QString>("keyUsage");
        QTest::newRow("rsa2048") << KeyType::Rsa2048 << QStringLiteral("Public-Key: (2048 bit)")
                                 << QStringLiteral("Digital Signature, Key Encipherment");
        QTest::newRow("rsa3072") << KeyType::Rsa3072 << QStringLiteral("Public-Key: (3072 bit)")
                                 << QStringLiteral("Digital Signature, Key Encipherment");
        QTest::newRow("rsa4096") << KeyType::Rsa4096 << QStringLiteral("Public-Key: (4096 bit)")
                                 << QStringLiteral("Digital Signature, Key Encipherment");
        QTest::newRow("ec-p256") << KeyType::EcP256 << QStringLiteral("Public-Key: (256 bit)")
                                 << QStringLiteral("Digital Signature, Key Agreement");
        QTest::newRow("ec-p384") << KeyType::EcP384 << QStringLiteral("Public-Key: (384 bit)")
                                 << QStringLiteral("Digital Signature, Key Agreement");
    }

    // The whole path a delayed request takes: key store, CSR file, and what
    // a CA's `openssl req` sees in it.
    void csrVerifiesWithOpenssl()
    {
        QFETCH(KeyType, keyType);
        QFETCH(QString, keyLine);
        QFETCH(QString, keyUsage);
        CertificateRequest request;
        request.keyType = keyType;
        request.csrPath = m_dir->filePath(QStringLiteral("out/edge.csr"));
        request.templateName = QStringLiteral("WebServer");
        request.friendlyName = QStringLiteral("Edge external");
        request.organisation = QStringLiteral("Contoso");
        request.organisationalUnit = QStringLiteral("IT");
        request.country = QStringLiteral("FR");
        request.state = QStringLiteral("Ile-de-France");
        request.city = QStringLiteral("Paris");
        request.sipDomains = {QStringLiteral("contoso.test"), QStringLiteral("fabrikam.test")};
        request.additionalSans = {QStringLiteral("webcon.contoso.test")};
        request.includeSrvIds = true;
        request.includeXmppAddrs = true;

        KeyStore store;
        Result outcome = store.createRequest(certificateTestTopology(), request);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message));
        QCOMPARE(outcome.value().csrWrittenTo, request.csrPath);

        const auto r =
            openssl({QStringLiteral("req"), QStringLiteral("-in"), request.csrPath,
                     QStringLiteral("-noout"), QStringLiteral("-verify"), QStringLiteral("-text")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("verify OK") || r.out.contains("verify OK"), r.err.constData());
        const QString text = QString::fromUtf8(r.out);
        QCOMPARE(subjectLine(text), QStringLiteral("C = FR, ST = Ile-de-France, L = Paris, O = "
                                                   "Contoso, OU = IT, CN = access.contoso.test"));
        QVERIFY2(text.contains(keyLine), qPrintable(text));
        QCOMPARE(lineAfter(text, QStringLiteral("X509v3 Subject Alternative Name:")),
                 QStringLiteral("DNS:access.contoso.test, DNS:access1.contoso.test, "
                                "DNS:access2.contoso.test, DNS:sip.contoso.test, "
                                "DNS:sip.fabrikam.test, DNS:contoso.test, DNS:webcon.contoso.test, "
                                "othername: SRVName::_xmpp-server.contoso.test, othername: "
                                "XmppAddr::contoso.test"));
        QCOMPARE(lineAfter(text, QStringLiteral("X509v3 Extended Key Usage:")),
                 QStringLiteral("TLS Web Server Authentication, TLS Web Client Authentication"));
        QCOMPARE(lineAfter(text, QStringLiteral("X509v3 Key Usage: critical")), keyUsage);
        // The AD CS template extension carries "WebServer" as a BMPString
        // (UTF-16BE), which openssl dumps with a dot before each letter.
        QCOMPARE(lineAfter(text, QStringLiteral("1.3.6.1.4.1.311.20.2:")),
                 QStringLiteral("...W.e.b.S.e.r.v.e.r"));

        // What openssl sees is what the key store keeps.
        Result pending = store.pendingRequest(outcome.value().request.id);
        QVERIFY(pending.ok());
        QCOMPARE(pending.value().csrPem, fedgate::test::readBytes(request.csrPath));
        QCOMPARE(pending.value().request, request);
    }

    // The shipped example (resources/examples/contoso.json): two edge pools,
    // the request goes to the one the first site routes XMPP through.
    void exampleTopologyCsr()
    {
        Result topology =
            fedgate::topology::TopologyDocument::readFile(fedgate::test::exampleTopologyPath());
        QVERIFY2(topology.ok(), qPrintable(topology.ok() ? QString() : topology.error().message));
        CertificateRequest request;
        request.csrPath = m_dir->filePath(QStringLiteral("example.csr"));
        request.sipDomains = topology.value().organisation.sipDomains();
        KeyStore store;
        Result outcome = store.createRequest(topology.value(), request);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message));
        const auto r =
            openssl({QStringLiteral("req"), QStringLiteral("-in"), request.csrPath,
                     QStringLiteral("-noout"), QStringLiteral("-verify"), QStringLiteral("-text")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("verify OK") || r.out.contains("verify OK"));
        const QString text = QString::fromUtf8(r.out);
        QCOMPARE(subjectLine(text), QStringLiteral("CN = xmpp.contoso.test"));
        QVERIFY(text.contains(QLatin1String("Public-Key: (2048 bit)"))); // the default key
        QCOMPARE(lineAfter(text, QStringLiteral("X509v3 Subject Alternative Name:")),
                 QStringLiteral("DNS:xmpp.contoso.test, DNS:sip.contoso.test, "
                                "DNS:sip.corp.contoso.test, DNS:contoso.test"));
        QCOMPARE(lineAfter(text, QStringLiteral("X509v3 Extended Key Usage:")),
                 QStringLiteral("TLS Web Server Authentication, TLS Web Client Authentication"));
    }

    void defaultsLeaveOptionalEntriesOut()
    {
        CertificateRequest request;
        request.usage = CertificateUsage::InternalEdge;
        request.keyType = KeyType::EcP256;
        request.csrPath = m_dir->filePath(QStringLiteral("internal.csr"));
        KeyStore store;
        Result outcome = store.createRequest(certificateTestTopology(), request);
        QVERIFY(outcome.ok());
        const auto r =
            openssl({QStringLiteral("req"), QStringLiteral("-in"), request.csrPath,
                     QStringLiteral("-noout"), QStringLiteral("-verify"), QStringLiteral("-text")});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QCOMPARE(subjectLine(text), QStringLiteral("CN = edge.contoso.test"));
        QCOMPARE(lineAfter(text, QStringLiteral("X509v3 Subject Alternative Name:")),
                 QStringLiteral("DNS:edge.contoso.test, DNS:edge1.contoso.test, "
                                "DNS:edge2.contoso.test"));
        QVERIFY(!text.contains(QLatin1String("othername")));
        QVERIFY(!text.contains(QLatin1String("1.3.6.1.4.1.311.20.2")));
    }

    void pendingListShowDeleteWrite()
    {
        KeyStore store;
        CertificateRequest a;
        a.keyType = KeyType::EcP256;
        CertificateRequest b = a;
        b.usage = CertificateUsage::InternalEdge;
        Result ra = store.createRequest(certificateTestTopology(), a);
        Result rb = store.createRequest(certificateTestTopology(), b);
        QVERIFY(ra.ok() && rb.ok());
        Result list = store.pendingRequests();
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 2);

        const QString again = m_dir->filePath(QStringLiteral("again.csr"));
        QVERIFY(store.writeCsr(ra.value().request.id.left(6), again).ok());
        QCOMPARE(fedgate::test::readBytes(again), ra.value().request.csrPem);

        QVERIFY(store.deletePendingRequest(rb.value().request.id).ok());
        list = store.pendingRequests();
        QCOMPARE(list.value().size(), 1);
        QCOMPARE(list.value().first().id, ra.value().request.id);
        Status gone = store.deletePendingRequest(rb.value().request.id);
        QVERIFY(!gone.ok());
        QVERIFY(gone.error().message.contains(QLatin1String("no pending request")));
    }

    // The wizard generates keys on a worker thread while others may too.
    void requestsFromSeveralThreads()
    {
        KeyStore store;
        std::atomic<int> succeeded{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back([&, i] {
                CertificateRequest request;
                request.keyType = KeyType::EcP256;
                request.usage =
                    i % 2 ? CertificateUsage::InternalEdge : CertificateUsage::ExternalEdge;
                if (store.createRequest(certificateTestTopology(), request).ok())
                    ++succeeded;
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(succeeded.load(), 4);
        Result list = store.pendingRequests();
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 4);
        // One secret for all of them: every key opens with it.
        const QByteArray secret = fedgate::test::readBytes(store.secretPath()).trimmed();
        for (const PendingRequest &p : list.value()) {
            const auto r = openssl(
                {QStringLiteral("pkey"), QStringLiteral("-in"),
                 store.root() + QStringLiteral("/pending/") + p.id + QStringLiteral("/key.pem"),
                 QStringLiteral("-passin"), QStringLiteral("pass:") + QString::fromLatin1(secret),
                 QStringLiteral("-noout")});
            QCOMPARE(r.exitCode, 0);
        }
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir; // a fresh data directory for each test
};

QTEST_GUILESS_MAIN(TestCertificateRequest)
#include "tst_certificaterequest.moc"

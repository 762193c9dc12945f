// The key store end to end with a real two-level CA driven through the
// openssl tool: import of the CA's answer in every format, key matching by
// public key, chain completion, assignment, export, protection of the keys at
// rest, and refusal of bad input without touching what is stored.
#include "CertsTestSupport.h"

#include "certs/CertificateFile.h"
#include "certs/KeyStore.h"
#include "certs/OpenSsl.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <openssl/pem.h>

#include <atomic>
#include <memory>
#include <thread>

using namespace fedgate::certs;
using fedgate::Result;
using fedgate::Status;
using fedgate::test::certificateTestTopology;
using fedgate::test::openssl;
using fedgate::test::readBytes;
using fedgate::test::snapshot;
using fedgate::test::writeBytes;

namespace {
QString message(const fedgate::Error &error)
{
    return error.message;
}
} // namespace

class TestKeyStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_pkiDir;
    std::unique_ptr<QTemporaryDir> m_dir; // fresh data directory per test
    fedgate::test::TestPki m_pki;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    // A delayed request whose CSR the test CA signs; returns the pending id.
    QString requestAndSign(KeyStore &store, const QString &leafPath,
                           CertificateUsage usage = CertificateUsage::ExternalEdge,
                           bool exportable = false)
    {
        CertificateRequest request;
        request.usage = usage;
        request.keyType = KeyType::EcP256;
        request.exportable = exportable;
        request.csrPath = path(QStringLiteral("request.csr"));
        Result outcome = store.createRequest(certificateTestTopology(), request);
        if (!outcome.ok())
            return {};
        QString error;
        if (!m_pki.sign(request.csrPath, leafPath, 200, &error)) {
            qWarning() << error;
            return {};
        }
        return outcome.value().request.id;
    }

    // A certificate for `subject` whose key Fedgate never saw.
    QString foreignCertificate(const QString &subject)
    {
        const QString key = path(QStringLiteral("foreign.key"));
        const QString csr = path(QStringLiteral("foreign.csr"));
        const QString pem = path(QStringLiteral("foreign.pem"));
        const auto r =
            openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                     QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                     QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), key, QStringLiteral("-out"), csr,
                     QStringLiteral("-subj"), QStringLiteral("/CN=") + subject,
                     QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:") + subject});
        if (r.exitCode != 0 || !m_pki.sign(csr, pem, 200, nullptr))
            return {};
        return pem;
    }

private slots:
    void initTestCase()
    {
        m_pkiDir = std::make_unique<QTemporaryDir>();
        QString error;
        QVERIFY2(m_pki.create(m_pkiDir->path(), &error), qPrintable(error));
        // The test root plays the system trust store (OpenSSL reads
        // SSL_CERT_FILE when it loads its default paths).
        qputenv("SSL_CERT_FILE", m_pki.rootPath().toUtf8());
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        qputenv("FEDGATE_DATA_DIR", m_dir->filePath(QStringLiteral("data")).toUtf8());
        qunsetenv("FEDGATE_KEYSTORE_PASSPHRASE");
        qputenv("SSL_CERT_FILE", m_pki.rootPath().toUtf8());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expectedFormat");
        QTest::newRow("PEM leaf + intermediate") << "pem"
                                                 << "PEM";
        QTest::newRow("DER leaf, intermediate in the trust store") << "der"
                                                                   << "DER";
        QTest::newRow("PKCS#7 PEM chain") << "p7b-pem"
                                          << "PEM";
        QTest::newRow("PKCS#7 DER chain (.p7b)") << "p7b-der"
                                                 << "PKCS#7";
        QTest::newRow("PKCS#12 without key") << "pfx-nokey"
                                             << "PKCS#12";
        QTest::newRow("PKCS#12 with key") << "pfx-key"
                                          << "PKCS#12";
        QTest::newRow("PEM with an encrypted PKCS#8 key") << "pem-key"
                                                          << "PEM";
    }

    void roundTrip()
    {
        QFETCH(QString, format);
        QFETCH(QString, expectedFormat);
        KeyStore store;
        const QString leaf = path(QStringLiteral("leaf.pem"));
        QString pendingId;
        QString keyPath; // set when the key travels in the file
        if (format == QLatin1String("pfx-key") || format == QLatin1String("pem-key")) {
            // The key was made elsewhere (another pool member, another tool).
            keyPath = path(QStringLiteral("other.key"));
            const auto r =
                openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                         QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"),
                         path(QStringLiteral("other.csr")), QStringLiteral("-subj"),
                         QStringLiteral("/CN=access.contoso.test"), QStringLiteral("-addext"),
                         QStringLiteral("subjectAltName=DNS:access.contoso.test,DNS:contoso.test"),
                         QStringLiteral("-addext"),
                         QStringLiteral("extendedKeyUsage=serverAuth,clientAuth")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(m_pki.sign(path(QStringLiteral("other.csr")), leaf, 200, nullptr));
        } else {
            pendingId = requestAndSign(store, leaf);
            QVERIFY(!pendingId.isEmpty());
        }

        QString file;
        QByteArray password;
        if (format == QLatin1String("pem")) {
            file = path(QStringLiteral("answer.pem"));
            QVERIFY(writeBytes(file, readBytes(leaf) + readBytes(m_pki.intermediatePath())));
        } else if (format == QLatin1String("der")) {
            file = path(QStringLiteral("answer.cer"));
            QCOMPARE(openssl({QStringLiteral("x509"), QStringLiteral("-in"), leaf,
                              QStringLiteral("-outform"), QStringLiteral("DER"),
                              QStringLiteral("-out"), file})
                         .exitCode,
                     0);
            // A DER file holds one certificate: the intermediate must come
            // from the trust store, as it does on systems that ship it.
            const QString bundle = path(QStringLiteral("trust.pem"));
            QVERIFY(writeBytes(bundle,
                               readBytes(m_pki.rootPath()) + readBytes(m_pki.intermediatePath())));
            qputenv("SSL_CERT_FILE", bundle.toUtf8());
        } else if (format == QLatin1String("pem-key")) {
            file = path(QStringLiteral("answer-with-key.pem"));
            password = "pem-password";
            const auto encrypted =
                openssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-v2"),
                         QStringLiteral("aes256"), QStringLiteral("-in"), keyPath,
                         QStringLiteral("-passout"), QStringLiteral("pass:pem-password")});
            QCOMPARE(encrypted.exitCode, 0);
            QVERIFY(encrypted.out.contains("ENCRYPTED PRIVATE KEY"));
            QVERIFY(writeBytes(file, readBytes(leaf) + encrypted.out +
                                         readBytes(m_pki.intermediatePath())));
        } else if (format.startsWith(QLatin1String("p7b"))) {
            file = path(QStringLiteral("answer.p7b"));
            QCOMPARE(openssl({QStringLiteral("crl2pkcs7"), QStringLiteral("-nocrl"),
                              QStringLiteral("-certfile"), leaf, QStringLiteral("-certfile"),
                              m_pki.intermediatePath(), QStringLiteral("-outform"),
                              format == QLatin1String("p7b-der") ? QStringLiteral("DER")
                                                                 : QStringLiteral("PEM"),
                              QStringLiteral("-out"), file})
                         .exitCode,
                     0);
        } else {
            file = path(QStringLiteral("answer.pfx"));
            password = "pfx-password";
            QStringList args{QStringLiteral("pkcs12"),    QStringLiteral("-export"),
                             QStringLiteral("-in"),       leaf,
                             QStringLiteral("-certfile"), m_pki.intermediatePath(),
                             QStringLiteral("-out"),      file,
                             QStringLiteral("-passout"),  QStringLiteral("pass:pfx-password")};
            if (keyPath.isEmpty())
                args << QStringLiteral("-nokeys");
            else
                args << QStringLiteral("-inkey") << keyPath;
            const auto r = openssl(args);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }

        ImportOptions options;
        options.password = password;
        options.topology = nullptr;
        Result imported = store.importFile(file, options);
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : message(imported.error())));
        const ImportResult &r = imported.value();
        QCOMPARE(r.certificate.sourceFormat, expectedFormat);
        QCOMPARE(r.keySource, pendingId.isEmpty() ? QStringLiteral("the file")
                                                  : QStringLiteral("pending request ") + pendingId);
        QVERIFY(r.certificate.chainComplete);
        QCOMPARE(r.certificate.chainLength, 3); // leaf, intermediate, root
        for (const CertificateFinding &f : r.findings)
            QVERIFY2(f.severity != fedgate::topology::Severity::Error, qPrintable(f.message));
        QCOMPARE(r.certificate.info.commonName, QStringLiteral("access.contoso.test"));
        // The answered request is no longer pending.
        QVERIFY(store.pendingRequests().value().isEmpty());

        Result assigned = store.assign(r.certificate.id, CertificateUsage::ExternalEdge, nullptr);
        QVERIFY2(assigned.ok(), qPrintable(assigned.ok() ? QString() : message(assigned.error())));
        Result loaded = store.loadAssigned(CertificateUsage::ExternalEdge);
        QVERIFY(loaded.ok());
        const AssignedCertificate &a = loaded.value();
        QVERIFY(sameKey(X509_get0_pubkey(a.certificate.get()), a.key.get()));
        QCOMPARE(a.chain.size(), size_t(1)); // the intermediate; the root is not served
        QCOMPARE(certificatesFromPem(a.chainPem).size(), size_t(2));
        QCOMPARE(a.assignment.certificateId, r.certificate.id);
        // The served chain verifies against the root with openssl.
        const QString served = store.root() + QStringLiteral("/assigned/external.pem");
        const auto verify =
            openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), m_pki.rootPath(),
                     QStringLiteral("-untrusted"), served, served});
        QVERIFY2(verify.exitCode == 0, verify.out + verify.err);
        QCOMPARE(QFileInfo(store.root() + QStringLiteral("/assigned/external.key")).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        if (keyPath.isEmpty())
            return;
        // A key from a file keeps its public half: the same as openssl's.
        const auto pub = openssl(
            {QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-pubout")});
        BioPtr bio = memoryBio(pub.out);
        PKeyPtr original(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
        QVERIFY(sameKey(original.get(), a.key.get()));
    }

    void incompleteChainIsReportedNotHidden()
    {
        KeyStore store;
        const QString leaf = path(QStringLiteral("leaf.pem"));
        QVERIFY(!requestAndSign(store, leaf).isEmpty());
        // The leaf alone; the intermediate is nowhere.
        Result imported = store.importFile(leaf);
        QVERIFY(imported.ok());
        QVERIFY(!imported.value().certificate.chainComplete);
        QCOMPARE(imported.value().certificate.chainLength, 1);
        bool reported = false;
        for (const CertificateFinding &f : imported.value().findings) {
            if (f.rule == QLatin1String("incomplete-chain")) {
                reported = true;
                QVERIFY(f.message.contains(QLatin1String("Test Intermediate CA")));
                QVERIFY(f.severity == fedgate::topology::Severity::Error);
            }
        }
        QVERIFY(reported);
    }

    void foreignCertificateIsRefused()
    {
        KeyStore store;
        // Something already assigned to both interfaces.
        const QString leaf = path(QStringLiteral("leaf.pem"));
        QVERIFY(!requestAndSign(store, leaf).isEmpty());
        Result first = store.importFile(leaf);
        QVERIFY(first.ok());
        QVERIFY(store.assign(first.value().certificate.id, CertificateUsage::ExternalEdge).ok());
        CertificateRequest internal;
        internal.usage = CertificateUsage::InternalEdge;
        internal.mode = RequestMode::Immediate;
        internal.keyType = KeyType::EcP256;
        Result immediate = store.createRequest(certificateTestTopology(), internal);
        QVERIFY(immediate.ok());
        QVERIFY(immediate.value().issued.has_value());
        QVERIFY(
            store.assign(immediate.value().issued->certificate.id, CertificateUsage::InternalEdge)
                .ok());

        // A new pending request for the same names, and an answer for a
        // key that is not its own.
        CertificateRequest renewal;
        renewal.keyType = KeyType::EcP256;
        Result pending = store.createRequest(certificateTestTopology(), renewal);
        QVERIFY(pending.ok());
        const QString foreign = foreignCertificate(QStringLiteral("access.contoso.test"));
        QVERIFY(!foreign.isEmpty());

        const auto before = snapshot(m_dir->filePath(QStringLiteral("data")));
        Result refused = store.importFile(foreign);
        QVERIFY(!refused.ok());
        const QString text = message(refused.error());
        QVERIFY2(text.contains(QLatin1String("matches the key of no pending request")),
                 qPrintable(text));
        QVERIFY2(text.contains(pending.value().request.id), qPrintable(text)); // the closest
        QVERIFY(text.contains(QLatin1String("CN=access.contoso.test")));
        QCOMPARE(snapshot(m_dir->filePath(QStringLiteral("data"))), before);
        Result external = store.loadAssigned(CertificateUsage::ExternalEdge);
        QVERIFY(external.ok());
        QCOMPARE(external.value().assignment.certificateId, first.value().certificate.id);

        // A file with a key that is not the certificate's own.
        const QString mixed = path(QStringLiteral("mixed.pem"));
        const auto otherKey =
            openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256")});
        QVERIFY(writeBytes(mixed, readBytes(foreign) + otherKey.out));
        refused = store.importFile(mixed);
        QVERIFY(!refused.ok());
        QVERIFY2(message(refused.error()).contains(QLatin1String("does not belong")),
                 qPrintable(message(refused.error())));
        QCOMPARE(snapshot(m_dir->filePath(QStringLiteral("data"))), before);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("corrupt PEM") << "corrupt-pem"
                                     << "damaged";
        QTest::newRow("wrong PFX password") << "wrong-password"
                                            << "password";
        QTest::newRow("PFX without the password") << "no-password"
                                                  << "protected by a password";
        QTest::newRow("DER CRL") << "crl"
                                 << "revocation list";
        QTest::newRow("CSR instead of certificate") << "csr"
                                                    << "certificate request";
        QTest::newRow("10 MB of random bytes") << "random"
                                               << "not a certificate file";
        QTest::newRow("empty file") << "empty"
                                    << "empty";
        QTest::newRow("only CA certificates") << "ca-only"
                                              << "only CA certificates";
        QTest::newRow("missing file") << "missing"
                                      << "Cannot read";
        QTest::newRow("PEM key, wrong password") << "pem-wrong-password"
                                                 << "password is wrong";
    }

    void badInput()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        KeyStore store;
        const QString leaf = path(QStringLiteral("leaf.pem"));
        QVERIFY(!requestAndSign(store, leaf).isEmpty());
        const QString file = path(QStringLiteral("input.bin"));
        QByteArray password;
        if (kind == QLatin1String("corrupt-pem")) {
            QByteArray pem = readBytes(leaf);
            const qsizetype middle = pem.size() / 2;
            pem.replace(middle, 8, "!!@@##$$"); // not base64
            QVERIFY(writeBytes(file, pem));
        } else if (kind == QLatin1String("wrong-password") ||
                   kind == QLatin1String("no-password")) {
            QCOMPARE(openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"),
                              QStringLiteral("-nokeys"), QStringLiteral("-in"), leaf,
                              QStringLiteral("-out"), file, QStringLiteral("-passout"),
                              QStringLiteral("pass:right-password")})
                         .exitCode,
                     0);
            if (kind == QLatin1String("wrong-password"))
                password = "wrong-password";
        } else if (kind == QLatin1String("pem-wrong-password")) {
            const auto key =
                openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                         QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-aes256"),
                         QStringLiteral("-pass"), QStringLiteral("pass:right-password")});
            QCOMPARE(key.exitCode, 0);
            QVERIFY(writeBytes(file, readBytes(leaf) + key.out));
            password = "wrong-password";
        } else if (kind == QLatin1String("crl")) {
            // A CRL signed by the test intermediate, in DER.
            X509CrlPtr crl(X509_CRL_new());
            std::vector<X509Ptr> ca = certificatesFromPem(readBytes(m_pki.intermediatePath()));
            const QByteArray keyPem = readBytes(m_pkiDir->filePath(QStringLiteral("int.key")));
            BioPtr keyBio = memoryBio(keyPem); // keyPem outlives the BIO
            PKeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
            QVERIFY(crl && !ca.empty() && key);
            X509_CRL_set_version(crl.get(), 1);
            X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(ca.front().get()));
            ASN1_TIME *now = ASN1_TIME_set(nullptr, time(nullptr));
            X509_CRL_set1_lastUpdate(crl.get(), now);
            X509_CRL_set1_nextUpdate(crl.get(), now);
            ASN1_TIME_free(now);
            QVERIFY(X509_CRL_sign(crl.get(), key.get(), EVP_sha256()) > 0);
            unsigned char *der = nullptr;
            const int length = i2d_X509_CRL(crl.get(), &der);
            QVERIFY(length > 0);
            QVERIFY(writeBytes(file, QByteArray(reinterpret_cast<const char *>(der), length)));
            OPENSSL_free(der);
        } else if (kind == QLatin1String("csr")) {
            QVERIFY(QFile::copy(path(QStringLiteral("request.csr")), file));
        } else if (kind == QLatin1String("random")) {
            QByteArray noise(10 * 1024 * 1024, Qt::Uninitialized);
            QRandomGenerator generator(20261121);
            generator.fillRange(reinterpret_cast<quint32 *>(noise.data()),
                                noise.size() / sizeof(quint32));
            QVERIFY(writeBytes(file, noise));
        } else if (kind == QLatin1String("empty")) {
            QVERIFY(writeBytes(file, QByteArray()));
        } else if (kind == QLatin1String("ca-only")) {
            QVERIFY(writeBytes(file,
                               readBytes(m_pki.intermediatePath()) + readBytes(m_pki.rootPath())));
        } else if (kind == QLatin1String("missing")) {
            QVERIFY(!QFile::exists(file));
        }

        const auto before = snapshot(m_dir->filePath(QStringLiteral("data")));
        ImportOptions options;
        options.password = password;
        Result imported = store.importFile(file, options);
        QVERIFY(!imported.ok());
        QVERIFY2(message(imported.error()).contains(expected, Qt::CaseInsensitive),
                 qPrintable(message(imported.error())));
        QVERIFY(!store.isStoreError(imported.error())); // the input's fault, exit code 1
        QCOMPARE(snapshot(m_dir->filePath(QStringLiteral("data"))), before);
        QCOMPARE(store.pendingRequests().value().size(), 1);
        QVERIFY(store.certificates().value().isEmpty());
    }

    void keyFilesAreProtected()
    {
        KeyStore store;
        CertificateRequest request;
        request.keyType = KeyType::EcP256;
        Result outcome = store.createRequest(certificateTestTopology(), request);
        QVERIFY(outcome.ok());
        const QString keyFile = store.root() + QStringLiteral("/pending/") +
                                outcome.value().request.id + QStringLiteral("/key.pem");
        QCOMPARE(QFileInfo(keyFile).permissions() & 0x7777,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                     QFileDevice::WriteUser);
        QCOMPARE(QFileInfo(store.secretPath()).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QVERIFY(readBytes(keyFile).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        // Without the passphrase openssl cannot read it as a key...
        auto r =
            openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyFile,
                     QStringLiteral("-passin"), QStringLiteral("pass:"), QStringLiteral("-noout")});
        QVERIFY(r.exitCode != 0);
        r = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyFile,
                     QStringLiteral("-passin"), QStringLiteral("pass:guess"),
                     QStringLiteral("-noout")});
        QVERIFY(r.exitCode != 0);
        // ...and with it, it is an AES-256 PKCS#8 key.
        const QString secret = QString::fromLatin1(readBytes(store.secretPath()).trimmed());
        r = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyFile,
                     QStringLiteral("-passin"), QStringLiteral("pass:") + secret,
                     QStringLiteral("-noout")});
        QCOMPARE(r.exitCode, 0);
        r = openssl({QStringLiteral("asn1parse"), QStringLiteral("-in"), keyFile});
        QVERIFY(r.out.contains("aes-256-cbc"));
        QVERIFY(r.out.contains("PBKDF2"));
    }

    void passphraseFromEnvironment()
    {
        qputenv("FEDGATE_KEYSTORE_PASSPHRASE", "correct horse battery staple");
        KeyStore store;
        CertificateRequest request;
        request.keyType = KeyType::EcP256;
        Result outcome = store.createRequest(certificateTestTopology(), request);
        QVERIFY(outcome.ok());
        QVERIFY(!QFile::exists(store.secretPath())); // no secret file is made
        const QString keyFile = store.root() + QStringLiteral("/pending/") +
                                outcome.value().request.id + QStringLiteral("/key.pem");
        QCOMPARE(
            openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyFile,
                     QStringLiteral("-passin"), QStringLiteral("pass:correct horse battery staple"),
                     QStringLiteral("-noout")})
                .exitCode,
            0);
        // Another passphrase cannot open the store's keys: a clear error.
        qputenv("FEDGATE_KEYSTORE_PASSPHRASE", "something else");
        const QString leaf = path(QStringLiteral("leaf.pem"));
        QVERIFY(m_pki.sign(store.root() + QStringLiteral("/pending/") + outcome.value().request.id +
                               QStringLiteral("/request.csr"),
                           leaf, 200, nullptr));
        Result imported = store.importFile(leaf);
        QVERIFY(!imported.ok());
        QVERIFY(message(imported.error()).contains(QLatin1String("FEDGATE_KEYSTORE_PASSPHRASE")));
        QVERIFY(store.isStoreError(imported.error()));
        qunsetenv("FEDGATE_KEYSTORE_PASSPHRASE");
    }

    void exportOnlyWhenExportable()
    {
        KeyStore store;
        const QString leaf = path(QStringLiteral("leaf.pem"));
        QVERIFY(!requestAndSign(store, leaf, CertificateUsage::ExternalEdge, true).isEmpty());
        QVERIFY(writeBytes(path(QStringLiteral("chain.pem")),
                           readBytes(leaf) + readBytes(m_pki.intermediatePath())));
        Result imported = store.importFile(path(QStringLiteral("chain.pem")));
        QVERIFY(imported.ok());
        QVERIFY(imported.value().certificate.exportable);
        QVERIFY(store.assign(imported.value().certificate.id, CertificateUsage::ExternalEdge).ok());
        const QString pfx = path(QStringLiteral("export.pfx"));
        Status s = store.exportPkcs12(CertificateUsage::ExternalEdge, pfx, "short");
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QLatin1String("8 characters")));
        QVERIFY(store.exportPkcs12(CertificateUsage::ExternalEdge, pfx, "export-password").ok());
        QCOMPARE(QFileInfo(pfx).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const auto r = openssl({QStringLiteral("pkcs12"), QStringLiteral("-in"), pfx,
                                QStringLiteral("-passin"), QStringLiteral("pass:export-password"),
                                QStringLiteral("-nodes")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.count("BEGIN CERTIFICATE"), 2);
        QCOMPARE(r.out.count("BEGIN PRIVATE KEY"), 1);
        // The export imports on another member (a fresh store) with its key.
        qputenv("FEDGATE_DATA_DIR", m_dir->filePath(QStringLiteral("member2")).toUtf8());
        KeyStore member2;
        ImportOptions options;
        options.password = "export-password";
        Result again = member2.importFile(pfx, options);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : message(again.error())));
        QCOMPARE(again.value().certificate.id, imported.value().certificate.id);
        QCOMPARE(again.value().keySource, QStringLiteral("the file"));

        // A certificate that was not marked exportable stays.
        qputenv("FEDGATE_DATA_DIR", m_dir->filePath(QStringLiteral("data")).toUtf8());
        CertificateRequest internal;
        internal.usage = CertificateUsage::InternalEdge;
        internal.mode = RequestMode::Immediate;
        internal.keyType = KeyType::EcP256;
        Result immediate = store.createRequest(certificateTestTopology(), internal);
        QVERIFY(immediate.ok());
        QVERIFY(
            store.assign(immediate.value().issued->certificate.id, CertificateUsage::InternalEdge)
                .ok());
        s = store.exportPkcs12(CertificateUsage::InternalEdge, path(QStringLiteral("no.pfx")),
                               "export-password");
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QLatin1String("not marked exportable")));
        QVERIFY(!QFile::exists(path(QStringLiteral("no.pfx"))));
    }

    // Immediate requests from several threads at once: one internal CA is
    // created, and every certificate chains to it.
    void concurrentImmediateRequests()
    {
        KeyStore store;
        std::atomic<int> succeeded{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 3; ++i) {
            threads.emplace_back([&] {
                CertificateRequest request;
                request.usage = CertificateUsage::InternalEdge;
                request.mode = RequestMode::Immediate;
                request.keyType = KeyType::EcP256;
                if (store.createRequest(certificateTestTopology(), request).ok())
                    ++succeeded;
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(succeeded.load(), 3);
        Result list = store.certificates();
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 3);
        const QString ca = m_dir->filePath(QStringLiteral("data/ca/ca.pem"));
        for (const StoredCertificate &c : list.value()) {
            const QString chain =
                store.root() + QStringLiteral("/store/") + c.id + QStringLiteral("/chain.pem");
            const auto verify =
                openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), ca, chain});
            QVERIFY2(verify.exitCode == 0, verify.out + verify.err);
        }
    }

    void immediateInternalCertificate()
    {
        KeyStore store;
        CertificateRequest request;
        request.usage = CertificateUsage::InternalEdge;
        request.mode = RequestMode::Immediate;
        request.keyType = KeyType::EcP256;
        Result outcome = store.createRequest(certificateTestTopology(), request);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : message(outcome.error())));
        QVERIFY(outcome.value().issued.has_value());
        const ImportResult &issued = *outcome.value().issued;
        QVERIFY(issued.findings.isEmpty());
        QVERIFY(issued.certificate.chainComplete);
        QCOMPARE(issued.certificate.info.dnsNames,
                 QStringList({"edge.contoso.test", "edge1.contoso.test", "edge2.contoso.test"}));
        QVERIFY(issued.certificate.info.clientAuth && issued.certificate.info.serverAuth);
        QVERIFY(store.assign(issued.certificate.id, CertificateUsage::InternalEdge).ok());
        const fedgate::topology::Topology topology = certificateTestTopology();
        Result check = store.checkAssigned(CertificateUsage::InternalEdge, &topology);
        QVERIFY(check.ok());
        QVERIFY(check.value().isEmpty());
        // The internal CA's certificate verifies the served chain.
        const auto verify = openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"),
                                     m_dir->filePath(QStringLiteral("data/ca/ca.pem")),
                                     store.root() + QStringLiteral("/assigned/internal.pem")});
        QVERIFY2(verify.exitCode == 0, verify.out + verify.err);
        // Nothing is assigned to the external interface yet: a clear error.
        Result external = store.loadAssigned(CertificateUsage::ExternalEdge);
        QVERIFY(!external.ok());
        QVERIFY(message(external.error()).contains(QLatin1String("No certificate is assigned")));
        QVERIFY(!store.isStoreError(external.error())); // the user's next step, exit code 1

        // The engine never serves a certificate with another key: files
        // changed by hand are caught when they are loaded.
        const QString served = store.root() + QStringLiteral("/assigned/internal.pem");
        QVERIFY(writeBytes(served, readBytes(m_pki.intermediatePath())));
        Result tampered = store.loadAssigned(CertificateUsage::InternalEdge);
        QVERIFY(!tampered.ok());
        QVERIFY(message(tampered.error()).contains(QLatin1String("do not match")));
        QVERIFY(store.isStoreError(tampered.error()));
    }
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"

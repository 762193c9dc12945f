// Every lint rule, each triggered by a certificate made for it, and a clean
// certificate that triggers none: the rule ids are checked as a set, so a
// rule that fires too often fails as surely as one that never fires.
#include "CertsTestSupport.h"

#include "certs/CertificateLint.h"
#include "certs/CertificateNames.h"
#include "certs/ChainBuilder.h"
#include "certs/KeyStore.h"
#include "certs/OpenSsl.h"

#include <QTemporaryDir>
#include <QtTest>

#include <openssl/rand.h>

#include <memory>

using namespace fedgate::certs;
using fedgate::Result;
using fedgate::topology::Severity;

namespace {

struct Spec
{
    QString commonName = QStringLiteral("access.contoso.test");
    QStringList dnsNames = {"access.contoso.test", "access1.contoso.test", "access2.contoso.test",
                            "contoso.test"};
    int notBeforeDays = -1;
    int notAfterDays = 200;
    QString eku = QStringLiteral("serverAuth,clientAuth"); // "" = no EKU extension
    int rsaBits = 0;                                       // 0 = EC P-256
    bool sha1 = false;
    bool ca = false;
};

bool addExtension(X509 *certificate, X509 *issuer, int nid, const QString &value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    const QByteArray text = value.toLatin1();
    X509ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, text.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

// A certificate for `spec` with `key`, signed by issuer/issuerKey (both null =
// self-signed).
X509Ptr makeCertificate(const Spec &spec, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuerKey)
{
    X509Ptr certificate(X509_new());
    X509_set_version(certificate.get(), X509_VERSION_3);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(certificate.get()));
    BN_free(bn);
    X509NamePtr name(X509_NAME_new());
    const QByteArray cn = spec.commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name.get(), "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_subject_name(certificate.get(), name.get());
    X509_set_issuer_name(certificate.get(), issuer ? X509_get_subject_name(issuer) : name.get());
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), long(spec.notBeforeDays) * 86400);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(spec.notAfterDays) * 86400);
    X509_set_pubkey(certificate.get(), key);
    X509 *signer = issuer ? issuer : certificate.get();
    if (spec.ca) {
        addExtension(certificate.get(), signer, NID_basic_constraints,
                     QStringLiteral("critical,CA:TRUE"));
        addExtension(certificate.get(), signer, NID_key_usage,
                     QStringLiteral("critical,keyCertSign,cRLSign"));
    } else {
        addExtension(certificate.get(), signer, NID_basic_constraints,
                     QStringLiteral("critical,CA:FALSE"));
    }
    addExtension(certificate.get(), signer, NID_subject_key_identifier, QStringLiteral("hash"));
    if (issuer)
        addExtension(certificate.get(), signer, NID_authority_key_identifier,
                     QStringLiteral("keyid:always"));
    if (!spec.dnsNames.isEmpty()) {
        QStringList entries;
        for (const QString &dns : spec.dnsNames)
            entries << QStringLiteral("DNS:") + dns;
        addExtension(certificate.get(), signer, NID_subject_alt_name,
                     entries.join(QLatin1Char(',')));
    }
    if (!spec.eku.isEmpty())
        addExtension(certificate.get(), signer, NID_ext_key_usage, spec.eku);
    X509_sign(certificate.get(), issuerKey ? issuerKey : key,
              spec.sha1 ? EVP_sha1() : EVP_sha256());
    return certificate;
}

PKeyPtr ecKey()
{
    return PKeyPtr(EVP_EC_gen("P-256"));
}

} // namespace

class TestCertificateLint : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PKeyPtr m_rootKey;
    X509Ptr m_root; // in the "system" trust store (SSL_CERT_FILE)
    PKeyPtr m_unknownKey;
    X509Ptr m_unknownRoot; // trusted by nobody
    PKeyPtr m_leafKey;     // reused: key generation is not what is tested

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Spec rootSpec;
        rootSpec.commonName = QStringLiteral("Lint Test Root");
        rootSpec.dnsNames.clear();
        rootSpec.eku.clear();
        rootSpec.ca = true;
        rootSpec.notAfterDays = 3650;
        m_rootKey = ecKey();
        m_root = makeCertificate(rootSpec, m_rootKey.get(), nullptr, nullptr);
        rootSpec.commonName = QStringLiteral("Unknown Root");
        m_unknownKey = ecKey();
        m_unknownRoot = makeCertificate(rootSpec, m_unknownKey.get(), nullptr, nullptr);
        m_leafKey = ecKey();
        QVERIFY(m_root && m_unknownRoot && m_leafKey);
        const QString trust = m_dir.filePath(QStringLiteral("trust.pem"));
        QVERIFY(fedgate::test::writeBytes(trust, certificateToPem(m_root.get())));
        qputenv("SSL_CERT_FILE", trust.toUtf8());
    }

    void rules_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("usage");
        QTest::addColumn<QStringList>("expectedRules");
        QTest::addColumn<int>("errors");

        const auto row = [](const char *name, const char *variant, const char *usage,
                            QStringList rules, int errors) {
            QTest::newRow(name) << QString::fromLatin1(variant) << QString::fromLatin1(usage)
                                << rules << errors;
        };
        row("clean external", "clean", "external", {}, 0);
        row("clean internal", "clean", "internal", {}, 0);
        row("no EKU at all is any purpose", "no-eku", "external", {}, 0);
        row("names missing", "missing-names", "external", {"missing-names"}, 1);
        row("not yet valid", "not-yet-valid", "external", {"not-yet-valid"}, 1);
        row("expired", "expired", "external", {"expired"}, 1);
        row("expires within 30 days", "expires-20", "external", {"expires-within-30-days"}, 0);
        row("expires within 7 days", "expires-3", "external", {"expires-within-7-days"}, 1);
        row("serverAuth only (Let's Encrypt 2026)", "server-only", "external", {"no-client-auth"},
            0);
        row("clientAuth only", "client-only", "external", {"no-server-auth"}, 1);
        row("RSA 1024", "rsa1024", "external", {"weak-rsa-key"}, 1);
        row("SHA-1 signature", "sha1", "external", {"sha1-signature"}, 1);
        row("self-signed external", "self-signed", "external", {"self-signed-external"}, 1);
        row("self-signed internal is fine", "self-signed", "internal", {}, 0);
        row("issuer missing", "incomplete", "external", {"incomplete-chain"}, 1);
        row("root nobody trusts", "untrusted-root", "external", {"untrusted-root"}, 0);
        row("internal CA on the external interface", "internal-ca", "external", {"untrusted-root"},
            0);
        row("internal CA on the internal interface", "internal-ca", "internal", {}, 0);
        row("CN only, no SANs", "cn-only", "external", {"cn-only"}, 0);
    }

    void rules()
    {
        QFETCH(QString, variant);
        QFETCH(QString, usage);
        QFETCH(QStringList, expectedRules);
        QFETCH(int, errors);

        Spec spec;
        LintOptions options;
        QVERIFY(parseUsage(usage, &options.usage));
        options.requiredNames = {"access.contoso.test", "access1.contoso.test",
                                 "access2.contoso.test", "contoso.test"};
        if (options.usage == CertificateUsage::InternalEdge) {
            spec.commonName = QStringLiteral("edge.contoso.test");
            spec.dnsNames =
                QStringList{"edge.contoso.test", "edge1.contoso.test", "edge2.contoso.test"};
            options.requiredNames = spec.dnsNames;
        }
        X509 *issuer = m_root.get();
        EVP_PKEY *issuerKey = m_rootKey.get();
        PKeyPtr weakKey;
        std::vector<X509Ptr> given;
        std::vector<X509Ptr> anchors;
        EVP_PKEY *key = m_leafKey.get();

        if (variant == QLatin1String("no-eku")) {
            spec.eku.clear();
        } else if (variant == QLatin1String("missing-names")) {
            spec.dnsNames = {"access.contoso.test"};
        } else if (variant == QLatin1String("not-yet-valid")) {
            spec.notBeforeDays = 2;
        } else if (variant == QLatin1String("expired")) {
            spec.notBeforeDays = -100;
            spec.notAfterDays = -1;
        } else if (variant == QLatin1String("expires-20")) {
            spec.notAfterDays = 20;
        } else if (variant == QLatin1String("expires-3")) {
            spec.notAfterDays = 3;
        } else if (variant == QLatin1String("server-only")) {
            spec.eku = QStringLiteral("serverAuth");
        } else if (variant == QLatin1String("client-only")) {
            spec.eku = QStringLiteral("clientAuth");
        } else if (variant == QLatin1String("rsa1024")) {
            weakKey.reset(EVP_RSA_gen(1024));
            key = weakKey.get();
        } else if (variant == QLatin1String("sha1")) {
            spec.sha1 = true;
        } else if (variant == QLatin1String("self-signed")) {
            issuer = nullptr;
            issuerKey = nullptr;
        } else if (variant == QLatin1String("incomplete")) {
            issuer = m_unknownRoot.get();
            issuerKey = m_unknownKey.get();
        } else if (variant == QLatin1String("untrusted-root")) {
            issuer = m_unknownRoot.get();
            issuerKey = m_unknownKey.get();
            given.push_back(share(m_unknownRoot.get()));
        } else if (variant == QLatin1String("internal-ca")) {
            issuer = m_unknownRoot.get();
            issuerKey = m_unknownKey.get();
            anchors.push_back(share(m_unknownRoot.get())); // as KeyStore passes the internal CA
        } else if (variant == QLatin1String("cn-only")) {
            spec.dnsNames.clear();
            options.requiredNames = {"access.contoso.test"};
        }

        X509Ptr leaf = makeCertificate(spec, key, issuer, issuerKey);
        QVERIFY(leaf);
        const Chain chain = buildChain(leaf.get(), given, anchors);
        const QList<CertificateFinding> findings = lint(leaf.get(), chain, options);
        QStringList rules;
        int errorCount = 0;
        for (const CertificateFinding &f : findings) {
            rules << f.rule;
            QVERIFY2(f.message.size() > 40, qPrintable(f.message)); // a sentence with the fix
            if (f.severity == Severity::Error)
                ++errorCount;
        }
        QCOMPARE(rules, expectedRules);
        QCOMPARE(errorCount, errors);
        QCOMPARE(hasErrors(findings), errors > 0);
        if (variant == QLatin1String("missing-names")) {
            QCOMPARE(findings.first().names,
                     QStringList({"access1.contoso.test", "access2.contoso.test", "contoso.test"}));
            QVERIFY(findings.first().message.contains(QLatin1String("access1.contoso.test")));
        }
        if (variant == QLatin1String("server-only"))
            QVERIFY(findings.first().message.contains(QLatin1String("dialback still works")));
    }

    // The same engine through the key store: a file on disk, and the names
    // the topology needs.
    void checkFileWithTopologyNames()
    {
        QTemporaryDir data;
        qputenv("FEDGATE_DATA_DIR", data.path().toUtf8());
        Spec spec;
        spec.dnsNames = {"access.contoso.test"};
        X509Ptr leaf = makeCertificate(spec, m_leafKey.get(), m_root.get(), m_rootKey.get());
        const QString file = data.filePath(QStringLiteral("leaf.pem"));
        QVERIFY(fedgate::test::writeBytes(file, certificateToPem(leaf.get())));
        Result required =
            requiredNames(fedgate::test::certificateTestTopology(), CertificateUsage::ExternalEdge);
        QVERIFY(required.ok());
        LintOptions options;
        options.requiredNames = required.value();
        KeyStore store;
        Result findings = store.checkFile(file, options);
        QVERIFY(findings.ok());
        QCOMPARE(findings.value().size(), 1);
        QCOMPARE(findings.value().first().rule, QStringLiteral("missing-names"));
        QCOMPARE(findings.value().first().names,
                 QStringList({"access1.contoso.test", "access2.contoso.test", "contoso.test"}));
    }
};

QTEST_GUILESS_MAIN(TestCertificateLint)
#include "tst_certificatelint.moc"

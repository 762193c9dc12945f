// Renewal and removal of an assignment: a renewed request carries the names
// of the certificate it renews (subject, SANs, usage, key type) with a new
// key, delayed for an outside CA or signed at once when the internal CA made
// the original, while the old certificate stays assigned; removing an
// assignment clears only that interface (the engine then finds none) and
// keeps the certificate in the store.
#include "CertsTestSupport.h"

#include "certs/KeyStore.h"
#include "engine/AssignedTlsIdentity.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::certs;
using fedgate::test::certificateTestTopology;
using namespace Qt::StringLiterals;

class TstCertificateRenewal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void delayedRenewalKeepsNamesWithNewKey();
    void immediateRenewalByTheInternalCa();
    void unassignClearsOnlyThatUsage();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString dataDir() const { return path(u"data"_s); }

    std::unique_ptr<QTemporaryDir> m_pkiDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    test::TestPki m_pki;
};

void TstCertificateRenewal::initTestCase()
{
    m_pkiDir = std::make_unique<QTemporaryDir>();
    QString error;
    QVERIFY2(m_pki.create(m_pkiDir->path(), &error), qPrintable(error));
}

void TstCertificateRenewal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("FEDGATE_DATA_DIR", dataDir().toUtf8());
    qunsetenv("FEDGATE_KEYSTORE_PASSPHRASE");
    qputenv("SSL_CERT_FILE", m_pki.rootPath().toUtf8());
}

void TstCertificateRenewal::delayedRenewalKeepsNamesWithNewKey()
{
    KeyStore store;
    CertificateRequest request;
    request.keyType = KeyType::EcP384;
    request.csrPath = path(u"first.csr"_s);
    request.friendlyName = u"Edge 2026"_s;
    request.exportable = true;
    request.organisation = u"Contoso"_s;
    request.country = u"FR"_s;
    request.city = u"Lyon"_s;
    request.sipDomains = {u"fabrikam.test"_s};
    request.includeSrvIds = true;
    Result first = store.createRequest(certificateTestTopology(), request);
    QVERIFY(first.ok());
    QString error;
    QVERIFY2(m_pki.sign(request.csrPath, path(u"first.pem"_s), 200, &error), qPrintable(error));
    Result imported = store.importFile(path(u"first.pem"_s));
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
    const StoredCertificate old = imported.value().certificate;
    QVERIFY(store.assign(old.id, CertificateUsage::ExternalEdge).ok());

    // An outside CA signed it: no immediate renewal, said plainly.
    Result refused = store.renew(old.id, RequestMode::Immediate);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(u"not issued by the internal CA"_s));

    Result renewed = store.renew(old.id.left(12), RequestMode::Delayed, path(u"renew.csr"_s));
    QVERIFY2(renewed.ok(), qPrintable(renewed.ok() ? QString() : renewed.error().message));
    const PendingRequest &pending = renewed.value().request;
    QVERIFY(!renewed.value().issued);
    QCOMPARE(pending.names.commonName, old.info.commonName);
    QCOMPARE(pending.names.dnsNames, old.info.dnsNames);
    QCOMPARE(pending.names.srvIds, old.info.srvIds);
    QVERIFY(pending.names.dnsNames.contains(u"sip.fabrikam.test"_s));
    QVERIFY(pending.request.usage == CertificateUsage::ExternalEdge);
    QVERIFY(pending.request.keyType == KeyType::EcP384);
    QCOMPARE(pending.request.friendlyName, u"Edge 2026"_s);
    QVERIFY(pending.request.exportable);
    QCOMPARE(pending.keyDescription, u"ECDSA P-384"_s);
    QVERIFY(pending.id != first.value().request.id); // a new key
    QCOMPARE(renewed.value().csrWrittenTo, QFileInfo(path(u"renew.csr"_s)).absoluteFilePath());

    // The CA sees the same subject in the new CSR.
    const auto subjectOf = [](const QString &csr) {
        return test::openssl({u"req"_s, u"-in"_s, csr, u"-noout"_s, u"-subject"_s}).out;
    };
    QCOMPARE(subjectOf(path(u"renew.csr"_s)), subjectOf(path(u"first.csr"_s)));

    // The old certificate serves until the new one is imported and assigned.
    Result still = store.assignment(CertificateUsage::ExternalEdge);
    QVERIFY(still.ok() && still.value());
    QCOMPARE(still.value()->certificateId, old.id);
    QVERIFY2(m_pki.sign(path(u"renew.csr"_s), path(u"renew.pem"_s), 200, &error),
             qPrintable(error));
    Result second = store.importFile(path(u"renew.pem"_s));
    QVERIFY(second.ok());
    QCOMPARE(second.value().certificate.requestId, pending.id);
    QCOMPARE(second.value().certificate.info.dnsNames, old.info.dnsNames);
    QVERIFY(store.assign(second.value().certificate.id, CertificateUsage::ExternalEdge).ok());

    QVERIFY(!store.renew(u"0000000000"_s, RequestMode::Delayed).ok());
}

void TstCertificateRenewal::immediateRenewalByTheInternalCa()
{
    KeyStore store;
    CertificateRequest request;
    request.usage = CertificateUsage::InternalEdge;
    request.mode = RequestMode::Immediate;
    request.keyType = KeyType::EcP256;
    Result first = store.createRequest(certificateTestTopology(), request);
    QVERIFY(first.ok() && first.value().issued);
    const StoredCertificate old = first.value().issued->certificate;
    QVERIFY(store.assign(old.id, CertificateUsage::InternalEdge).ok());

    Result renewed = store.renew(old.id, RequestMode::Immediate);
    QVERIFY2(renewed.ok(), qPrintable(renewed.ok() ? QString() : renewed.error().message));
    QVERIFY(renewed.value().issued);
    const StoredCertificate &fresh = renewed.value().issued->certificate;
    QVERIFY(fresh.id != old.id);
    QVERIFY(fresh.usage == CertificateUsage::InternalEdge);
    QCOMPARE(fresh.sourceFormat, u"internal CA"_s);
    QCOMPARE(fresh.info.subject, old.info.subject);
    QCOMPARE(fresh.info.dnsNames, old.info.dnsNames);
    QCOMPARE(fresh.info.keyDescription, u"ECDSA P-256"_s);
    QVERIFY(renewed.value().request.id != first.value().request.id);
    QCOMPARE(store.assignment(CertificateUsage::InternalEdge).value()->certificateId, old.id);
    QCOMPARE(store.certificates().value().size(), 2);
}

void TstCertificateRenewal::unassignClearsOnlyThatUsage()
{
    KeyStore store;
    QStringList ids;
    for (CertificateUsage usage :
         {CertificateUsage::ExternalEdge, CertificateUsage::InternalEdge}) {
        CertificateRequest request;
        request.usage = usage;
        request.mode = RequestMode::Immediate;
        request.keyType = KeyType::EcP256;
        Result made = store.createRequest(certificateTestTopology(), request);
        QVERIFY(made.ok() && made.value().issued);
        ids << made.value().issued->certificate.id;
        QVERIFY(store.assign(ids.last(), usage).ok());
    }
    Result before = engine::loadAssignedTlsIdentity(CertificateUsage::ExternalEdge, dataDir());
    QVERIFY(before.ok() && before.value());

    QVERIFY(store.unassign(CertificateUsage::ExternalEdge).ok());
    QVERIFY(!store.assignment(CertificateUsage::ExternalEdge).value());
    Result after = engine::loadAssignedTlsIdentity(CertificateUsage::ExternalEdge, dataDir());
    QVERIFY(after.ok());
    QVERIFY(!after.value());
    QVERIFY(!QFileInfo::exists(dataDir() + u"/certs/assigned/external.key"_s));
    // The other interface and the certificate itself are untouched.
    QCOMPARE(store.assignment(CertificateUsage::InternalEdge).value()->certificateId, ids[1]);
    QVERIFY(store.certificate(ids[0]).ok());

    Status again = store.unassign(CertificateUsage::ExternalEdge);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().message, u"No certificate is assigned to the External Edge interface; "
                                    u"there is nothing to remove."_s);
}

QTEST_GUILESS_MAIN(TstCertificateRenewal)
#include "tst_certificaterenewal.moc"

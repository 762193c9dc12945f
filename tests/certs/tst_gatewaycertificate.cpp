// The Gateway certificate usage: names from the topology (the front-end pool
// FQDN as subject; that FQDN, its members and the XMPP domains as SANs), the
// choice of front-end pool with errors naming the pools, an immediate request
// signed by the internal CA, imported, assigned to the gateway beside the two
// edge usages and checked without findings, and the usage's spelling.
#include "CertsTestSupport.h"

#include "certs/CertificateNames.h"
#include "certs/KeyStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::certs;
using fedgate::test::certificateTestTopology;
using namespace Qt::StringLiterals;

namespace {
// The test topology with a second front-end pool that is nobody's next hop.
topology::Topology twoFrontEndPools()
{
    topology::Topology t = certificateTestTopology();
    topology::FrontEndPool other;
    other.fqdn = u"fe-lyon.contoso.test"_s;
    other.members = {u"fe-lyon1.contoso.test"_s};
    t.sites.first().frontEndPools << other;
    return t;
}
} // namespace

class TstGatewayCertificate : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void usageSpelling();
    void names();
    void frontEndPoolChoice();
    void immediateRequestAssignAndCheck();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstGatewayCertificate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("FEDGATE_DATA_DIR", m_dir->filePath(u"data"_s).toUtf8());
    qunsetenv("FEDGATE_KEYSTORE_PASSPHRASE");
}

void TstGatewayCertificate::usageSpelling()
{
    QCOMPARE(toString(CertificateUsage::Gateway), u"gateway"_s);
    QCOMPARE(displayName(CertificateUsage::Gateway), u"Gateway"_s);
    CertificateUsage parsed = CertificateUsage::ExternalEdge;
    QVERIFY(parseUsage(u" Gateway "_s, &parsed));
    QVERIFY(parsed == CertificateUsage::Gateway);
    QCOMPARE(allUsages().size(), 3);
    CertificateRequest request;
    request.usage = CertificateUsage::Gateway;
    request.frontEndPool = u"fe.contoso.test"_s;
    Result<CertificateRequest> back = CertificateRequest::fromJson(request.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back.value(), request);
}

void TstGatewayCertificate::names()
{
    CertificateRequest request;
    request.usage = CertificateUsage::Gateway;
    request.sipDomains = {u"contoso.test"_s}; // not for the gateway
    Result<CertificateNames> r = computeNames(certificateTestTopology(), request);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r.value().commonName, u"fe.contoso.test"_s);
    QCOMPARE(r.value().dnsNames,
             QStringList({"fe.contoso.test", "fe1.contoso.test", "contoso.test"}));
    QVERIFY(r.value().srvIds.isEmpty());
    Result<QStringList> required =
        requiredNames(certificateTestTopology(), CertificateUsage::Gateway);
    QVERIFY(required.ok());
    QCOMPARE(required.value(), r.value().dnsNames);
    // Additional names and xmppAddr identities when asked for.
    request.additionalSans = {u"chat.contoso.test"_s};
    request.includeXmppAddrs = true;
    r = computeNames(certificateTestTopology(), request);
    QVERIFY(r.ok());
    QVERIFY(r.value().dnsNames.contains(u"chat.contoso.test"_s));
    QCOMPARE(r.value().xmppAddrs, QStringList{u"contoso.test"_s});
    request.additionalSans = {u"bad name.contoso.test"_s};
    QVERIFY(!computeNames(certificateTestTopology(), request).ok());
}

void TstGatewayCertificate::frontEndPoolChoice()
{
    // The edge pool's next hop wins over the other pool.
    Result<topology::FrontEndPool> pool = frontEndPoolFor(twoFrontEndPools(), {});
    QVERIFY(pool.ok());
    QCOMPARE(pool.value().fqdn, u"fe.contoso.test"_s);
    pool = frontEndPoolFor(twoFrontEndPools(), u"FE-LYON.contoso.test"_s);
    QVERIFY(pool.ok());
    QCOMPARE(pool.value().fqdn, u"fe-lyon.contoso.test"_s);
    // An unknown pool is refused with the ones that exist.
    pool = frontEndPoolFor(twoFrontEndPools(), u"fe-tokyo.contoso.test"_s);
    QVERIFY(!pool.ok());
    QVERIFY2(pool.error().message.contains(u"fe.contoso.test, fe-lyon.contoso.test"_s),
             qPrintable(pool.error().message));
    // Two pools and no next hop: the administrator must choose.
    topology::Topology noHop = twoFrontEndPools();
    noHop.sites.first().edgePools.first().nextHopPool.clear();
    pool = frontEndPoolFor(noHop, {});
    QVERIFY(!pool.ok());
    QVERIFY2(pool.error().message.contains(u"several front-end pools"_s),
             qPrintable(pool.error().message));
    // No front-end pool at all.
    topology::Topology none = certificateTestTopology();
    none.sites.first().frontEndPools.clear();
    CertificateRequest request;
    request.usage = CertificateUsage::Gateway;
    Result<CertificateNames> names = computeNames(none, request);
    QVERIFY(!names.ok());
    QVERIFY2(names.error().message.contains(u"no front-end pool"_s),
             qPrintable(names.error().message));
}

void TstGatewayCertificate::immediateRequestAssignAndCheck()
{
    KeyStore store;
    CertificateRequest request;
    request.usage = CertificateUsage::Gateway;
    request.mode = RequestMode::Immediate;
    request.keyType = KeyType::EcP256;
    Result<RequestOutcome> outcome = store.createRequest(certificateTestTopology(), request);
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message));
    QVERIFY(outcome.value().issued.has_value());
    const StoredCertificate &issued = outcome.value().issued->certificate;
    QVERIFY(issued.usage == CertificateUsage::Gateway);
    QCOMPARE(issued.info.dnsNames,
             QStringList({"fe.contoso.test", "fe1.contoso.test", "contoso.test"}));
    QVERIFY(issued.info.serverAuth && issued.info.clientAuth);
    QVERIFY(!hasErrors(outcome.value().issued->findings));

    Result<AssignResult> assigned = store.assign(issued.id, CertificateUsage::Gateway, nullptr);
    QVERIFY2(assigned.ok(), qPrintable(assigned.ok() ? QString() : assigned.error().message));
    QVERIFY(assigned.value().assignment.usage == CertificateUsage::Gateway);
    const topology::Topology topology = certificateTestTopology();
    Result<QList<CertificateFinding>> check =
        store.checkAssigned(CertificateUsage::Gateway, &topology);
    QVERIFY(check.ok());
    for (const CertificateFinding &f : check.value())
        QVERIFY2(f.severity != topology::Severity::Error, qPrintable(f.message));
    // The gateway's assignment is its own: the edge usages are untouched.
    QVERIFY(!store.assignment(CertificateUsage::InternalEdge).value().has_value());
    QVERIFY(!store.assignment(CertificateUsage::ExternalEdge).value().has_value());
    Result<AssignedCertificate> loaded = store.loadAssigned(CertificateUsage::Gateway);
    QVERIFY(loaded.ok());
    QVERIFY(loaded.value().key != nullptr);
    // An edge certificate assigned as the gateway's lacks its names.
    CertificateRequest edge;
    edge.usage = CertificateUsage::InternalEdge;
    edge.mode = RequestMode::Immediate;
    edge.keyType = KeyType::EcP256;
    Result<RequestOutcome> edgeCert = store.createRequest(topology, edge);
    QVERIFY(edgeCert.ok());
    Result<AssignResult> wrong =
        store.assign(edgeCert.value().issued->certificate.id, CertificateUsage::Gateway, &topology);
    bool missing = false;
    if (wrong.ok())
        for (const CertificateFinding &f : wrong.value().findings)
            missing = missing || f.rule == u"missing-names"_s;
    QVERIFY(!wrong.ok() || missing);
}

QTEST_GUILESS_MAIN(TstGatewayCertificate)
#include "tst_gatewaycertificate.moc"

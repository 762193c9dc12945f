// DNSSEC status through DnsResolver and DnsChecker, against a real NSD
// started here on 127.0.0.195 with three zones: secure.test signed with
// ldns-signzone, tampered.test signed and then its SRV record changed (the
// signature no longer matches), plain.test unsigned. libunbound is given the
// two zones' keys as trust anchor (a file, as --trust-anchor takes it).
#include "support/DnsTestTopology.h"
#include "support/Fedgatectl.h"
#include "support/NsdServer.h"

#include "topology/DnsChecker.h"
#include "topology/DnsRecordPlan.h"
#include "topology/DnsResolver.h"
#include "topology/TopologyDocument.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate::topology;
using fedgate::test::NsdServer;

namespace {

const QHostAddress kNsd(QStringLiteral("127.0.0.195"));

// The key every zone publishes in TLSA for its edge, and two others.
const QByteArray kPublishedKey = QByteArray::fromHex(QByteArray(64, 'a'));
const QByteArray kPendingKey = QByteArray::fromHex(QByteArray(64, 'b'));
const QByteArray kOtherKey = QByteArray::fromHex(QByteArray(64, 'c'));

QStringList zoneRecords()
{
    return {QStringLiteral("_xmpp-server._tcp IN SRV 10 0 5269 xmpp"),
            QStringLiteral("xmpp IN A 192.0.2.10"),
            QStringLiteral("_5269._tcp.xmpp IN TLSA 3 1 1 ") +
                QString::fromLatin1(kPublishedKey.toHex())};
}

Topology oneDomain(const QString &domain)
{
    return fedgate::test::singleEdgeTopology(domain);
}

Topology threeDomains()
{
    Topology t = oneDomain(QStringLiteral("secure.test"));
    t.organisation.xmppDomains << QStringLiteral("tampered.test") << QStringLiteral("plain.test");
    return t;
}

} // namespace

class TestDnssec : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void resolverReportsSecureBogusInsecure();
    void checkReportsEachZone();
    void fedgatectlShowsTheDnssecColumn();
    void tlsaPresentMissingAndWrong();
    void tlsaInAnUnsignedZone();

private:
    std::unique_ptr<NsdServer> m_nsd;
    QTemporaryDir m_dir;
    QString m_anchors;
};

void TestDnssec::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_nsd = std::make_unique<NsdServer>(kNsd);
    QString error;
    QVERIFY2(m_nsd->isValid(&error), qPrintable(error));
    QStringList anchors;
    for (const QString &zone : {QStringLiteral("secure.test"), QStringLiteral("tampered.test"),
                                QStringLiteral("plain.test")}) {
        QVERIFY2(m_nsd->addZone(zone, zoneRecords(), &error), qPrintable(error));
        if (zone == QLatin1String("plain.test"))
            continue;
        const QString key = m_nsd->signZone(zone, &error);
        QVERIFY2(key.contains(QStringLiteral("DNSKEY")), qPrintable(error));
        anchors << key;
    }
    // After signing: the SRV port changes, its RRSIG stays.
    QVERIFY(m_nsd->editZone(QStringLiteral("tampered.test"),
                            QStringLiteral("SRV\t10 0 5269 xmpp.tampered.test."),
                            QStringLiteral("SRV\t10 0 5270 xmpp.tampered.test.")));
    QVERIFY2(m_nsd->start(&error), qPrintable(error));
    m_anchors = m_dir.filePath(QStringLiteral("anchors.key"));
    QFile file(m_anchors);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(anchors.join(QLatin1Char('\n')).toUtf8() + '\n');
}

void TestDnssec::resolverReportsSecureBogusInsecure()
{
    DnsResolver::Options options;
    options.server = kNsd;
    options.trustAnchorFile = m_anchors;
    DnsResolver resolver(options);
    QVERIFY2(resolver.setupError().isEmpty(), qPrintable(resolver.setupError()));
    QHash<QString, DnsLookupResult> results;
    for (const QString &zone : {QStringLiteral("secure.test"), QStringLiteral("tampered.test"),
                                QStringLiteral("plain.test")})
        resolver.lookup(QStringLiteral("_xmpp-server._tcp.") + zone, DnsRecordType::SRV,
                        [&results, zone](const DnsLookupResult &r) { results.insert(zone, r); });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 15000);
    QCOMPARE(toString(results.value("secure.test").dnssec), QStringLiteral("secure"));
    QCOMPARE(toString(results.value("secure.test").outcome), QStringLiteral("answer"));
    QCOMPARE(toString(results.value("plain.test").dnssec), QStringLiteral("insecure"));
    QCOMPARE(toString(results.value("plain.test").outcome), QStringLiteral("answer"));
    const DnsLookupResult bogus = results.value("tampered.test");
    QCOMPARE(toString(bogus.dnssec), QStringLiteral("bogus"));
    QVERIFY2(bogus.whyBogus.contains(QStringLiteral("signature")), qPrintable(bogus.whyBogus));

    // Without a trust anchor nothing is validated: the tampered record is
    // an answer like any other.
    DnsResolver plain(DnsResolver::Options{kNsd, 3000, {}});
    std::optional<DnsLookupResult> r;
    plain.lookup(QStringLiteral("_xmpp-server._tcp.tampered.test"), DnsRecordType::SRV,
                 [&r](const DnsLookupResult &x) { r = x; });
    QTRY_VERIFY_WITH_TIMEOUT(r.has_value(), 15000);
    QCOMPARE(toString(r->dnssec), QStringLiteral("not-validated"));
    QCOMPARE(r->srv.size(), 1);
    QCOMPARE(r->srv.first().port, quint16(5270));
}

void TestDnssec::checkReportsEachZone()
{
    DnsChecker::Options options;
    options.server = kNsd;
    options.trustAnchorFile = m_anchors;
    const DnsCheckReport report =
        DnsChecker::check(DnsRecordPlan::fromTopology(threeDomains()), options);
    QCOMPARE(report.trustAnchor, m_anchors);
    QCOMPARE(report.dnssec.size(), 3);
    QHash<QString, DnsZoneSecurity> byZone;
    for (const DnsZoneSecurity &z : report.dnssec)
        byZone.insert(z.zone, z);
    QCOMPARE(byZone.value("secure.test").status, QStringLiteral("secure"));
    QCOMPARE(byZone.value("plain.test").status, QStringLiteral("insecure"));
    QCOMPARE(byZone.value("tampered.test").status, QStringLiteral("bogus"));
    QVERIFY(!byZone.value("tampered.test").reason.isEmpty());
    int bogusFindings = 0;
    for (const DnsFinding &f : report.findings)
        if (f.rule == QLatin1String("dnssec-bogus")) {
            ++bogusFindings;
            QCOMPARE(f.name, QStringLiteral("tampered.test"));
        }
    QCOMPARE(bogusFindings, 1);

    // Without --trust-anchor and with a named server: nothing validated.
    options.trustAnchorFile.clear();
    const DnsCheckReport unvalidated =
        DnsChecker::check(DnsRecordPlan::fromTopology(threeDomains()), options);
    QVERIFY(unvalidated.trustAnchor.isEmpty());
    QVERIFY(unvalidated.dnssec.isEmpty());
}

void TestDnssec::fedgatectlShowsTheDnssecColumn()
{
    const QString file = m_dir.filePath(QStringLiteral("topology.json"));
    QVERIFY(TopologyDocument::writeFile(threeDomains(), file).ok());
    const fedgate::test::CliResult r = fedgate::test::runFedgatectl(
        {"dns", "check", "--file", file, "--server", "127.0.0.195", "--trust-anchor", m_anchors},
        m_dir.path());
    QVERIFY2(r.exitCode == 1, qPrintable(r.text()));
    QVERIFY2(r.out.contains("DNSSEC (trust anchor "), qPrintable(r.out));
    QVERIFY2(r.out.contains("SECURE       secure.test"), qPrintable(r.out));
    QVERIFY2(r.out.contains("INSECURE     plain.test"), qPrintable(r.out));
    QVERIFY2(r.out.contains("BOGUS        tampered.test: "), qPrintable(r.out));
    QVERIFY2(r.out.contains("[dnssec-bogus]"), qPrintable(r.out));
}

namespace {

DnsCheckReport checkWithKeys(const QString &domain, const QList<QByteArray> &keys,
                             const QString &anchors)
{
    DnsRecordPlan plan = DnsRecordPlan::fromTopology(oneDomain(domain));
    QList<DnsRecordPlan::DaneKey> dane;
    for (const QByteArray &k : keys)
        dane << DnsRecordPlan::DaneKey{k, QStringLiteral("test key")};
    plan.addDaneKeys(dane);
    DnsChecker::Options options;
    options.server = kNsd;
    options.trustAnchorFile = anchors;
    return DnsChecker::check(plan, options);
}

QStringList rules(const DnsCheckReport &report)
{
    QStringList out;
    for (const DnsFinding &f : report.findings)
        out << f.rule;
    return out;
}

QList<DnsCheckResult> tlsaRows(const DnsCheckReport &report)
{
    QList<DnsCheckResult> rows;
    for (const DnsCheckResult &r : report.results)
        if (r.record.type == DnsRecordType::TLSA)
            rows << r;
    return rows;
}

} // namespace

void TestDnssec::tlsaPresentMissingAndWrong()
{
    // The published key matches; a pending key (a renewal) is not there yet.
    DnsCheckReport report =
        checkWithKeys(QStringLiteral("secure.test"), {kPublishedKey, kPendingKey}, m_anchors);
    QList<DnsCheckResult> rows = tlsaRows(report);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(toString(rows.at(0).status), QStringLiteral("ok"));
    QCOMPARE(toString(rows.at(1).status), QStringLiteral("missing"));
    QCOMPARE(rules(report), QStringList{QStringLiteral("tlsa-missing")});
    QVERIFY(
        report.findings.first().create.first().endsWith(QString::fromLatin1(kPendingKey.toHex())));

    // Only another key planned: the published TLSA is wrong for the edge.
    report = checkWithKeys(QStringLiteral("secure.test"), {kOtherKey}, m_anchors);
    rows = tlsaRows(report);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(toString(rows.first().status), QStringLiteral("other-target"));
    QCOMPARE(rules(report), QStringList{QStringLiteral("tlsa-mismatch")});
    QVERIFY(report.findings.first().remove.first().endsWith(
        QString::fromLatin1(kPublishedKey.toHex())));
}

void TestDnssec::tlsaInAnUnsignedZone()
{
    const DnsCheckReport report =
        checkWithKeys(QStringLiteral("plain.test"), {kPublishedKey}, m_anchors);
    QCOMPARE(toString(tlsaRows(report).first().status), QStringLiteral("ok"));
    QCOMPARE(rules(report), QStringList{QStringLiteral("tlsa-unsigned-zone")});
    QCOMPARE(report.findings.first().name, QStringLiteral("_5269._tcp.xmpp.plain.test"));
}

QTEST_GUILESS_MAIN(TestDnssec)
#include "tst_dnssec.moc"

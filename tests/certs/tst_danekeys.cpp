// The edge's TLSA key digests (RFC 6698 "3 1 1"): what certs::spkiSha256
// computes for a certificate and for a CSR is what the openssl command line
// gives, `openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER |
// sha256sum`, and DnsRecordPlan::addDaneKeys turns it into one TLSA record
// per SRV target (and per key: assigned and pending during a renewal).
#include "support/DnsTestTopology.h"
#include "support/PeerProcess.h"

#include "certs/DaneKeys.h"
#include "topology/DnsExport.h"
#include "topology/DnsRecordPlan.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/pem.h>

using namespace fedgate;

namespace {

QByteArray opensslDigest(const QString &certPath)
{
    // The pipeline of the issue, run by a shell.
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("openssl x509 -in '%1' -pubkey -noout | openssl pkey -pubin "
                                "-outform DER | sha256sum")
                     .arg(certPath)});
    if (!shell.waitForFinished(30000))
        return {};
    return shell.readAllStandardOutput().split(' ').value(0).trimmed();
}

topology::Topology oneEdge()
{
    return test::singleEdgeTopology(QStringLiteral("dane.test"));
}

} // namespace

class TestDaneKeys : public QObject
{
    Q_OBJECT
private slots:
    void digestsMatchOpenssl_data();
    void digestsMatchOpenssl();
    void planHasOneTlsaPerKey();
};

void TestDaneKeys::digestsMatchOpenssl_data()
{
    QTest::addColumn<QStringList>("keyArgs");
    QTest::newRow("EC P-256") << QStringList{"-newkey", "ec", "-pkeyopt",
                                             "ec_paramgen_curve:P-256"};
    QTest::newRow("RSA 2048") << QStringList{"-newkey", "rsa:2048"};
}

void TestDaneKeys::digestsMatchOpenssl()
{
    QFETCH(QStringList, keyArgs);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString csr = dir.filePath(QStringLiteral("req.csr"));
    QString out;
    QCOMPARE(test::runCommand(QStringLiteral("openssl"),
                              QStringList{"req", "-x509", "-nodes", "-subj", "/CN=xmpp.dane.test",
                                          "-days", "30", "-keyout", key, "-out", cert} +
                                  keyArgs,
                              &out),
             0);
    QCOMPARE(test::runCommand(
                 QStringLiteral("openssl"),
                 {"req", "-new", "-key", key, "-subj", "/CN=xmpp.dane.test", "-out", csr}, &out),
             0);
    const QByteArray expected = opensslDigest(cert);
    QCOMPARE(expected.size(), 64);

    QFile certFile(cert);
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    const QByteArray pem = certFile.readAll();
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509 *x509 = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    QVERIFY(x509);
    const QByteArray digest = certs::spkiSha256(x509);
    X509_free(x509);
    QCOMPARE(digest.toHex(), expected);

    QFile csrFile(csr);
    QVERIFY(csrFile.open(QIODevice::ReadOnly));
    QCOMPARE(certs::spkiSha256OfCsr(csrFile.readAll()).toHex(), expected);
}

void TestDaneKeys::planHasOneTlsaPerKey()
{
    topology::DnsRecordPlan plan = topology::DnsRecordPlan::fromTopology(oneEdge());
    const QByteArray assigned = QByteArray::fromHex(QByteArray(64, 'a'));
    const QByteArray pending = QByteArray::fromHex(QByteArray(64, 'b'));
    plan.addDaneKeys(
        {{assigned, QStringLiteral("assigned")}, {pending, QStringLiteral("pending")}});
    QCOMPARE(plan.tlsaOwners(), QStringList{QStringLiteral("_5269._tcp.xmpp.dane.test")});
    const QList<int> rows =
        plan.indicesOf(QStringLiteral("_5269._tcp.xmpp.dane.test"), topology::DnsRecordType::TLSA);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(plan.records().at(rows.at(0)).zoneLine(),
             QStringLiteral("_5269._tcp.xmpp.dane.test. 3600 IN TLSA 3 1 1 ") +
                 QString(64, QLatin1Char('a')));
    QCOMPARE(plan.records().at(rows.at(1)).value,
             QStringLiteral("3 1 1 ") + QString(64, QLatin1Char('b')));
    // The zone export carries them.
    const QString zone = topology::DnsExport::zoneSnippet(plan);
    QVERIFY2(zone.contains(QStringLiteral("_5269._tcp.xmpp.dane.test. 3600 IN TLSA 3 1 1 ")),
             qPrintable(zone));
    // No key, no TLSA.
    topology::DnsRecordPlan none = topology::DnsRecordPlan::fromTopology(oneEdge());
    none.addDaneKeys({});
    QVERIFY(none.tlsaOwners().isEmpty());
}

QTEST_GUILESS_MAIN(TestDaneKeys)
#include "tst_danekeys.moc"

// TLSA matching (RFC 6698 2.1, RFC 7671) and DaneCheck's verdicts for each
// kind of TLSA answer. The certificate comes from the test CA; its hashes
// are computed here with OpenSSL's command line, independently of the code
// under test.
#include "support/PeerProcess.h"
#include "support/TestCa.h"

#include "engine/s2s/DaneCheck.h"
#include "engine/tls/TlsaMatcher.h"
#include "topology/DnsResolver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate::engine;
using fedgate::topology::DnsLookupResult;
using fedgate::topology::DnsOutcome;
using fedgate::topology::DnssecStatus;
using fedgate::topology::DnsTlsaAnswer;

class TestDaneCheck : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QByteArray m_leafDer;
    QByteArray m_spki;
    QByteArray m_otherSpki;

    QByteArray spkiOf(const QString &certificatePath)
    {
        const QString der = certificatePath + QStringLiteral(".spki");
        QString out;
        const int rc = fedgate::test::runCommand(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral("openssl x509 -in '%1' -pubkey -noout | openssl pkey -pubin -outform "
                            "DER -out '%2'")
                 .arg(certificatePath, der)},
            &out);
        QFile f(der);
        return rc == 0 && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static DnsLookupResult secureAnswer(const QList<DnsTlsaAnswer> &records)
    {
        DnsLookupResult r;
        r.name = QStringLiteral("_5269._tcp.xmpp.fabrikam.test");
        r.outcome = DnsOutcome::Answer;
        r.dnssec = DnssecStatus::Secure;
        r.tlsa = records;
        return r;
    }

    static QByteArray sha256(const QByteArray &b)
    {
        return QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        fedgate::test::TestCa ca;
        QString error;
        QVERIFY2(ca.create(m_dir.path(), QStringLiteral("Fedgate Test CA"), &error),
                 qPrintable(error));
        const auto leaf = ca.issue(QStringLiteral("leaf"), QStringLiteral("fabrikam.test"),
                                   {QStringLiteral("fabrikam.test")}, {}, &error);
        const auto other = ca.issue(QStringLiteral("other"), QStringLiteral("fabrikam.test"),
                                    {QStringLiteral("fabrikam.test")}, {}, &error);
        QVERIFY2(leaf && other, qPrintable(error));
        const auto certs = QSslCertificate::fromPath(leaf->certificatePath);
        QCOMPARE(certs.size(), 1);
        m_leafDer = certs.first().toDer();
        m_spki = spkiOf(leaf->certificatePath);
        m_otherSpki = spkiOf(other->certificatePath);
        QVERIFY(!m_spki.isEmpty() && !m_otherSpki.isEmpty() && m_spki != m_otherSpki);
    }

    void matchesEachSelectorAndMatchingType_data()
    {
        QTest::addColumn<int>("selector");
        QTest::addColumn<int>("matchingType");
        QTest::newRow("3 1 1 SPKI SHA-256") << 1 << 1;
        QTest::newRow("3 1 2 SPKI SHA-512") << 1 << 2;
        QTest::newRow("3 1 0 SPKI exact") << 1 << 0;
        QTest::newRow("3 0 1 certificate SHA-256") << 0 << 1;
        QTest::newRow("3 0 2 certificate SHA-512") << 0 << 2;
    }

    void matchesEachSelectorAndMatchingType()
    {
        QFETCH(int, selector);
        QFETCH(int, matchingType);
        const QByteArray selected = selector == 1 ? m_spki : m_leafDer;
        const QByteArray data = matchingType == 0
                                    ? selected
                                    : QCryptographicHash::hash(
                                          selected, matchingType == 1 ? QCryptographicHash::Sha256
                                                                      : QCryptographicHash::Sha512);
        QString detail;
        QCOMPARE(matchTlsa({TlsaRecord{3, quint8(selector), quint8(matchingType), data}}, m_leafDer,
                           &detail),
                 TlsaMatch::Match);
        QVERIFY2(detail.contains(QStringLiteral("matches")), qPrintable(detail));
        // One byte changed: no match.
        QByteArray wrong = data;
        wrong[0] = char(wrong.at(0) ^ 0x01);
        QCOMPARE(
            matchTlsa({TlsaRecord{3, quint8(selector), quint8(matchingType), wrong}}, m_leafDer),
            TlsaMatch::Mismatch);
    }

    void otherUsagesAreUnusable()
    {
        const QByteArray hash = sha256(m_spki);
        QString detail;
        // PKIX-TA, PKIX-EE, DANE-TA, an unknown selector and matching type.
        QCOMPARE(matchTlsa({TlsaRecord{0, 1, 1, hash}, TlsaRecord{1, 1, 1, hash},
                            TlsaRecord{2, 1, 1, hash}, TlsaRecord{3, 7, 1, hash},
                            TlsaRecord{3, 1, 9, hash}},
                           m_leafDer, &detail),
                 TlsaMatch::NoUsableRecords);
        QVERIFY2(detail.contains(QStringLiteral("none of the 5")), qPrintable(detail));
        // A usable record among unusable ones decides.
        QCOMPARE(matchTlsa({TlsaRecord{2, 1, 1, hash}, TlsaRecord{3, 1, 1, sha256(m_otherSpki)}},
                           m_leafDer),
                 TlsaMatch::Mismatch);
        QCOMPARE(matchTlsa({TlsaRecord{3, 1, 1, sha256(m_otherSpki)}, TlsaRecord{3, 1, 1, hash}},
                           m_leafDer),
                 TlsaMatch::Match);
        // Not a certificate at all.
        QCOMPARE(matchTlsa({TlsaRecord{3, 1, 1, hash}}, QByteArray("junk")), TlsaMatch::Mismatch);
    }

    void verdicts()
    {
        const DnsTlsaAnswer good{3, 1, 1, sha256(m_spki)};
        const DnsTlsaAnswer wrong{3, 1, 1, sha256(m_otherSpki)};
        QCOMPARE(toString(DaneCheck::evaluate(secureAnswer({good}), m_leafDer).verdict),
                 QStringLiteral("verified"));
        QCOMPARE(toString(DaneCheck::evaluate(secureAnswer({wrong}), m_leafDer).verdict),
                 QStringLiteral("refused"));
        QCOMPARE(toString(DaneCheck::evaluate(
                              secureAnswer({DnsTlsaAnswer{2, 1, 1, sha256(m_spki)}}), m_leafDer)
                              .verdict),
                 QStringLiteral("pkix"));

        DnsLookupResult insecure = secureAnswer({wrong});
        insecure.dnssec = DnssecStatus::Insecure; // unsigned zone: TLSA protects nothing
        QCOMPARE(toString(DaneCheck::evaluate(insecure, m_leafDer).verdict),
                 QStringLiteral("pkix"));

        DnsLookupResult none = secureAnswer({});
        none.outcome = DnsOutcome::NxDomain;
        QCOMPARE(toString(DaneCheck::evaluate(none, m_leafDer).verdict), QStringLiteral("pkix"));
        none.outcome = DnsOutcome::NoData;
        QCOMPARE(toString(DaneCheck::evaluate(none, m_leafDer).verdict), QStringLiteral("pkix"));

        DnsLookupResult bogus = secureAnswer({});
        bogus.outcome = DnsOutcome::ServFail;
        bogus.dnssec = DnssecStatus::Bogus;
        bogus.whyBogus = QStringLiteral("signature crypto failed");
        const DaneCheck::Result b = DaneCheck::evaluate(bogus, m_leafDer);
        QCOMPARE(toString(b.verdict), QStringLiteral("refused"));
        QVERIFY2(b.detail.contains(QStringLiteral("bogus")) &&
                     b.detail.contains(QStringLiteral("signature crypto failed")),
                 qPrintable(b.detail));

        DnsLookupResult failed = secureAnswer({});
        failed.outcome = DnsOutcome::Timeout;
        failed.dnssec = DnssecStatus::NotValidated;
        QCOMPARE(toString(DaneCheck::evaluate(failed, m_leafDer).verdict), QStringLiteral("retry"));
    }

    void tlsaName()
    {
        QCOMPARE(DaneCheck::tlsaName(QStringLiteral("XMPP.Fabrikam.test."), 5269),
                 QStringLiteral("_5269._tcp.xmpp.fabrikam.test"));
    }
};

QTEST_GUILESS_MAIN(TestDaneCheck)
#include "tst_danecheck.moc"

// QTest finds the library's QString toString() overloads by ADL and cannot print
// these enums, so the tests compare them as integers.
#include "topology/NegotiationMatrix.h"

#include <QTest>

using namespace fedgate::topology;

Q_DECLARE_METATYPE(Negotiation)
Q_DECLARE_METATYPE(NegotiationVerdict)
Q_DECLARE_METATYPE(QList<AuthMethod>)

// The 18 rows of the reference table (federation-facts.md, "Negotiation
// matrix"): verdict, the methods that may succeed, and the key words of the
// message a user sees.
class TstNegotiationMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<Negotiation>("tls");
        QTest::addColumn<Negotiation>("sasl");
        QTest::addColumn<bool>("dialback");
        QTest::addColumn<NegotiationVerdict>("verdict");
        QTest::addColumn<QList<AuthMethod>>("methods");
        QTest::addColumn<QString>("messageHas");

        const auto R = Negotiation::Required;
        const auto O = Negotiation::Optional;
        const auto N = Negotiation::NotSupported;
        const auto valid = NegotiationVerdict::Valid;
        const auto warn = NegotiationVerdict::ValidWithWarning;
        const auto invalid = NegotiationVerdict::Invalid;
        const auto sasl = AuthMethod::SaslExternalOverTls;
        const auto tlsDb = AuthMethod::DialbackOverTls;
        const auto tcpDb = AuthMethod::DialbackOverTcp;
        using M = QList<AuthMethod>;

        QTest::newRow("1 Req/Req/true")
            << 1 << R << R << true << valid << M{sasl} << "Dialback cannot operate";
        QTest::newRow("2 Req/Req/false") << 2 << R << R << false << valid << M{sasl} << "";
        QTest::newRow("3 Opt/Req/true")
            << 3 << O << R << true << warn << M{sasl, tlsDb, tcpDb} << "TLS is only Optional";
        QTest::newRow("4 Opt/Req/false")
            << 4 << O << R << false << warn << M{sasl} << "TLS is only Optional";
        QTest::newRow("5 NS/Req/true")
            << 5 << N << R << true << invalid << M{tcpDb} << "SASL negotiation needs TLS";
        QTest::newRow("6 NS/Req/false")
            << 6 << N << R << false << invalid << M{} << "SASL negotiation needs TLS";
        QTest::newRow("7 Req/Opt/true") << 7 << R << O << true << valid << M{sasl, tlsDb} << "";
        QTest::newRow("8 Req/Opt/false") << 8 << R << O << false << valid << M{sasl} << "";
        QTest::newRow("9 Opt/Opt/true")
            << 9 << O << O << true << warn << M{sasl, tlsDb, tcpDb} << "TLS is only Optional";
        QTest::newRow("10 Opt/Opt/false")
            << 10 << O << O << false << warn << M{sasl} << "TLS is only Optional";
        QTest::newRow("11 NS/Opt/true")
            << 11 << N << O << true << invalid << M{tcpDb} << "SASL negotiation needs TLS";
        QTest::newRow("12 NS/Opt/false")
            << 12 << N << O << false << invalid << M{} << "SASL negotiation needs TLS";
        QTest::newRow("13 Req/NS/true") << 13 << R << N << true << valid << M{tlsDb} << "";
        QTest::newRow("14 Req/NS/false")
            << 14 << R << N << false << invalid << M{} << "SASL or dialback must be enabled";
        QTest::newRow("15 Opt/NS/true") << 15 << O << N << true << valid << M{tlsDb, tcpDb} << "";
        QTest::newRow("16 Opt/NS/false")
            << 16 << O << N << false << invalid << M{} << "SASL or dialback must be enabled";
        QTest::newRow("17 NS/NS/true") << 17 << N << N << true << valid << M{tcpDb} << "";
        QTest::newRow("18 NS/NS/false")
            << 18 << N << N << false << invalid << M{} << "SASL or dialback must be enabled";
    }

    void rows()
    {
        QFETCH(int, row);
        QFETCH(Negotiation, tls);
        QFETCH(Negotiation, sasl);
        QFETCH(bool, dialback);
        QFETCH(NegotiationVerdict, verdict);
        QFETCH(QList<AuthMethod>, methods);
        QFETCH(QString, messageHas);

        const NegotiationOutcome out = evaluateNegotiation(tls, sasl, dialback);
        QCOMPARE(out.row, row);
        QCOMPARE(int(out.verdict), int(verdict));
        QVERIFY(out.methods == methods);
        QCOMPARE(out.canSave(), verdict != NegotiationVerdict::Invalid);
        if (messageHas.isEmpty())
            QVERIFY2(out.message.isEmpty(), qPrintable(out.message));
        else
            QVERIFY2(out.message.contains(messageHas), qPrintable(out.message));
        // Every refusal tells the user what to change.
        if (verdict == NegotiationVerdict::Invalid)
            QVERIFY(out.message.contains(QLatin1String("Set ")) ||
                    out.message.contains(QLatin1String("Turn dialback on")));
        QVERIFY(!out.summary.isEmpty());
        for (AuthMethod m : methods)
            QVERIFY2(out.summary.contains(toString(m)), qPrintable(out.summary));
    }

    void partnerOverloadUsesItsSettings()
    {
        XmppPartner p;
        p.tls = Negotiation::NotSupported;
        p.sasl = Negotiation::NotSupported;
        p.dialback = true;
        QCOMPARE(evaluateNegotiation(p).row, 17);
        XmppPartner defaults; // TLS Required, SASL Required, dialback true
        QCOMPARE(evaluateNegotiation(defaults).row, 1);
    }
};

QTEST_GUILESS_MAIN(TstNegotiationMatrix)
#include "tst_negotiationmatrix.moc"

// Issue 9, defect 5 (unbounded output queues), against an in-process engine
// over raw sockets: a peer that floods db:verify and never reads, and a
// partner that accepts the engine's stream but stops reading while bounces
// pile up, each get their stream aborted once its unsent bytes pass
// EngineConfig::maxOutputBuffer, with a warning naming the peer and the
// bound; the engine's other sessions go on. Stanzas waiting for a partner
// that does not answer are bounded in bytes, not only in number.
#include "EngineLimitsFixture.h"
#include "engine/xml/Namespaces.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate::engine;
using namespace fedgate;
using test::RawPeer;

namespace {
const QHostAddress kEngineAddress(QStringLiteral("127.0.0.101"));
const QHostAddress kPartnerAddress(QStringLiteral("127.0.0.102"));
const QHostAddress kFlooderAddress(QStringLiteral("127.0.0.104"));
const QHostAddress kOtherAddress(QStringLiteral("127.0.0.105"));

// `count` db:verify requests with a 1 KiB id each; the engine's answer
// repeats the id, so each costs it about as much output as its input.
QByteArray verifyBatch(int first, int count)
{
    const QByteArray padding(1000, 'v');
    QByteArray batch;
    for (int i = first; i < first + count; ++i)
        batch += "<db:verify from='partner.test' to='contoso.test' id='" + padding +
                 QByteArray::number(i) + "'>00</db:verify>";
    return batch;
}
} // namespace

class TestS2SOutputBound : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dataDir;

private slots:
    void initTestCase() { qputenv("FEDGATE_DATA_DIR", m_dataDir.path().toUtf8()); }

    void outputBoundOnVerifyFloodFromPeerThatNeverReads_defect5()
    {
        test::FakePartnerServer partner;
        QVERIFY(partner.listen(kPartnerAddress));
        test::LogCapture log;
        auto engine =
            test::makeLimitsEngine(kEngineAddress, kPartnerAddress, partner.port(), EngineConfig{});
        QVERIFY(engine);
        RawPeer other;
        QVERIFY(test::openStream(other, kOtherAddress, *engine));

        RawPeer flooder;
        QVERIFY(test::openStream(flooder, kFlooderAddress, *engine));
        // From now on the flooder reads nothing: Qt stops taking bytes from
        // the kernel once its one-byte buffer is full.
        flooder.socket.setReadBufferSize(1);
        const QString endpoint = test::endpointOf(flooder);
        QVERIFY(test::hasSession(*engine, endpoint));
        // Up to 64 MiB of requests, far beyond the 1 MiB bound plus what the
        // kernel's socket buffers hold; the engine must drop the stream long
        // before.
        for (int batch = 0; batch < 256 && test::hasSession(*engine, endpoint); ++batch) {
            if (flooder.socket.state() == QAbstractSocket::ConnectedState)
                flooder.socket.write(verifyBatch(batch * 256, 256));
            QTest::qWait(20);
        }
        QVERIFY2(!test::hasSession(*engine, endpoint),
                 "the flooding session is still in the table: its output was never bounded");
        const QString warning = log.line(QStringLiteral("output bound reached"));
        qInfo("%s", qPrintable(warning));
        QVERIFY2(warning.contains(QLatin1String("127.0.0.104")) &&
                     warning.contains(QLatin1String("1048576")),
                 log.text().c_str());

        // The engine's other session still answers.
        other.send("<db:verify from='partner.test' to='contoso.test' id='x'>00</db:verify>");
        QVERIFY2(other.waitFor("type='invalid'"), other.received.constData());
        QCOMPARE(other.socket.state(), QAbstractSocket::ConnectedState);
    }

    void outputBoundOnStalledPartner_defect5()
    {
        test::FakePartnerServer stalled;
        stalled.stallAfterAuth = true;
        QVERIFY(stalled.listen(kPartnerAddress));
        test::LogCapture log;
        auto engine =
            test::makeLimitsEngine(kEngineAddress, kPartnerAddress, stalled.port(), EngineConfig{});
        QVERIFY(engine);
        // partner.test's stream to us is authenticated through the engine's
        // outbound stream to the stalled server, which then stops reading.
        RawPeer peer;
        QVERIFY(test::authenticate(peer, kOtherAddress, *engine));
        QString outboundId;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const SessionInfo &s : engine->sessions())
                    if (s.direction == SessionDirection::Outbound && s.auth == AuthStatus::Dialback)
                        outboundId = s.id;
                return !outboundId.isEmpty();
            }(),
            5000);
        auto outboundAlive = [&] {
            for (const SessionInfo &s : engine->sessions())
                if (s.id == outboundId)
                    return true;
            return false;
        };
        // Messages to an unknown local user, each bounced (with its 64 KiB
        // body) to partner.test over the stalled stream: up to 64 MiB.
        const QByteArray body(64 * 1024, 'b');
        for (int batch = 0; batch < 64 && outboundAlive(); ++batch) {
            QByteArray stanzas;
            for (int i = 0; i < 16; ++i)
                stanzas += "<message from='eve@partner.test' to='nobody@contoso.test' id='m" +
                           QByteArray::number(batch * 16 + i) + "'><body>" + body +
                           "</body></message>";
            peer.send(stanzas);
            QTest::qWait(20);
        }
        QVERIFY2(!outboundAlive(),
                 "the stalled outbound session is still in the table: its output was never "
                 "bounded");
        const QString warning = log.line(QStringLiteral("output bound reached"));
        qInfo("%s", qPrintable(warning));
        QVERIFY2(warning.contains(QLatin1String(" out contoso.test partner.test ")) &&
                     warning.contains(QLatin1String("1048576")),
                 log.text().c_str());
        // The partner's own stream to us is not affected.
        QCOMPARE(peer.socket.state(), QAbstractSocket::ConnectedState);
    }

    void outboundQueueBoundedInBytes_defect5()
    {
        // partner.test's server accepts the connection and never answers,
        // so stanzas for it wait in the outbound queue.
        QTcpServer silent;
        QVERIFY(silent.listen(kPartnerAddress));
        auto engine =
            test::makeLimitsEngine(kEngineAddress, kPartnerAddress, silent.serverPort(), {});
        QVERIFY(engine);
        struct Bounces : LocalDelivery
        {
            int resourceConstraint = 0;
            bool deliverToLocal(const XmlElement &stanza) override
            {
                resourceConstraint += stanza.toXml().contains("<resource-constraint");
                return true;
            }
        } local;
        engine->setLocalDelivery(&local);
        // 20 stanzas of 100 KiB: far under the 1,000-stanza queue limit, but
        // 2 MB, more than half the 1 MiB output bound.
        const QString body(100 * 1024, QLatin1Char('q'));
        for (int i = 0; i < 20; ++i) {
            XmlElement out(QStringLiteral("message"), ns::kServer);
            out.setAttribute(QStringLiteral("from"), QStringLiteral("alice@contoso.test/pc"));
            out.setAttribute(QStringLiteral("to"), QStringLiteral("bob@partner.test"));
            out.setAttribute(QStringLiteral("id"), QStringLiteral("q%1").arg(i));
            out.addChild(XmlElement(QStringLiteral("body"), ns::kServer)).addText(body);
            engine->route(out);
        }
        // At most 512 KiB wait (5 stanzas); the others are refused at once
        // (with several session loops the refusals come back from the
        // loop's thread, so they are waited for).
        QTRY_COMPARE_WITH_TIMEOUT(local.resourceConstraint, 15, 5000);
    }
};

QTEST_GUILESS_MAIN(TestS2SOutputBound)
#include "tst_s2soutputbound.moc"

// The control channel's request lines, parsed and checked on their own
// (ControlRequest): what fedgatectl sends is understood, and anything else
// gets one sentence that says what was expected, quoting at most a bounded
// part of what was sent.
#include "engine/control/ControlRequest.h"

#include <QTest>

using fedgate::engine::ControlRequest;

class TestControlRequest : public QObject
{
    Q_OBJECT
private slots:
    void statusAndSessions()
    {
        auto status = ControlRequest::parse(R"({"command":"status"})");
        QVERIFY(status);
        QCOMPARE(status.value().command, ControlRequest::Command::Status);
        auto sessions = ControlRequest::parse(R"({"command":"sessions","extra":1})");
        QVERIFY(sessions);
        QCOMPARE(sessions.value().command, ControlRequest::Command::Sessions);
    }

    void pingTakesDomainAndClampsTimeout()
    {
        auto ping = ControlRequest::parse(
            R"({"command":"ping","domain":"Partner.Example","timeoutMs":5000})");
        QVERIFY(ping);
        QCOMPARE(ping.value().command, ControlRequest::Command::Ping);
        QCOMPARE(ping.value().domain, QStringLiteral("partner.example"));
        QCOMPARE(ping.value().timeoutMs, 5000);
        auto defaulted = ControlRequest::parse(R"({"command":"ping","domain":"p.example"})");
        QCOMPARE(defaulted.value().timeoutMs, ControlRequest::kDefaultPingTimeoutMs);
        auto tooLong =
            ControlRequest::parse(R"({"command":"ping","domain":"p.example","timeoutMs":1e9})");
        QCOMPARE(tooLong.value().timeoutMs, ControlRequest::kMaxPingTimeoutMs);
        auto tooShort =
            ControlRequest::parse(R"({"command":"ping","domain":"p.example","timeoutMs":-5})");
        QCOMPARE(tooShort.value().timeoutMs, ControlRequest::kMinPingTimeoutMs);
    }

    void pingWithoutUsableDomainIsRefused()
    {
        for (const QByteArray &line :
             {QByteArray(R"({"command":"ping"})"), QByteArray(R"({"command":"ping","domain":7})"),
              R"({"command":"ping","domain":")" + QByteArray(300, 'a') + R"("})"}) {
            auto ping = ControlRequest::parse(line);
            QVERIFY2(!ping, line.constData());
            QVERIFY(ping.error().message.contains(QStringLiteral("\"domain\"")));
        }
    }

    void notAnObjectWithCommand()
    {
        for (const QByteArray &line : {QByteArray("not json"), QByteArray("[1,2]"),
                                       QByteArray(R"({"command":3})"), QByteArray("{}")}) {
            auto parsed = ControlRequest::parse(line);
            QVERIFY2(!parsed, line.constData());
            QVERIFY(parsed.error().message.contains(QStringLiteral("\"command\"")));
        }
    }

    void unknownCommandQuotedBounded()
    {
        const QByteArray name(10000, 'x');
        auto parsed = ControlRequest::parse(R"({"command":")" + name + R"("})");
        QVERIFY(!parsed);
        QVERIFY(parsed.error().message.contains(QStringLiteral("status, sessions, ping")));
        QVERIFY(parsed.error().message.size() < 200);
    }
};

QTEST_GUILESS_MAIN(TestControlRequest)
#include "tst_controlrequest.moc"

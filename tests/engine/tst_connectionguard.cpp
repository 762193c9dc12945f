// The per-address cap on unauthenticated connections (ConnectionGuard,
// EngineConfig::maxUnauthenticatedPerAddress), driven directly with
// QHostAddress values: IPv4 counts per address (IPv4-mapped IPv6 as its IPv4
// address), IPv6 per /64 prefix, so an attacker rotating addresses inside
// its /64 is capped like one address (issue 9, defect 7).
#include "engine/ConnectionGuard.h"
#include "engine/EngineConfig.h"

#include <QSslSocket>
#include <QTest>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <sstream>
#include <vector>

using fedgate::engine::ConnectionGuard;

namespace {
const int kMax = fedgate::engine::EngineConfig().maxUnauthenticatedPerAddress;

// The IPv6 address `prefix`:<interface id `n`> (prefix written as 4 groups).
QHostAddress inPrefix(const QString &prefix, int n)
{
    return QHostAddress(QStringLiteral("%1:%2:%3:%4:%5")
                            .arg(prefix)
                            .arg(0x1000 + n, 0, 16)
                            .arg(n * 7919 % 0x10000, 0, 16)
                            .arg(n * 104729 % 0x10000, 0, 16)
                            .arg(n, 0, 16));
}

// Connections as the guard sees them: distinct object addresses.
struct Connections
{
    std::vector<std::unique_ptr<QObject>> objects;
    const QObject *next()
    {
        objects.push_back(std::make_unique<QObject>());
        return objects.back().get();
    }
};
} // namespace

class TestConnectionGuard : public QObject
{
    Q_OBJECT
private slots:
    void addressKeys()
    {
        QCOMPARE(ConnectionGuard::addressKey(QHostAddress(QStringLiteral("192.0.2.7"))),
                 QStringLiteral("192.0.2.7"));
        QCOMPARE(ConnectionGuard::addressKey(QHostAddress(QStringLiteral("::ffff:192.0.2.7"))),
                 QStringLiteral("192.0.2.7"));
        QCOMPARE(ConnectionGuard::addressKey(
                     QHostAddress(QStringLiteral("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))),
                 QStringLiteral("2001:db8:1:2::/64"));
        QCOMPARE(ConnectionGuard::addressKey(QHostAddress(QStringLiteral("::1"))),
                 QStringLiteral("::/64"));
        // The scope id is not part of the prefix.
        QCOMPARE(ConnectionGuard::addressKey(QHostAddress(QStringLiteral("fe80::1%lo"))),
                 ConnectionGuard::addressKey(QHostAddress(QStringLiteral("fe80::2"))));
    }

    void ipv4CountsPerAddress()
    {
        ConnectionGuard guard(kMax);
        Connections c;
        const QString a = ConnectionGuard::addressKey(QHostAddress(QStringLiteral("192.0.2.1")));
        for (int i = 0; i < kMax; ++i)
            QVERIFY(guard.admit(c.next(), a));
        QVERIFY(!guard.admit(c.next(), a));
        QCOMPARE(guard.unauthenticated(a), kMax);
        // The IPv4-mapped form is the same source.
        QVERIFY(!guard.admit(c.next(), ConnectionGuard::addressKey(
                                           QHostAddress(QStringLiteral("::ffff:192.0.2.1")))));
        // The neighbour is another source.
        QVERIFY(guard.admit(
            c.next(), ConnectionGuard::addressKey(QHostAddress(QStringLiteral("192.0.2.2")))));
    }

    void ipv6AddressRotationInsideA64IsCapped_defect7()
    {
        ConnectionGuard guard(kMax);
        Connections c;
        const QString prefix = QStringLiteral("2001:db8:1:2");
        std::vector<const QObject *> admitted;
        for (int i = 0; i < kMax; ++i) {
            admitted.push_back(c.next());
            QVERIFY(guard.admit(admitted.back(), ConnectionGuard::addressKey(inPrefix(prefix, i))));
        }
        // A fresh address of the same /64 is the same source.
        const QString fresh = ConnectionGuard::addressKey(inPrefix(prefix, kMax + 1));
        QVERIFY2(!guard.admit(c.next(), fresh), qPrintable(fresh));
        QCOMPARE(guard.unauthenticated(fresh), kMax);
        // The next /64 is another source.
        QVERIFY(guard.admit(
            c.next(), ConnectionGuard::addressKey(inPrefix(QStringLiteral("2001:db8:1:3"), 0))));
        // One authenticates (or closes): room for one more from the /64.
        guard.release(admitted.front());
        QVERIFY(guard.admit(c.next(), fresh));
        QVERIFY(!guard.admit(c.next(), fresh));
    }

    void refusalLogNamesThePrefix()
    {
        std::ostringstream text;
        const auto previous = spdlog::default_logger();
        spdlog::set_default_logger(std::make_shared<spdlog::logger>(
            "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(text)));
        ConnectionGuard guard(1);
        Connections c;
        const QString key =
            ConnectionGuard::addressKey(inPrefix(QStringLiteral("2001:db8:9:9"), 1));
        auto *unused = new QSslSocket; // not connected: refuseIfFull deletes it later
        const bool refusedBelowTheCap = guard.refuseIfFull(unused, key);
        QVERIFY(guard.admit(c.next(), key));
        auto *socket = new QSslSocket;
        const bool refusedAtTheCap = guard.refuseIfFull(socket, key);
        spdlog::set_default_logger(previous);
        delete unused;
        QVERIFY(!refusedBelowTheCap);
        QVERIFY(refusedAtTheCap);
        const QString line = QString::fromStdString(text.str());
        QVERIFY2(line.contains(QLatin1String("from 2001:db8:9:9::/64 already")), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String("IPv6 /64")), qPrintable(line));
        QTest::qWait(0); // the refused socket's deleteLater
    }
};

QTEST_GUILESS_MAIN(TestConnectionGuard)
#include "tst_connectionguard.moc"

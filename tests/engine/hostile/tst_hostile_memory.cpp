// The memory bound under a connection flood: 2,000 connections, spread over
// 127.0.0.110-129, each send a 500 KiB unterminated tag at once (one
// attribute value that never ends, in the stream header or in a stanza after
// it). fedgated must refuse each one (policy-violation), stay under 300 MiB
// resident, and keep answering a legitimately authenticated partner's pings
// throughout; afterwards its RSS stays within 64 MiB of what it was before.
// The attackers are plain non-blocking sockets sharing one payload buffer,
// so the test process itself holds almost nothing.
#include "HostileHarness.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

using namespace fedgate::test;
using namespace fedgate::test::hostile;

namespace {
constexpr int kConnections = 2000;
constexpr qsizetype kTagBytes = 500 * 1024;
constexpr qint64 kRssBoundKiB = 300 * 1024;     // peak, during the flood
constexpr qint64 kSettledGrowthKiB = 64 * 1024; // after it, above the RSS before it

struct Attacker
{
    int fd = -1;
    qsizetype sent = 0;
    bool closed = false;  // by fedgated (EOF, reset, broken pipe)
    bool refused = false; // its stream error arrived
    QByteArray reply;
};

bool raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return false;
    limit.rlim_cur = limit.rlim_max;
    return ::setrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur > kConnections + 200;
}

int connectFrom(int i, quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in source{};
    source.sin_family = AF_INET;
    source.sin_addr.s_addr = htonl(0x7f00006e + i % 20); // 127.0.0.110 + (0..19)
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(port);
    target.sin_addr.s_addr = htonl(0x7f00006e);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&source), sizeof source) != 0 ||
        (::connect(fd, reinterpret_cast<sockaddr *>(&target), sizeof target) != 0 &&
         errno != EINPROGRESS)) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

class TestHostileMemory : public HostileSuite
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(raiseDescriptorLimit(), "cannot raise RLIMIT_NOFILE above 2,200");
        HarnessOptions options;
        options.gatewayConnectionLimit = 5000;
        options.streamEstablishmentTimeout = 60;
        // 100 connections per source address: let them all reach the parser.
        options.extraArguments << QStringLiteral("--max-unauthenticated-per-address")
                               << QStringLiteral("200");
        startHarness(options);
    }
    void init()
    {
        // Each row measures a fresh fedgated, not the memory the last one kept.
        QString error;
        QVERIFY2(m_h.restart(&error), qPrintable(error));
        prepareAttack();
    }
    void cleanupTestCase() { m_h.stop(); }

    void twoThousandUnterminatedTagsAtOnce_data()
    {
        QTest::addColumn<QByteArray>("opening");
        // The tag is the stream header itself (refused after kMaxHeaderSize)...
        QTest::newRow("unterminated stream header") << (header().chopped(1) + " x='");
        // ...or a stanza start tag after a complete header (refused at the
        // stanza limit that applies before authentication).
        QTest::newRow("unterminated stanza tag") << (header() + "<message id='");
    }

    void twoThousandUnterminatedTagsAtOnce()
    {
        QFETCH(QByteArray, opening);
        const QByteArray payload = opening + QByteArray(kTagBytes - opening.size(), 'm');
        std::vector<Attacker> attackers(kConnections);
        auto closeAll = qScopeGuard([&attackers] {
            for (Attacker &a : attackers)
                if (a.fd >= 0)
                    ::close(a.fd);
        });
        for (int i = 0; i < kConnections; ++i) {
            attackers[i].fd = connectFrom(i, m_h.port());
            QVERIFY2(attackers[i].fd >= 0, qPrintable(QString::fromLocal8Bit(strerror(errno))));
        }

        QElapsedTimer clock;
        clock.start();
        qint64 peakKiB = m_h.rssKiB();
        int pingsAnswered = 0;
        QString pingId = m_h.sendLegitPing();
        QDeadlineTimer pingDeadline(10000);
        QDeadlineTimer deadline(90000);
        std::vector<pollfd> fds(kConnections);
        char buffer[4096];
        int active = kConnections;
        while (active > 0 && !deadline.hasExpired()) {
            for (int i = 0; i < kConnections; ++i)
                fds[i] = {attackers[i].closed ? -1 : attackers[i].fd,
                          short(POLLIN | (attackers[i].sent < payload.size() ? POLLOUT : 0)), 0};
            ::poll(fds.data(), fds.size(), 20);
            active = 0;
            for (int i = 0; i < kConnections; ++i) {
                Attacker &a = attackers[i];
                if (a.closed)
                    continue;
                if (fds[i].revents & (POLLIN | POLLERR | POLLHUP)) {
                    const ssize_t n = ::recv(a.fd, buffer, sizeof buffer, MSG_DONTWAIT);
                    if (n > 0)
                        a.reply.append(buffer, n);
                    else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
                        a.closed = true;
                    a.refused |= a.reply.contains(streamErrorElement("policy-violation"));
                }
                if (!a.closed && (fds[i].revents & POLLOUT) && a.sent < payload.size()) {
                    const ssize_t n = ::send(a.fd, payload.constData() + a.sent,
                                             payload.size() - a.sent, MSG_DONTWAIT | MSG_NOSIGNAL);
                    if (n > 0)
                        a.sent += n;
                    else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                        a.closed = true;
                }
                active += !a.closed;
            }
            peakKiB = std::max(peakKiB, m_h.rssKiB());
            QVERIFY2(m_h.alive(),
                     qPrintable(QStringLiteral("fedgated exited: ") + m_h.processOutput()));
            QTest::qWait(1); // the legit session and the fake partner run here
            if (m_h.legitPong(pingId)) {
                ++pingsAnswered;
                pingId = m_h.sendLegitPing();
                pingDeadline.setRemainingTime(10000);
            }
            QVERIFY2(!pingDeadline.hasExpired(),
                     qPrintable(QStringLiteral("a legit ping went unanswered for 10 s during the "
                                               "flood (%1 answered before)")
                                    .arg(pingsAnswered)));
        }
        const qint64 floodMs = clock.elapsed();
        int closed = 0, refused = 0;
        qint64 sentBytes = 0;
        for (const Attacker &a : attackers) {
            closed += a.closed;
            refused += a.refused;
            sentBytes += a.sent;
        }
        closeAll.dismiss();
        for (Attacker &a : attackers)
            ::close(a.fd);
        // Settled: what RSS comes down to within 20 s (the figures first,
        // then the verdicts, so that a failure still shows them).
        QDeadlineTimer settling(20000);
        while (kRssBoundsAsserted && m_h.rssKiB() > m_rssBeforeKiB + kSettledGrowthKiB &&
               !settling.hasExpired())
            QTest::qWait(100);
        const qint64 settledKiB = m_h.rssKiB();
        qInfo("flood of %d x %lld KiB: %lld ms, %lld MiB sent, %d closed by fedgated, %d with "
              "policy-violation seen, %d legit pings answered during it; fedgated RSS before %lld "
              "KiB, peak %lld KiB, settled %lld KiB",
              kConnections, kTagBytes / 1024, floodMs, sentBytes >> 20, closed, refused,
              pingsAnswered, m_rssBeforeKiB, peakKiB, settledKiB);
        QVERIFY2(active == 0, "fedgated still held connections of the flood after 90 s");
        QVERIFY2(peakKiB < kRssBoundKiB || !kRssBoundsAsserted,
                 qPrintable(QStringLiteral("peak RSS %1 KiB over the %2 KiB bound")
                                .arg(peakKiB)
                                .arg(kRssBoundKiB)));
        QVERIFY2(pingsAnswered > 0, "no legit ping answered during the flood");
        QVERIFY2(closed == kConnections,
                 qPrintable(
                     QStringLiteral("%1 of %2 connections refused").arg(closed).arg(kConnections)));
        expectSurvived(kSettledGrowthKiB);
    }
};

QTEST_GUILESS_MAIN(TestHostileMemory)
#include "tst_hostile_memory.moc"

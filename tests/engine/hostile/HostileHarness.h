#pragma once

#include "RawXmppPeers.h"
#include "support/PeerProcess.h"
#include "support/TestCa.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// The hostile-peer suite's world: a real fedgated process for contoso.test
// on 127.0.0.110, fake partner servers beside it, and a legitimately
// authenticated partner session (partner.test, dialback, from 127.0.0.111)
// whose pings are answered over fedgated's outbound stream. Attackers connect
// from 127.0.0.112-129. Each suite (tst_hostile_*) starts its own fedgated.
namespace fedgate::test::hostile {

inline const QString kOurDomain = QStringLiteral("contoso.test");
inline const QString kPartner = QStringLiteral("partner.test"); // dialback, keys valid
inline const QString kSecure = QStringLiteral("secure.test");   // TLS + SASL EXTERNAL required
inline const QString kLiar = QStringLiteral("liar.test");       // every key "invalid"
inline const QString kStalled = QStringLiteral("stalled.test"); // stops reading when authenticated
inline const QString kClaimed = QStringLiteral("claimed.test"); // ConnectionLimit 2
inline const QHostAddress kFedgatedAddress{QStringLiteral("127.0.0.110")};
inline const QHostAddress kLegitAddress{QStringLiteral("127.0.0.111")};
inline constexpr int kClaimedLimit = 2;
inline constexpr int kStreamErrorWaitMs = 8000;
#ifdef FEDGATE_HOSTILE_RSS_UNBOUNDED
inline constexpr bool kRssBoundsAsserted = false; // sanitizer build
#else
inline constexpr bool kRssBoundsAsserted = true;
#endif

// Attacker source address `i` (wraps within 127.0.0.112-129).
QHostAddress attackerAddress(int i);
// Resident memory of a process in KiB (/proc/PID/status VmRSS), -1 if gone.
qint64 residentKiB(qint64 pid);
// A stream header from `from` to `to`, as test::streamHeader.
QByteArray header(const QString &to = kOurDomain, const QString &from = kPartner);
// "<condition xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
QByteArray streamErrorElement(const QByteArray &condition);

struct HarnessOptions
{
    int gatewayConnectionLimit = 100;
    int streamEstablishmentTimeout = 5; // seconds (slowloris is cut after it)
    QStringList extraArguments;         // for fedgated
};

class HostileHarness
{
public:
    HostileHarness();
    ~HostileHarness();

    // CA, certificates, fake partners, topology, fedgated, the legit session.
    bool start(const HarnessOptions &options, QString *error);
    // Restarts fedgated and the legit session when the legit ping is not
    // answered (after a crash, or a stream an earlier attack broke).
    bool ensureUp(QString *error);
    // A fresh fedgated and legit session (a measurement from a clean start).
    bool restart(QString *error);
    void stop();

    qint64 pid() const { return m_fedgated.pid(); }
    bool alive() const { return m_fedgated.isRunning(); }
    qint64 rssKiB() const { return residentKiB(pid()); }
    quint16 port() const { return m_port; }
    QString log() const;           // fedgated's log file
    QString processOutput() const; // what fedgated printed (when it died)
    int restarts() const { return m_restarts; }

    // The legitimate partner pings contoso.test; true when the pong reached
    // partner.test's server within `timeoutMs`.
    bool legitPing(int timeoutMs = 5000);
    // Sends a ping without waiting; legitPong() tells when it came back.
    QString sendLegitPing();
    bool legitPong(const QString &id) const;

    // An attacker's connection from attackerAddress(source).
    bool connect(RawPeer &peer, int source);
    // Connects and opens a stream (header from `from`), waits for features.
    bool openStream(RawPeer &peer, int source, const QString &from = kPartner);
    // Opens a stream and authenticates `domain` by dialback.
    bool authenticate(RawPeer &peer, int source, const QString &domain = kPartner);

    // A client TLS configuration trusting the test CA, with the certificate
    // of `leafDomain` (none when empty).
    QSslConfiguration clientTls(const QString &leafDomain) const;
    // Opens a stream from `from`, STARTTLS, handshake with `leafDomain`'s
    // certificate; `received` is emptied at the handshake.
    bool startTls(RawPeer &peer, int source, const QString &from, const QString &leafDomain);

    FakePartnerServer &partnerServer() { return *m_fakes.value(kPartner); }
    FakePartnerServer &fake(const QString &domain) { return *m_fakes.value(domain); }
    const TestCa &ca() const { return m_ca; }
    TestCa::Leaf leaf(const QString &name) const { return m_leaves.value(name); }
    QString directory() const { return m_dir.path(); }

private:
    bool writeTopology(QString *error);
    bool startFedgated(QString *error);
    bool startLegit(QString *error);

    HarnessOptions m_options;
    QTemporaryDir m_dir;
    TestCa m_ca;
    QHash<QString, TestCa::Leaf> m_leaves;
    QHash<QString, FakePartnerServer *> m_fakes;
    PeerProcess m_fedgated;
    std::unique_ptr<RawPeer> m_legit;
    quint16 m_port = 0;
    int m_pingCounter = 0;
    int m_restarts = 0;
};

// Base of the hostile suites: one harness per suite, and the checks every
// attack ends with.
class HostileSuite : public QObject
{
    Q_OBJECT
protected:
    HostileHarness m_h;
    qint64 m_pidBefore = 0;
    qint64 m_rssBeforeKiB = 0;

    void startHarness(const HarnessOptions &options = {});
    // Per test: fedgated and the legit session up; pid and RSS noted.
    void prepareAttack();
    // `condition` arrives as a stream error, then the connection closes.
    void expectStreamError(RawPeer &peer, const QByteArray &condition);
    // The legitimate partner is answered now (during an attack).
    void expectLegitAnswered();
    // After the attack: same fedgated process alive, legit pings answered,
    // RSS back within `growthBoundKiB` of what it was before the attack.
    void expectSurvived(qint64 growthBoundKiB = 24 * 1024);
};

} // namespace fedgate::test::hostile

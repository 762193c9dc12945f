#include "HostileHarness.h"

#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>

namespace fedgate::test::hostile {

namespace {
// The fake partner servers: domain, verdict on every dialback key, stalls.
struct FakeSpec
{
    QString domain;
    QString verdict;
    bool stall;
};
const QList<FakeSpec> kFakes{{kPartner, QStringLiteral("valid"), false},
                             {kLiar, QStringLiteral("invalid"), false},
                             {kStalled, QStringLiteral("valid"), true},
                             {kClaimed, QStringLiteral("valid"), false}};

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

QHostAddress attackerAddress(int i)
{
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(112 + (i % 18)));
}

qint64 residentKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

QByteArray header(const QString &to, const QString &from)
{
    return streamHeader(to, from);
}

QByteArray streamErrorElement(const QByteArray &condition)
{
    return "<" + condition + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>";
}

HostileHarness::HostileHarness() = default;

HostileHarness::~HostileHarness()
{
    stop();
    qDeleteAll(m_fakes);
}

bool HostileHarness::start(const HarnessOptions &options, QString *error)
{
    m_options = options;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    // FEDGATE_HOSTILE_KEEP=1 keeps fedgated's log and topology for a look.
    m_dir.setAutoRemove(qEnvironmentVariableIntValue("FEDGATE_HOSTILE_KEEP") == 0);
    qputenv("FEDGATE_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
    if (!m_ca.create(m_dir.path(), QStringLiteral("Hostile Test CA"), error))
        return false;
    for (const QString &domain : {kOurDomain, kSecure, QStringLiteral("other.test")}) {
        auto leaf = m_ca.issue(domain.section(QLatin1Char('.'), 0, 0), domain, {domain}, {}, error);
        if (!leaf)
            return false;
        m_leaves.insert(domain, *leaf);
    }
    for (const FakeSpec &spec : kFakes) {
        auto *fake = new FakePartnerServer;
        fake->domain = spec.domain;
        fake->verdict = spec.verdict;
        fake->stallAfterAuth = spec.stall;
        m_fakes.insert(spec.domain, fake);
        if (!fake->listen(kFedgatedAddress)) {
            *error = QStringLiteral("fake server for %1 cannot listen").arg(spec.domain);
            return false;
        }
    }
    return writeTopology(error) && startFedgated(error) && startLegit(error);
}

bool HostileHarness::writeTopology(QString *error)
{
    auto topology = topology::TopologyDocument::readFile(exampleTopologyPath());
    if (!topology) {
        *error = topology.error().toString();
        return false;
    }
    QList<topology::XmppPartner> partners;
    for (const FakeSpec &spec : kFakes) {
        topology::XmppPartner partner;
        partner.domain = spec.domain;
        partner.tls = topology::Negotiation::NotSupported;
        partner.sasl = topology::Negotiation::NotSupported;
        partner.dialback = true;
        if (spec.domain == kClaimed)
            partner.connectionLimit = kClaimedLimit;
        partners << partner;
    }
    topology::XmppPartner secure;
    secure.domain = kSecure;
    secure.tls = topology::Negotiation::Required;
    secure.sasl = topology::Negotiation::Required;
    secure.dialback = false;
    partners << secure;
    topology.value().partners = partners;
    topology.value().gateway.dialbackSecret = QStringLiteral("hostile-suite-secret");
    topology.value().gateway.connectionLimit = m_options.gatewayConnectionLimit;
    topology.value().gateway.streamEstablishmentTimeout = m_options.streamEstablishmentTimeout;
    const Status written = topology::TopologyDocument::writeFile(
        topology.value(), m_dir.filePath(QStringLiteral("topology.json")));
    if (!written)
        *error = written.error().message;
    return written.ok();
}

bool HostileHarness::startFedgated(QString *error)
{
    m_port = freeTcpPort(kFedgatedAddress);
    QStringList args{QStringLiteral("--topology"),
                     m_dir.filePath(QStringLiteral("topology.json")),
                     QStringLiteral("--listen"),
                     kFedgatedAddress.toString() + QLatin1Char(':') + QString::number(m_port),
                     QStringLiteral("--cert"),
                     m_leaves.value(kOurDomain).certificatePath,
                     QStringLiteral("--key"),
                     m_leaves.value(kOurDomain).keyPath,
                     QStringLiteral("--ca"),
                     m_ca.certificatePath(),
                     QStringLiteral("--control"),
                     m_dir.filePath(QStringLiteral("fedgated.sock")),
                     QStringLiteral("--log-file"),
                     m_dir.filePath(QStringLiteral("fedgated.log")),
                     QStringLiteral("--retry-attempts"),
                     QStringLiteral("0")};
    for (auto it = m_fakes.cbegin(); it != m_fakes.cend(); ++it)
        args << QStringLiteral("--host")
             << QStringLiteral("%1=%2:%3")
                    .arg(it.key(), kFedgatedAddress.toString())
                    .arg(it.value()->port());
    args += m_options.extraArguments;
    // Through `exec` (same PID) so that fedgated's stderr goes to a file: a
    // pipe the test reads only now and then could block the engine.
    const QString script = QStringLiteral("exec \"$0\" \"$@\" >>'%1' 2>&1")
                               .arg(m_dir.filePath(QStringLiteral("fedgated.out")));
    if (!m_fedgated.start(
            QStringLiteral("/bin/sh"),
            QStringList{QStringLiteral("-c"), script, executable(QStringLiteral("fedgated"))} +
                args) ||
        !m_fedgated.waitForTcp(kFedgatedAddress, m_port, 15000)) {
        *error = QStringLiteral("fedgated did not start: ") + processOutput();
        return false;
    }
    return true;
}

bool HostileHarness::startLegit(QString *error)
{
    m_legit = std::make_unique<RawPeer>();
    m_legit->socket.bind(kLegitAddress);
    if (!m_legit->connect(kFedgatedAddress, m_port)) {
        *error = QStringLiteral("legit partner cannot connect");
        return false;
    }
    m_legit->send(header());
    if (!m_legit->waitFor("</stream:features>")) {
        *error = QStringLiteral("legit partner got no features: ") + m_legit->received;
        return false;
    }
    m_legit->send("<db:result from='partner.test' to='contoso.test'>legit-key</db:result>");
    if (!m_legit->waitFor("type='valid'")) {
        *error = QStringLiteral("legit partner not authenticated: ") + m_legit->received;
        return false;
    }
    if (!legitPing(10000)) {
        *error = QStringLiteral("legit partner's first ping unanswered");
        return false;
    }
    return true;
}

bool HostileHarness::ensureUp(QString *error)
{
    // A legit session that is no longer answered (an earlier attack broke
    // the engine's stream to partner.test, or froze it) gets a fresh
    // fedgated, so that one defect does not fail every later attack.
    const bool healthy = alive() && m_legit &&
                         m_legit->socket.state() == QAbstractSocket::ConnectedState &&
                         legitPing(3000);
    if (healthy)
        return true;
    qWarning("restarting fedgated before this attack (restart %d)", m_restarts + 1);
    return restart(error);
}

bool HostileHarness::restart(QString *error)
{
    ++m_restarts;
    m_legit.reset();
    m_fedgated.stop();
    return startFedgated(error) && startLegit(error);
}

void HostileHarness::stop()
{
    m_legit.reset();
    m_fedgated.stop();
}

QString HostileHarness::log() const
{
    return readText(m_dir.filePath(QStringLiteral("fedgated.log")));
}

QString HostileHarness::processOutput() const
{
    return readText(m_dir.filePath(QStringLiteral("fedgated.out"))).right(4000);
}

QString HostileHarness::sendLegitPing()
{
    const QString id = QStringLiteral("legit-%1").arg(++m_pingCounter);
    if (m_legit)
        m_legit->send("<iq type='get' id='" + id.toUtf8() +
                      "' from='partner.test' to='contoso.test'><ping xmlns='urn:xmpp:ping'/></iq>");
    return id;
}

bool HostileHarness::legitPong(const QString &id) const
{
    const QList<engine::XmlElement> &stanzas = m_fakes.value(kPartner)->stanzas;
    for (auto it = stanzas.crbegin(); it != stanzas.crend(); ++it)
        if (it->name() == QLatin1String("iq") && it->attribute(QStringLiteral("id")) == id)
            return it->attribute(QStringLiteral("type")) == QLatin1String("result");
    return false;
}

bool HostileHarness::legitPing(int timeoutMs)
{
    const QString id = sendLegitPing();
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (legitPong(id))
            return true;
        QTest::qWait(10);
    }
    return false;
}

bool HostileHarness::connect(RawPeer &peer, int source)
{
    peer.socket.bind(attackerAddress(source));
    return peer.connect(kFedgatedAddress, m_port);
}

bool HostileHarness::openStream(RawPeer &peer, int source, const QString &from)
{
    if (!connect(peer, source))
        return false;
    peer.send(header(kOurDomain, from));
    return peer.waitFor("</stream:features>");
}

bool HostileHarness::authenticate(RawPeer &peer, int source, const QString &domain)
{
    if (!openStream(peer, source, domain))
        return false;
    peer.send("<db:result from='" + domain.toUtf8() +
              "' to='contoso.test'>attacker-key</db:result>");
    return peer.waitFor("type='valid'");
}

QSslConfiguration HostileHarness::clientTls(const QString &leafDomain) const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(m_ca.certificatePath()));
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!leafDomain.isEmpty()) {
        const TestCa::Leaf leaf = m_leaves.value(leafDomain);
        config.setLocalCertificate(QSslCertificate::fromPath(leaf.certificatePath).value(0));
        QFile key(leaf.keyPath);
        if (key.open(QIODevice::ReadOnly))
            config.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
    }
    return config;
}

bool HostileHarness::startTls(RawPeer &peer, int source, const QString &from,
                              const QString &leafDomain)
{
    if (!openStream(peer, source, from))
        return false;
    peer.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    if (!peer.waitFor("<proceed"))
        return false;
    peer.received.clear();
    peer.socket.setSslConfiguration(clientTls(leafDomain));
    peer.socket.setPeerVerifyName(kOurDomain);
    peer.socket.startClientEncryption();
    return peer.socket.waitForEncrypted(5000);
}

void HostileSuite::startHarness(const HarnessOptions &options)
{
    QString error;
    QVERIFY2(m_h.start(options, &error), qPrintable(error));
}

void HostileSuite::prepareAttack()
{
    QString error;
    QVERIFY2(m_h.ensureUp(&error), qPrintable(error));
    m_pidBefore = m_h.pid();
    m_rssBeforeKiB = m_h.rssKiB();
}

void HostileSuite::expectStreamError(RawPeer &peer, const QByteArray &condition)
{
    QVERIFY2(peer.waitFor(streamErrorElement(condition), kStreamErrorWaitMs),
             qPrintable(QStringLiteral("expected <%1/>, got: %2")
                            .arg(QString::fromUtf8(condition),
                                 QString::fromUtf8(peer.received.right(600)))));
    QVERIFY(peer.received.contains("<stream:error>"));
    QVERIFY2(peer.waitClosed(kStreamErrorWaitMs), "fedgated did not close the connection");
}

void HostileSuite::expectLegitAnswered()
{
    QVERIFY2(m_h.alive(), qPrintable(QStringLiteral("fedgated exited: ") + m_h.processOutput()));
    QVERIFY2(m_h.legitPing(), "the legitimate partner's ping went unanswered during the attack");
}

void HostileSuite::expectSurvived(qint64 growthBoundKiB)
{
    QVERIFY2(m_h.alive(), qPrintable(QStringLiteral("fedgated exited: ") + m_h.processOutput()));
    QCOMPARE(m_h.pid(), m_pidBefore);
    QVERIFY2(m_h.legitPing(), "the legitimate partner's ping went unanswered after the attack");
    const qint64 bound = m_rssBeforeKiB + growthBoundKiB;
    if (!kRssBoundsAsserted)
        return;
    QTRY_VERIFY2_WITH_TIMEOUT(m_h.rssKiB() <= bound,
                              qPrintable(QStringLiteral("RSS %1 KiB, before %2 KiB, bound %3 KiB")
                                             .arg(m_h.rssKiB())
                                             .arg(m_rssBeforeKiB)
                                             .arg(bound)),
                              10000);
}

} // namespace fedgate::test::hostile

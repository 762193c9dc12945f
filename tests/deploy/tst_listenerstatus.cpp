// ListenerStatus: the rows an administrator sees and the findings for each
// difference from the plan — a listener missing, one held by another
// program, an internal link listening without its gateway connected, and an
// engine listener the plan does not include.
#include "deploy/ListenerStatus.h"

#include <QTest>

using namespace fedgate::deploy;

namespace {

SocketEntry socket(const char *local, quint16 localPort, const char *remote, quint16 remotePort,
                   TcpState state, qint64 pid, const char *process)
{
    SocketEntry entry;
    entry.localAddress = QHostAddress(QString::fromLatin1(local));
    entry.localPort = localPort;
    entry.remoteAddress = QHostAddress(QString::fromLatin1(remote));
    entry.remotePort = remotePort;
    entry.state = state;
    entry.pid = pid;
    entry.process = QString::fromLatin1(process);
    return entry;
}

const qint64 kEngine = 100;

QList<ExpectedListener> edgePlan()
{
    return {
        {QHostAddress(QStringLiteral("127.0.0.241")), 5269, ListenerPurpose::Federation, false},
        {QHostAddress(QStringLiteral("127.0.0.242")), 23456, ListenerPurpose::InternalLink, true},
    };
}

QList<SocketEntry> healthyEdge()
{
    return {
        socket("127.0.0.241", 5269, "0.0.0.0", 0, TcpState::Listen, kEngine, "fedgated"),
        socket("127.0.0.242", 23456, "0.0.0.0", 0, TcpState::Listen, kEngine, "fedgated"),
        socket("127.0.0.242", 23456, "127.0.0.243", 41000, TcpState::Established, kEngine,
               "fedgated"),
        socket("127.0.0.243", 41000, "127.0.0.242", 23456, TcpState::Established, kEngine,
               "fedgated"),
        socket("127.0.0.9", 22, "0.0.0.0", 0, TcpState::Listen, 1, "sshd"),
    };
}

} // namespace

class TstListenerStatus : public QObject
{
    Q_OBJECT
private slots:
    void healthyEdgeHasNoFindings();
    void rowsShowOursAndThePlannedPorts();
    void missingListener();
    void listenerHeldByAnotherProgram();
    void internalLinkWithoutGateway();
    void unplannedEngineListener();
    void anyAddressListenerCoversThePlannedAddress();
};

void TstListenerStatus::healthyEdgeHasNoFindings()
{
    QVERIFY(ListenerStatus::compare(healthyEdge(), edgePlan(), {kEngine}).isEmpty());
}

void TstListenerStatus::rowsShowOursAndThePlannedPorts()
{
    const QList<ListenerRow> rows = ListenerStatus::rows(healthyEdge(), edgePlan(), {kEngine});
    QCOMPARE(rows.size(), 4); // sshd is neither ours nor planned
    QCOMPARE(int(rows[0].socket.state), int(TcpState::Listen));
    QCOMPARE(rows[0].socket.localPort, quint16(5269));
    QCOMPARE(rows[0].purpose, ListenerPurpose::Federation);
    QCOMPARE(rows[1].purpose, ListenerPurpose::InternalLink);
    // Both ends of the link are labelled with the link's purpose.
    QCOMPARE(rows[2].purpose, ListenerPurpose::InternalLink);
    QCOMPARE(rows[3].purpose, ListenerPurpose::InternalLink);
}

void TstListenerStatus::missingListener()
{
    QList<SocketEntry> sockets = healthyEdge();
    sockets.removeAt(0);
    const auto findings = ListenerStatus::compare(sockets, edgePlan(), {kEngine});
    QCOMPARE(findings.size(), 1);
    QCOMPARE(
        findings[0].problem,
        QStringLiteral("Nothing listens on 127.0.0.241:5269 (federation (server-to-server))."));
    QVERIFY(findings[0].fix.contains(QStringLiteral("log")));
}

void TstListenerStatus::listenerHeldByAnotherProgram()
{
    QList<SocketEntry> sockets = healthyEdge();
    sockets[0] = socket("127.0.0.241", 5269, "0.0.0.0", 0, TcpState::Listen, 555, "prosody");
    const auto findings = ListenerStatus::compare(sockets, edgePlan(), {kEngine});
    QCOMPARE(findings.size(), 1);
    QVERIFY2(findings[0].problem.contains(QStringLiteral("held by prosody (pid 555)")),
             qPrintable(findings[0].problem));
}

void TstListenerStatus::internalLinkWithoutGateway()
{
    QList<SocketEntry> sockets = healthyEdge();
    sockets.remove(2, 2);
    const auto findings = ListenerStatus::compare(sockets, edgePlan(), {kEngine});
    QCOMPARE(findings.size(), 1);
    QVERIFY(findings[0].problem.contains(QStringLiteral("127.0.0.242:23456")));
    QVERIFY(findings[0].problem.contains(QStringLiteral("gateway is not connected")));
}

void TstListenerStatus::unplannedEngineListener()
{
    QList<SocketEntry> sockets = healthyEdge();
    sockets.append(
        socket("127.0.0.241", 5270, "0.0.0.0", 0, TcpState::Listen, kEngine, "fedgated"));
    const auto findings = ListenerStatus::compare(sockets, edgePlan(), {kEngine});
    QCOMPARE(findings.size(), 1);
    QVERIFY(findings[0].problem.contains(QStringLiteral("127.0.0.241:5270")));
    QVERIFY(findings[0].problem.contains(QStringLiteral("does not include")));
}

void TstListenerStatus::anyAddressListenerCoversThePlannedAddress()
{
    QList<SocketEntry> sockets = healthyEdge();
    sockets[0] = socket("0.0.0.0", 5269, "0.0.0.0", 0, TcpState::Listen, kEngine, "fedgated");
    QVERIFY(ListenerStatus::compare(sockets, edgePlan(), {kEngine}).isEmpty());
    QCOMPARE(sockets[0].localEndpoint(), QStringLiteral("*:5269"));
}

QTEST_GUILESS_MAIN(TstListenerStatus)
#include "tst_listenerstatus.moc"

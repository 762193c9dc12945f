// SocketTable: /proc/net/tcp{,6} parsed as the kernel writes it (IPv4 and
// IPv6 words in host order, hex ports, states, inodes), and the live table
// read from this machine's /proc, where a listener and a connection this
// test opens on 127.0.0.240 appear with this process as their owner.
#include "deploy/SocketTable.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace fedgate::deploy;

class TstSocketTable : public QObject
{
    Q_OBJECT
private slots:
    void parsesIPv4Lines();
    void parsesIPv6Lines();
    void skipsMalformedLines();
    void endpointsAsNetstatPrintsThem();
    void ownersFromFdLinks();
    void liveListenerAndConnectionOwnedByThisProcess();
    void missingProcIsAClearError();
};

void TstSocketTable::parsesIPv4Lines()
{
    // 127.0.0.1:5269 listening; 127.0.0.2:40000 -> 127.0.0.1:23456 established.
    const QByteArray text =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
        "timeout inode\n"
        "   0: 0100007F:1495 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0     "
        "   0 4242 1 0000000000000000 100 0 0 10 0\n"
        "   1: 0200007F:9C40 0100007F:5BA0 01 00000000:00000000 00:00000000 00000000     0     "
        "   0 4343 1 0000000000000000 20 4 30 10 -1\n";
    int skipped = -1;
    const QList<SocketEntry> entries = SocketTable::parseProcNetTcp(text, &skipped);
    QCOMPARE(skipped, 0);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].localAddress, QHostAddress(QStringLiteral("127.0.0.1")));
    QCOMPARE(entries[0].localPort, quint16(5269));
    QCOMPARE(int(entries[0].state), int(TcpState::Listen));
    QCOMPARE(entries[0].inode, quint64(4242));
    QCOMPARE(entries[1].localAddress, QHostAddress(QStringLiteral("127.0.0.2")));
    QCOMPARE(entries[1].localPort, quint16(40000));
    QCOMPARE(entries[1].remoteAddress, QHostAddress(QStringLiteral("127.0.0.1")));
    QCOMPARE(entries[1].remotePort, quint16(23456));
    QCOMPARE(int(entries[1].state), int(TcpState::Established));
    QCOMPARE(toString(entries[1].state), QStringLiteral("ESTABLISHED"));
}

void TstSocketTable::parsesIPv6Lines()
{
    // [::1]:5222 listening and ::ffff:127.0.0.3 (IPv4-mapped) in TIME_WAIT.
    const QByteArray text =
        "  sl  local_address                         remote_address                        st "
        "tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        "   0: 00000000000000000000000001000000:1466 00000000000000000000000000000000:0000 0A "
        "00000000:00000000 00:00000000 00000000     0        0 777 1 0000000000000000 100 0 0 "
        "10 0\n"
        "   1: 0000000000000000FFFF00000300007F:1496 0000000000000000FFFF00000100007F:D431 06 "
        "00000000:00000000 03:00000A2B 00000000     0        0 0 3 0000000000000000\n";
    const QList<SocketEntry> entries = SocketTable::parseProcNetTcp(text);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].localAddress, QHostAddress(QStringLiteral("::1")));
    QCOMPARE(entries[0].localPort, quint16(5222));
    QCOMPARE(entries[0].localEndpoint(), QStringLiteral("[::1]:5222"));
    QCOMPARE(entries[1].localAddress, QHostAddress(QStringLiteral("127.0.0.3")));
    QCOMPARE(entries[1].remoteAddress, QHostAddress(QStringLiteral("127.0.0.1")));
    QCOMPARE(int(entries[1].state), int(TcpState::TimeWait));
    QCOMPARE(entries[1].inode, quint64(0));
}

void TstSocketTable::skipsMalformedLines()
{
    const QByteArray text = "header\n"
                            "   0: 0100007F:ZZZZ 00000000:0000 0A 0 0 0 0 0 1\n"
                            "   1: garbage\n"
                            "\n"
                            "   2: 0100007F:0050 00000000:0000 0A 0:0 0:0 0 0 0 99\n";
    int skipped = 0;
    const QList<SocketEntry> entries = SocketTable::parseProcNetTcp(text, &skipped);
    QCOMPARE(skipped, 2);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].localPort, quint16(80));
    QCOMPARE(entries[0].inode, quint64(99));
}

void TstSocketTable::endpointsAsNetstatPrintsThem()
{
    QCOMPARE(endpointText(QHostAddress(QHostAddress::AnyIPv4), 5269), QStringLiteral("*:5269"));
    QCOMPARE(endpointText(QHostAddress(QHostAddress::AnyIPv4), 0), QStringLiteral("*:*"));
    QCOMPARE(endpointText(QHostAddress(QStringLiteral("10.0.0.1")), 23456),
             QStringLiteral("10.0.0.1:23456"));
    QCOMPARE(endpointText(QHostAddress(QStringLiteral("fe80::1")), 5222),
             QStringLiteral("[fe80::1]:5222"));
}

void TstSocketTable::ownersFromFdLinks()
{
    // A /proc copy: process 4711 ("fedgated") holds socket 4242 and a file.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QDir dir(root.path());
    QVERIFY(dir.mkpath(QStringLiteral("4711/fd")));
    QVERIFY(dir.mkpath(QStringLiteral("self")));
    QFile comm(dir.filePath(QStringLiteral("4711/comm")));
    QVERIFY(comm.open(QIODevice::WriteOnly));
    comm.write("fedgated\n");
    comm.close();
    QVERIFY(::symlink("socket:[4242]", qPrintable(dir.filePath(QStringLiteral("4711/fd/3")))) == 0);
    QVERIFY(::symlink("/var/log/x", qPrintable(dir.filePath(QStringLiteral("4711/fd/4")))) == 0);
    const auto owners = SocketTable::socketOwners(root.path());
    QCOMPARE(owners.size(), 1);
    QCOMPARE(owners.value(4242).pid, qint64(4711));
    QCOMPARE(owners.value(4242).process, QStringLiteral("fedgated"));
}

void TstSocketTable::liveListenerAndConnectionOwnedByThisProcess()
{
    const QHostAddress address(QStringLiteral("127.0.0.240"));
    QTcpServer server;
    QVERIFY2(server.listen(address, 0), qPrintable(server.errorString()));
    QTcpSocket client;
    client.connectToHost(address, server.serverPort());
    QVERIFY(client.waitForConnected(5000));
    QVERIFY(server.waitForNewConnection(5000));
    std::unique_ptr<QTcpSocket> accepted(server.nextPendingConnection());
    QVERIFY(accepted);

    const auto table = SocketTable::read();
    QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error().message));
    const qint64 me = QCoreApplication::applicationPid();
    int listening = 0;
    int established = 0;
    for (const SocketEntry &entry : table.value()) {
        if (entry.localAddress != address && entry.remoteAddress != address)
            continue;
        if (entry.state == TcpState::Listen && entry.localPort == server.serverPort()) {
            ++listening;
            QCOMPARE(entry.pid, me);
            QVERIFY(!entry.process.isEmpty());
        }
        if (entry.state == TcpState::Established) {
            ++established;
            QCOMPARE(entry.pid, me);
        }
    }
    QCOMPARE(listening, 1);
    QCOMPARE(established, 2); // both ends of the connection
}

void TstSocketTable::missingProcIsAClearError()
{
    QTemporaryDir empty;
    const auto table = SocketTable::read(empty.path());
    QVERIFY(!table.ok());
    QVERIFY(table.error().message.contains(QStringLiteral("/net/tcp")));
    QVERIFY(table.error().message.contains(QStringLiteral("mounted")));
}

QTEST_GUILESS_MAIN(TstSocketTable)
#include "tst_sockettable.moc"

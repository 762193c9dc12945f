// Qt's network classes on EpollEventDispatcher: QTcpServer accepts,
// QTcpSocket and QSslSocket (STARTTLS-like server encryption, a verified
// client) carry megabytes both ways through partial writes and reads, many
// connections open and close with their descriptors reused, and a worker
// QThread running its own EpollEventDispatcher talks to the main thread's
// server (fedgated's per-core loops). Loopback 127.0.0.180-181 (perf).
#include "EpollTestMain.h"

#include "tests/support/TestCa.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

using fedgate::engine::EpollEventDispatcher;
using fedgate::test::TestCa;

namespace {
const QHostAddress kServerAddress(QStringLiteral("127.0.0.180"));

template <typename Predicate> bool spinUntil(Predicate done, int ms = 20000)
{
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

QByteArray pattern(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char('a' + (i * 7 + i / 4096) % 26);
    return data;
}

// Echoes what each connection sends; with `closeAfter` > 0, closes a
// connection once that many bytes came back to it.
class EchoServer : public QTcpServer
{
public:
    std::optional<QSslConfiguration> tls;
    qint64 closeAfter = 0;
    int accepted = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        QVERIFY(socket->setSocketDescriptor(descriptor));
        ++accepted;
        auto echoed = std::make_shared<qint64>(0);
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, echoed] {
            const QByteArray data = socket->readAll();
            socket->write(data);
            *echoed += data.size();
            if (closeAfter > 0 && *echoed >= closeAfter)
                socket->disconnectFromHost();
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        if (tls) {
            socket->setSslConfiguration(*tls);
            socket->startServerEncryption();
        }
    }
};

// Sends `payload` over `socket` once connected (or encrypted) and collects
// the echo.
struct EchoClient
{
    QByteArray received;
    bool disconnected = false;
    void attach(QSslSocket &socket, const QByteArray &payload, bool encrypted)
    {
        QObject::connect(&socket, encrypted ? &QSslSocket::encrypted : &QSslSocket::connected,
                         &socket, [&socket, payload] { socket.write(payload); });
        QObject::connect(&socket, &QSslSocket::readyRead, &socket,
                         [this, &socket] { received += socket.readAll(); });
        QObject::connect(&socket, &QSslSocket::disconnected, &socket,
                         [this] { disconnected = true; });
    }
};
} // namespace

class TestEpollNetwork : public QObject
{
    Q_OBJECT
private slots:
    void tcpCarriesMegabytesBothWays()
    {
        EchoServer server;
        QVERIFY(server.listen(kServerAddress, 0));
        const QByteArray payload = pattern(4 * 1024 * 1024);
        EchoClient echo; // outlives the socket, whose destructor still signals
        QSslSocket client;
        echo.attach(client, payload, false);
        client.connectToHost(kServerAddress, server.serverPort());
        QVERIFY(spinUntil([&] { return echo.received.size() >= payload.size(); }));
        QCOMPARE(echo.received.size(), payload.size());
        QVERIFY(echo.received == payload);
    }

    void manyConnectionsOpenAndClose()
    {
        EchoServer server;
        server.closeAfter = 5;
        QVERIFY(server.listen(kServerAddress, 0));
        constexpr int kRounds = 4;
        constexpr int kClients = 100; // descriptors are freed and reused between rounds
        for (int round = 0; round < kRounds; ++round) {
            std::vector<EchoClient> echoes(kClients); // outlive the sockets
            std::vector<std::unique_ptr<QSslSocket>> clients;
            for (int i = 0; i < kClients; ++i) {
                clients.push_back(std::make_unique<QSslSocket>());
                echoes[size_t(i)].attach(*clients.back(), "hello", false);
                clients.back()->connectToHost(kServerAddress, server.serverPort());
            }
            QVERIFY(spinUntil([&] {
                return std::all_of(echoes.begin(), echoes.end(),
                                   [](const EchoClient &e) { return e.disconnected; });
            }));
            for (const EchoClient &e : echoes)
                QCOMPARE(e.received, QByteArray("hello"));
        }
        QCOMPARE(server.accepted, kRounds * kClients);
    }

    void sslSocketEncryptsAndCarriesData()
    {
        QTemporaryDir dir;
        TestCa ca;
        QString error;
        QVERIFY2(ca.create(dir.path(), QStringLiteral("Epoll Test CA"), &error), qPrintable(error));
        const auto leaf = ca.issue(QStringLiteral("server"), QStringLiteral("epoll.test"),
                                   {QStringLiteral("epoll.test")}, {}, &error);
        QVERIFY2(leaf, qPrintable(error));
        QFile keyFile(leaf->keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration serverTls = QSslConfiguration::defaultConfiguration();
        serverTls.setLocalCertificate(QSslCertificate::fromPath(leaf->certificatePath).value(0));
        serverTls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        serverTls.setPeerVerifyMode(QSslSocket::VerifyNone);

        EchoServer server;
        server.tls = serverTls;
        QVERIFY(server.listen(kServerAddress, 0));
        const QByteArray payload = pattern(1024 * 1024 + 17);
        EchoClient echo; // outlives the socket, whose destructor still signals
        QSslSocket client;
        QSslConfiguration clientTls = QSslConfiguration::defaultConfiguration();
        clientTls.setCaCertificates(QSslCertificate::fromPath(ca.certificatePath()));
        client.setSslConfiguration(clientTls);
        QList<QSslError> errors;
        connect(&client, &QSslSocket::sslErrors, this,
                [&](const QList<QSslError> &e) { errors += e; });
        echo.attach(client, payload, true);
        client.connectToHostEncrypted(kServerAddress.toString(), server.serverPort(),
                                      QStringLiteral("epoll.test"));
        QVERIFY(
            spinUntil([&] { return echo.received.size() >= payload.size() || !errors.isEmpty(); }));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).errorString()));
        QVERIFY(client.isEncrypted());
        QVERIFY(echo.received == payload);
        client.disconnectFromHost();
        QVERIFY(spinUntil([&] { return echo.disconnected; }));
    }

    void workerThreadLoopTalksToTheMainThread()
    {
        EchoServer server;
        QVERIFY(server.listen(kServerAddress, 0));
        const quint16 port = server.serverPort();

        QThread worker;
        worker.setEventDispatcher(new EpollEventDispatcher);
        worker.start();
        const QByteArray payload = pattern(256 * 1024);
        std::atomic<bool> onEpoll{false};
        std::atomic<int> ticks{0};
        QByteArray received; // written on the worker, read after it stopped
        QObject context;     // only to run the set-up on the worker
        context.moveToThread(&worker);
        QMetaObject::invokeMethod(&context, [&] {
            onEpoll = qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()) !=
                      nullptr;
            auto *holder = new QObject; // lives and dies on the worker
            auto *ticker = new QTimer(holder);
            auto *socket = new QSslSocket(holder);
            // Done once the echo is complete and the timer ticked.
            auto finishIfDone = [&, socket, ticker, holder] {
                if (received.size() < payload.size() || ticks < 1)
                    return;
                ticker->stop();
                socket->abort();
                holder->deleteLater(); // sent as the thread finishes
                QThread::currentThread()->quit();
            };
            QObject::connect(ticker, &QTimer::timeout, holder, [&, finishIfDone] {
                ++ticks;
                finishIfDone();
            });
            ticker->start(1);
            QObject::connect(socket, &QSslSocket::connected, socket,
                             [socket, payload] { socket->write(payload); });
            QObject::connect(socket, &QSslSocket::readyRead, socket, [&, socket, finishIfDone] {
                received += socket->readAll();
                finishIfDone();
            });
            socket->connectToHost(kServerAddress, port);
        });
        QVERIFY(spinUntil([&] { return worker.isFinished(); }));
        QVERIFY(worker.wait(10000));
        QVERIFY(onEpoll);
        QVERIFY(ticks >= 1);
        QVERIFY(received == payload);
    }
};

FEDGATE_EPOLL_TEST_MAIN(TestEpollNetwork)
#include "tst_epollnetwork.moc"

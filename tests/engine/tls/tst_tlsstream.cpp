// TlsStream, the s2s transport of our own (engine/tls): plain bytes both
// ways, STARTTLS in place with the peer's certificate chain seen on both
// sides, direct TLS, one shared SSL_CTX per configuration, a peer that does
// not read (the queue holds what is written and drains once it reads), the
// peer's close and a refused connection reported once, from the event loop.
// Both ends are TlsStreams in this thread, on the EpollEventDispatcher
// (addresses 127.0.0.155-159).
#include "../EpollTestMain.h"
#include "engine/tls/HeapTrim.h"
#include "engine/tls/TlsContextCache.h"
#include "engine/tls/TlsStream.h"
#include "support/TestCa.h"

#include <QFile>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <atomic>
#include <memory>

using namespace fedgate::engine;
using fedgate::test::TestCa;

namespace {
const QHostAddress kServerAddress(QStringLiteral("127.0.0.155"));
const QHostAddress kNothingListens(QStringLiteral("127.0.0.156"));

// Accepted descriptors, kept for the test to wrap.
class DescriptorServer : public QTcpServer
{
public:
    QList<qintptr> descriptors;

protected:
    void incomingConnection(qintptr descriptor) override { descriptors << descriptor; }
};

// Everything a stream received, read on each readyRead.
struct Received
{
    QByteArray bytes;
    int disconnects = 0;
    int errors = 0;
    int encrypted = 0;
    void watch(TlsStream *stream)
    {
        QObject::connect(stream, &ByteStream::readyRead, stream,
                         [this, stream] { bytes += stream->read(stream->bytesAvailable()); });
        QObject::connect(stream, &ByteStream::disconnected, stream, [this] { ++disconnects; });
        QObject::connect(stream, &ByteStream::errorOccurred, stream, [this] { ++errors; });
        QObject::connect(stream, &ByteStream::encrypted, stream, [this] { ++encrypted; });
    }
};

QSslConfiguration configurationFor(const TestCa::Leaf &leaf)
{
    QSslConfiguration configuration;
    configuration.setLocalCertificateChain(QSslCertificate::fromPath(leaf.certificatePath));
    QFile key(leaf.keyPath);
    if (key.open(QIODevice::ReadOnly))
        configuration.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
    return configuration;
}

bool noDelay(const ByteStream &stream)
{
    int value = 0;
    socklen_t size = sizeof value;
    return ::getsockopt(int(stream.descriptor()), IPPROTO_TCP, TCP_NODELAY, &value, &size) == 0 &&
           value != 0;
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 23);
    return bytes;
}
} // namespace

class TestTlsStream : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestCa m_ca;
    QSslConfiguration m_serverTls;
    QSslConfiguration m_clientTls;
    QByteArray m_serverLeafDer;
    QByteArray m_clientLeafDer;
    DescriptorServer m_server;

    // A connected pair: `client` dialled, `server` accepted.
    void connectPair(std::unique_ptr<TlsStream> &client, std::unique_ptr<TlsStream> &server,
                     bool directTls = false)
    {
        client = std::make_unique<TlsStream>();
        QSignalSpy connected(client.get(), &ByteStream::connected);
        client->setTlsConfiguration(m_clientTls);
        if (directTls)
            client->connectToHostEncrypted(kServerAddress.toString(), m_server.serverPort(),
                                           QStringLiteral("server.test"));
        else
            client->connectToHost(kServerAddress.toString(), m_server.serverPort());
        QTRY_COMPARE(connected.size(), 1);
        QTRY_COMPARE(m_server.descriptors.size(), 1);
        server = std::make_unique<TlsStream>(m_server.descriptors.takeFirst());
        server->setTlsConfiguration(m_serverTls);
        QVERIFY(client->isConnected());
        QVERIFY(server->isConnected());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_ca.create(m_dir.path(), QStringLiteral("TlsStream Test CA"), &error),
                 qPrintable(error));
        const auto server = m_ca.issue(QStringLiteral("server"), QStringLiteral("server.test"),
                                       {QStringLiteral("server.test")}, {}, &error);
        QVERIFY2(server, qPrintable(error));
        const auto client = m_ca.issue(QStringLiteral("client"), QStringLiteral("client.test"),
                                       {QStringLiteral("client.test")}, {}, &error);
        QVERIFY2(client, qPrintable(error));
        m_serverTls = configurationFor(*server);
        m_clientTls = configurationFor(*client);
        QVERIFY(!m_serverTls.privateKey().isNull());
        m_serverLeafDer = m_serverTls.localCertificateChain().value(0).toDer();
        m_clientLeafDer = m_clientTls.localCertificateChain().value(0).toDer();
        QVERIFY(m_server.listen(kServerAddress));
    }

    void plainBothWays()
    {
        std::unique_ptr<TlsStream> client, server;
        connectPair(client, server);
        Received atClient, atServer;
        atClient.watch(client.get());
        atServer.watch(server.get());
        QVERIFY(noDelay(*client));
        QVERIFY(noDelay(*server));
        QCOMPARE(client->peerAddress().toString(), kServerAddress.toString());
        QCOMPARE(client->peerPort(), m_server.serverPort());
        QVERIFY(server->peerAddress().isLoopback());
        // Many small pieces and one large one, in order.
        QByteArray sent;
        for (int i = 0; i < 200; ++i) {
            const QByteArray piece = "<message id='" + QByteArray::number(i) + "'/>";
            client->write(piece);
            sent += piece;
        }
        const QByteArray large = pattern(300 * 1024);
        client->write(large);
        sent += large;
        QVERIFY(client->unsentBytes() > 0); // written from the event loop
        server->write("<ok/>");
        QTRY_COMPARE(atServer.bytes.size(), sent.size());
        QCOMPARE(atServer.bytes, sent);
        QTRY_COMPARE(atClient.bytes, QByteArray("<ok/>"));
        QCOMPARE(client->unsentBytes(), 0);
        QVERIFY(!client->isEncrypted());
        QVERIFY(client->tlsVersion().isEmpty());
    }

    void startTlsInPlace()
    {
        const int contexts = TlsContextCache::size();
        std::unique_ptr<TlsStream> client, server;
        connectPair(client, server);
        Received atClient, atServer;
        atClient.watch(client.get());
        atServer.watch(server.get());
        client->write("<starttls/>");
        QTRY_COMPARE(atServer.bytes, QByteArray("<starttls/>"));
        // The <proceed/> goes out in plain before the handshake; what is
        // written after it waits for TLS.
        server->write("<proceed/>");
        server->startServerEncryption();
        server->write("<after-tls/>");
        QTRY_COMPARE(atClient.bytes, QByteArray("<proceed/>"));
        client->setPeerName(QStringLiteral("server.test"));
        client->startClientEncryption();
        QTRY_COMPARE(atClient.encrypted, 1);
        QTRY_COMPARE(atServer.encrypted, 1);
        QTRY_COMPARE(atClient.bytes, QByteArray("<proceed/><after-tls/>"));
        QVERIFY(client->isEncrypted() && server->isEncrypted());
        QVERIFY(client->tlsVersion().startsWith(QLatin1String("TLSv1.")));
        QCOMPARE(server->tlsVersion(), client->tlsVersion());
        QVERIFY(!client->tlsCipher().isEmpty());
        // Each side sees the other's leaf first (for the chain verifier,
        // DANE and SASL EXTERNAL).
        QCOMPARE(client->peerCertificateChainDer().value(0), m_serverLeafDer);
        QCOMPARE(server->peerCertificateChainDer().value(0), m_clientLeafDer);
        QVERIFY(noDelay(*server));
        // Large and small both ways through the records.
        const QByteArray large = pattern(200 * 1024 + 17);
        client->write(large);
        for (int i = 0; i < 100; ++i)
            server->write("<r/>");
        QTRY_COMPARE(atServer.bytes.size(), 11 + large.size());
        QCOMPARE(atServer.bytes.mid(11), large);
        QTRY_COMPARE(atClient.bytes.size(), 22 + 100 * 4);
        QCOMPARE(client->unsentBytes(), 0);
        QCOMPARE(server->unsentBytes(), 0);
        // The server's and the client's configurations: two contexts at most
        // for however many streams.
        QVERIFY(TlsContextCache::size() <= contexts + 2);
    }

    void sharedContextPerConfiguration()
    {
        std::vector<std::unique_ptr<TlsStream>> streams;
        int before = -1;
        for (int i = 0; i < 4; ++i) {
            std::unique_ptr<TlsStream> client, server;
            connectPair(client, server, /*directTls=*/true);
            Received atClient, atServer;
            atClient.watch(client.get());
            atServer.watch(server.get());
            server->startServerEncryption();
            QTRY_COMPARE(atClient.encrypted, 1);
            QTRY_COMPARE(atServer.encrypted, 1);
            QCOMPARE(client->peerCertificateChainDer().value(0), m_serverLeafDer);
            if (before < 0)
                before = TlsContextCache::size();
            QCOMPARE(TlsContextCache::size(), before); // no new SSL_CTX per stream
            streams.push_back(std::move(client));
            streams.push_back(std::move(server));
        }
    }

    void peerThatDoesNotReadThenReads()
    {
        std::unique_ptr<TlsStream> client, serverOwner;
        connectPair(client, serverOwner, /*directTls=*/true);
        Received atClient;
        atClient.watch(client.get());
        TlsStream *server = serverOwner.release();
        // The server lives on a thread of its own, which is held still: it
        // does not read.
        QThread thread;
        thread.start();
        std::atomic<qint64> total{0};
        std::atomic<bool> inOrder{true};
        std::atomic<int> serverEncrypted{0};
        connect(server, &ByteStream::encrypted, server, [&] { ++serverEncrypted; });
        connect(server, &ByteStream::readyRead, server, [&, server] {
            const QByteArray bytes = server->read(server->bytesAvailable());
            const qint64 offset = total;
            for (qsizetype i = 0; i < bytes.size(); i += 4093)
                if (bytes.at(i) != char('a' + ((offset + i) % (64 * 1024)) % 23))
                    inOrder = false;
            total += bytes.size();
        });
        server->moveToThread(&thread);
        QMetaObject::invokeMethod(server, [server] { server->startServerEncryption(); });
        QTRY_COMPARE(atClient.encrypted, 1);
        QTRY_COMPARE(serverEncrypted.load(), 1);
        QSemaphore hold;
        QMetaObject::invokeMethod(server, [&hold] { hold.acquire(); });
        // Its kernel buffers fill, the client's queue keeps the rest, and
        // the writer is never blocked.
        const QByteArray chunk = pattern(64 * 1024);
        const int chunks = 128; // 8 MiB
        for (int i = 0; i < chunks; ++i)
            client->write(chunk);
        QTest::qWait(300);
        QVERIFY(client->isConnected());
        QVERIFY(client->unsentBytes() > 0);
        QVERIFY(client->unsentBytes() <= qint64(chunks) * chunk.size());
        QCOMPARE(total.load(), qint64(0));
        // Now it reads: everything arrives, in order, and the queue empties.
        hold.release();
        QTRY_COMPARE_WITH_TIMEOUT(total.load(), qint64(chunks) * chunk.size(), 30000);
        QVERIFY(inOrder);
        QTRY_COMPARE(client->unsentBytes(), 0);
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

    void closeReportedOnceFromTheLoop()
    {
        std::unique_ptr<TlsStream> client, server;
        connectPair(client, server, /*directTls=*/true);
        Received atClient, atServer;
        atClient.watch(client.get());
        atServer.watch(server.get());
        server->startServerEncryption();
        QTRY_COMPARE(atServer.encrypted, 1);
        QTRY_COMPARE(atClient.encrypted, 1);
        // The last bytes and close_notify go out before the descriptor closes.
        client->write("</stream:stream>");
        client->disconnectFromHost();
        QCOMPARE(atClient.disconnects, 0); // not from inside the call
        QTRY_COMPARE(atClient.disconnects, 1);
        QCOMPARE(atClient.errors, 0);
        QVERIFY(client->isUnconnected());
        QCOMPARE(client->descriptor(), qintptr(-1));
        QTRY_COMPARE(atServer.disconnects, 1);
        QCOMPARE(atServer.bytes, QByteArray("</stream:stream>"));
        QCOMPARE(atServer.errors, 1);
        QCOMPARE(server->errorString(), QStringLiteral("The remote host closed the connection"));
        QTest::qWait(50);
        QCOMPARE(atClient.disconnects, 1);
        QCOMPARE(atServer.disconnects, 1);
    }

    void refusedConnection()
    {
        // Nothing listens on kNothingListens: refused, reported once.
        TlsStream client;
        Received received;
        received.watch(&client);
        QSignalSpy connected(&client, &ByteStream::connected);
        client.connectToHost(kNothingListens.toString(), 5269);
        QTRY_COMPARE(received.disconnects, 1);
        QCOMPARE(received.errors, 1);
        QCOMPARE(connected.size(), 0);
        QCOMPARE(client.errorString(), QStringLiteral("Connection refused"));
        QVERIFY(client.isUnconnected());
    }

    void heapTrimmedAfterABurst()
    {
        // A burst of streams closing gives the freed heap back (once, a
        // second after the burst).
        const int before = HeapTrim::trims();
        for (int i = 0; i < HeapTrim::kTrimAfterEvents; ++i)
            TlsStream stream;
        QTRY_VERIFY(HeapTrim::trims() > before);
        // Once more a second after the last closes at most, then nothing
        // without new ones.
        QTest::qWait(3 * HeapTrim::kDelayMs);
        const int after = HeapTrim::trims();
        QTest::qWait(2 * HeapTrim::kDelayMs);
        QCOMPARE(HeapTrim::trims(), after);
    }

    void handshakeWithAPlainPeerFails()
    {
        // The server expects TLS; the client speaks XML: a clear error, once.
        std::unique_ptr<TlsStream> client, server;
        connectPair(client, server);
        Received atServer;
        atServer.watch(server.get());
        server->startServerEncryption();
        client->write("<stream:stream xmlns='jabber:server'>");
        QTRY_COMPARE(atServer.disconnects, 1);
        QCOMPARE(atServer.errors, 1);
        QVERIFY2(server->errorString().startsWith(QLatin1String("TLS handshake failed")),
                 qPrintable(server->errorString()));
        QVERIFY(!server->isEncrypted());
    }
};

FEDGATE_EPOLL_TEST_MAIN(TestTlsStream)
#include "tst_tlsstream.moc"

// XmppStream frees its parser's state once the stream has been idle
// between stanzas for XmppStream::kParserIdleMs (issue 14 target 3), and
// the next stanza is parsed as before, in the namespaces of the header; a
// stream idle in the middle of a stanza keeps its parser, and its TlsStream
// drops the write notifier until the next write. An XmppStream
// over TlsStream (plain) against a QTcpSocket peer on loopback, on the
// EpollEventDispatcher (address 127.0.0.135).
#include "EpollTestMain.h"
#include "engine/s2s/XmppStream.h"
#include "engine/tls/TlsStream.h"
#include "engine/xml/Namespaces.h"

#include <QAbstractEventDispatcher>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace fedgate::engine;

namespace {
const QHostAddress kAddress(QStringLiteral("127.0.0.135"));

const QByteArray kHeader = "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                           "xmlns:stream='http://etherx.jabber.org/streams' "
                           "xmlns:db='jabber:server:dialback' to='example.test' "
                           "from='remote.test' version='1.0'>";

class DescriptorServer : public QTcpServer
{
public:
    QList<qintptr> descriptors;

protected:
    void incomingConnection(qintptr descriptor) override { descriptors << descriptor; }
};
} // namespace

class TestXmppStreamIdle : public QObject
{
    Q_OBJECT

private:
    DescriptorServer m_server;
    QTcpSocket m_peer;
    std::unique_ptr<XmppStream> m_stream;
    QList<XmlElement> m_elements;

    void connectStream()
    {
        m_peer.abort();
        m_stream.reset();
        m_elements.clear();
        m_peer.connectToHost(kAddress, m_server.serverPort());
        QVERIFY(m_peer.waitForConnected(5000));
        QTRY_COMPARE(m_server.descriptors.size(), 1);
        m_stream = std::make_unique<XmppStream>(new TlsStream(m_server.descriptors.takeFirst()),
                                                64 * 1024);
        connect(m_stream.get(), &XmppStream::elementReceived, this,
                [this](const XmlElement &e) { m_elements << e; });
        // TlsStream keeps the peer's address as the kernel gave it.
        QCOMPARE(m_stream->remoteEndpoint(), m_peer.localAddress().toString() + QLatin1Char(':') +
                                                 QString::number(m_peer.localPort()));
    }

private slots:
    void initTestCase() { QVERIFY(m_server.listen(kAddress, 0)); }

    void idleStreamReleasesItsParserAndParsesOnAfterwards()
    {
        connectStream();
        QSignalSpy headers(m_stream.get(), &XmppStream::headerReceived);
        m_peer.write(kHeader + "<presence from='a@remote.test'/>");
        QTRY_COMPARE(m_elements.size(), 1);
        QCOMPARE(headers.size(), 1);
        QTRY_VERIFY(m_stream->parserReleased());
        // A whitespace keep-alive wakes it; it goes back to sleep.
        QSignalSpy whitespace(m_stream.get(), &XmppStream::whitespaceReceived);
        m_peer.write(" ");
        QTRY_COMPARE(whitespace.size(), 1);
        QTRY_VERIFY(m_stream->parserReleased());
        // The header's prefixes still hold, the header is not reported again.
        m_peer.write("<db:result from='remote.test' to='example.test'>key</db:result>"
                     "<message to='b@example.test'><body>after</body></message>");
        QTRY_COMPARE(m_elements.size(), 3);
        QVERIFY(m_elements[1].is(QStringLiteral("result"), ns::kDialback));
        QVERIFY(m_elements[2].is(QStringLiteral("message"), ns::kServer));
        QCOMPARE(m_elements[2].firstChild(QStringLiteral("body"))->text(), QStringLiteral("after"));
        QCOMPARE(headers.size(), 1);
        // Closed while the idle timer runs (armed by the read above).
        QSignalSpy closed(m_stream.get(), &XmppStream::peerClosedStream);
        m_peer.write("</stream:stream>");
        QTRY_COMPARE(closed.size(), 1);
        // A closing stream keeps no timer of its own: moved to another
        // thread with one running, Qt leaks its re-registration
        // (SessionLoop::shutdown moves finished sessions).
        QVERIFY(QAbstractEventDispatcher::instance()->registeredTimers(m_stream.get()).isEmpty());
    }

    // Idle, the transport drops its write notifier; writes still go out.
    void idleTransportDropsItsWriteNotifier()
    {
        connectStream();
        auto *tls = qobject_cast<TlsStream *>(m_stream->transport());
        QVERIFY(tls);
        m_peer.write(kHeader);
        m_stream->sendHeader(QStringLiteral("example.test"), QStringLiteral("remote.test"),
                             QStringLiteral("s1"));
        QByteArray got;
        QTRY_VERIFY((got += m_peer.readAll()).contains("id='s1'"));
        QVERIFY(tls->hasWriteNotifier());
        QTRY_VERIFY(m_stream->parserReleased());
        QVERIFY(!tls->hasWriteNotifier());
        m_stream->sendRaw("<presence from='example.test'/>");
        QTRY_VERIFY((got += m_peer.readAll()).contains("<presence from='example.test'/>"));
        m_peer.write("<presence from='remote.test'/>");
        QTRY_COMPARE(m_elements.size(), 1);
    }

    void streamIdleInsideAStanzaKeepsItsParser()
    {
        connectStream();
        m_peer.write(kHeader + "<message to='b@example.test'><body>hal");
        QTRY_VERIFY(m_peer.bytesToWrite() == 0);
        // Three idle periods (the timer has fired by then) without a release.
        QTest::qWait(3 * XmppStream::kParserIdleMs);
        QVERIFY(!m_stream->parserReleased());
        m_peer.write("f</body></message>");
        QTRY_COMPARE(m_elements.size(), 1);
        QCOMPARE(m_elements[0].firstChild(QStringLiteral("body"))->text(), QStringLiteral("half"));
        QTRY_VERIFY(m_stream->parserReleased());
    }

    void cleanupTestCase()
    {
        m_stream.reset();
        m_peer.abort();
    }
};

FEDGATE_EPOLL_TEST_MAIN(TestXmppStreamIdle)
#include "tst_xmppstreamidle.moc"

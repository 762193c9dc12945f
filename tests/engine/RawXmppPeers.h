#pragma once

#include "engine/xml/XmlElement.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

// The two ends the raw-socket engine tests play by hand, shared by the
// suites that drive an in-process engine over TCP.
namespace fedgate::test {

// A partner's server connecting in: a socket plus what it has received. Its
// waits spin the event loop, because the engine runs in the test's thread.
// The socket can start TLS (STARTTLS or direct TLS) when a test needs it.
struct RawPeer
{
    QSslSocket socket;
    QByteArray received;

    bool connect(const QHostAddress &address, quint16 port);
    void send(const QByteArray &data);
    // Until `needle` arrived, the connection closed, or the time is up.
    bool waitFor(const QByteArray &needle, int timeoutMs = 5000);
    bool waitClosed(int timeoutMs = 5000);
};

// The partner's server as the engine sees it when it connects out: answers
// every db:result and db:verify with `verdict` ("valid" unless a test says
// otherwise), records the other stanzas it receives, and keeps every byte
// sent after its stream was authenticated.
class FakePartnerServer : public QObject
{
public:
    QList<engine::XmlElement> stanzas;
    QByteArray afterAuth;
    QString domain = QStringLiteral("partner.test"); // the name its stream header gives
    QString verdict = QStringLiteral("valid");       // its answer to every dialback check
    bool stallAfterAuth = false; // stops reading after its first db:result and db:verify
    bool answerVerify = true;    // false: db:verify stays unanswered (a slow server)
    int verifiesReceived = 0;

    bool listen(const QHostAddress &address);
    quint16 port() const { return m_server.serverPort(); }

private:
    void accept(QTcpSocket *socket);

    QTcpServer m_server;
};

// An opening stream header from `from` to `to` (either may be empty).
QByteArray streamHeader(const QString &to, const QString &from);

} // namespace fedgate::test

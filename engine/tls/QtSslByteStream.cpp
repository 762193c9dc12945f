#include "QtSslByteStream.h"

#include <QSignalBlocker>
#include <QSslCipher>

namespace fedgate::engine {

QtSslByteStream::QtSslByteStream(QSslSocket *socket, QObject *parent)
    : ByteStream(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QSslSocket::connected, this, &ByteStream::connected);
    connect(m_socket, &QSslSocket::encrypted, this, &ByteStream::encrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &ByteStream::readyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &ByteStream::disconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &ByteStream::errorOccurred);
    // Partner certificates are judged by CertificateChainVerifier and the
    // policy, not by the handshake: a stream may still use dialback.
    connect(m_socket, &QSslSocket::sslErrors, m_socket,
            [this](const QList<QSslError> &) { m_socket->ignoreSslErrors(); });
}

QtSslByteStream::~QtSslByteStream()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void QtSslByteStream::connectToHost(const QString &host, quint16 port)
{
    m_socket->connectToHost(host, port);
}

void QtSslByteStream::connectToHostEncrypted(const QString &host, quint16 port,
                                             const QString &peerName)
{
    m_socket->connectToHostEncrypted(host, port, peerName);
}

void QtSslByteStream::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_socket->setSslConfiguration(configuration);
}

void QtSslByteStream::setPeerName(const QString &name)
{
    m_socket->setPeerVerifyName(name);
}

void QtSslByteStream::startClientEncryption()
{
    m_socket->startClientEncryption();
}

void QtSslByteStream::startServerEncryption()
{
    m_socket->startServerEncryption();
}

bool QtSslByteStream::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool QtSslByteStream::isUnconnected() const
{
    return !m_socket || m_socket->state() == QAbstractSocket::UnconnectedState;
}

bool QtSslByteStream::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

QString QtSslByteStream::tlsVersion() const
{
    if (!isEncrypted())
        return {};
    switch (m_socket->sessionProtocol()) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    default:
        return m_socket->sessionCipher().protocolString();
    }
}

QString QtSslByteStream::tlsCipher() const
{
    return isEncrypted() ? m_socket->sessionCipher().name() : QString();
}

QList<QByteArray> QtSslByteStream::peerCertificateChainDer() const
{
    QList<QByteArray> chain;
    if (!m_socket)
        return chain;
    const QSslCertificate leaf = m_socket->peerCertificate();
    if (!leaf.isNull())
        chain << leaf.toDer();
    for (const QSslCertificate &c : m_socket->peerCertificateChain())
        if (c != leaf)
            chain << c.toDer();
    return chain;
}

QHostAddress QtSslByteStream::peerAddress() const
{
    return m_socket ? m_socket->peerAddress() : QHostAddress();
}

quint16 QtSslByteStream::peerPort() const
{
    return m_socket ? m_socket->peerPort() : 0;
}

qintptr QtSslByteStream::descriptor() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState
               ? m_socket->socketDescriptor()
               : -1;
}

void QtSslByteStream::setNoDelay()
{
    // The option stays on the descriptor through STARTTLS.
    QSslSocket *socket = m_socket;
    const auto set = [socket] { socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); };
    if (socket->state() == QAbstractSocket::ConnectedState)
        set();
    else
        connect(socket, &QSslSocket::connected, socket, set);
}

qint64 QtSslByteStream::bytesAvailable() const
{
    return m_socket ? m_socket->bytesAvailable() : 0;
}

QByteArray QtSslByteStream::read(qint64 maxSize)
{
    return m_socket ? m_socket->read(maxSize) : QByteArray();
}

void QtSslByteStream::skip(qint64 size)
{
    if (m_socket)
        m_socket->skip(size);
}

void QtSslByteStream::write(const QByteArray &bytes)
{
    if (m_socket)
        m_socket->write(bytes);
}

qint64 QtSslByteStream::unsentBytes() const
{
    return m_socket ? m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() : 0;
}

void QtSslByteStream::flushNow()
{
    if (!m_socket)
        return;
    const QSignalBlocker blocker(m_socket.data());
    m_socket->flush();
}

void QtSslByteStream::disconnectFromHost()
{
    if (m_socket)
        m_socket->disconnectFromHost();
}

void QtSslByteStream::abort()
{
    if (m_socket)
        m_socket->abort();
}

QString QtSslByteStream::errorString() const
{
    return m_socket ? m_socket->errorString() : QString();
}

} // namespace fedgate::engine

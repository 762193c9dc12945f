#pragma once

#include "ByteStream.h"

#include <QPointer>
#include <QSslSocket>

// ByteStream over a QSslSocket (c2s, the internal link, and s2s when
// FEDGATE_S2S_QSSLSOCKET=1). The socket stays reachable for the code that
// needs more of Qt's API.
namespace fedgate::engine {

class QtSslByteStream : public ByteStream
{
    Q_OBJECT
public:
    // Takes ownership of `socket` (connected, or about to connect).
    explicit QtSslByteStream(QSslSocket *socket, QObject *parent = nullptr);
    ~QtSslByteStream() override;

    QSslSocket *socket() const { return m_socket; }

    void connectToHost(const QString &host, quint16 port) override;
    void connectToHostEncrypted(const QString &host, quint16 port,
                                const QString &peerName) override;
    void setTlsConfiguration(const QSslConfiguration &configuration) override;
    void setPeerName(const QString &name) override;
    void startClientEncryption() override;
    void startServerEncryption() override;
    bool isConnected() const override;
    bool isUnconnected() const override;
    bool isEncrypted() const override;
    QString tlsVersion() const override;
    QString tlsCipher() const override;
    QList<QByteArray> peerCertificateChainDer() const override;
    QHostAddress peerAddress() const override;
    quint16 peerPort() const override;
    qintptr descriptor() const override;
    void setNoDelay() override;
    qint64 bytesAvailable() const override;
    QByteArray read(qint64 maxSize) override;
    void skip(qint64 size) override;
    void write(const QByteArray &bytes) override;
    qint64 unsentBytes() const override;
    void flushNow() override;
    void disconnectFromHost() override;
    void abort() override;
    QString errorString() const override;

private:
    QPointer<QSslSocket> m_socket;
};

} // namespace fedgate::engine

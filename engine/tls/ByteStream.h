#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

// A connected (or connecting) byte stream that can turn into TLS in place:
// what an XML stream (engine/s2s/XmppStream) needs from its transport.
// Two implementations: QtSslByteStream (QSslSocket, used by c2s and the
// internal link) and TlsStream (a descriptor and an OpenSSL SSL of our own,
// used by s2s for its small memory per idle session).
namespace fedgate::engine {

class ByteStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Outbound: resolve `host` when it is not an address, then connect.
    virtual void connectToHost(const QString &host, quint16 port) = 0;
    // Outbound, TLS from the first byte (XEP-0368); SNI is `peerName`.
    virtual void connectToHostEncrypted(const QString &host, quint16 port,
                                        const QString &peerName) = 0;
    // The TLS identity and settings used by the next start*Encryption.
    virtual void setTlsConfiguration(const QSslConfiguration &configuration) = 0;
    // SNI for the client side of STARTTLS.
    virtual void setPeerName(const QString &name) = 0;
    // STARTTLS: everything written so far goes out in plain first.
    virtual void startClientEncryption() = 0;
    virtual void startServerEncryption() = 0;

    virtual bool isConnected() const = 0;   // connected and not closed
    virtual bool isUnconnected() const = 0; // neither connecting nor connected
    virtual bool isEncrypted() const = 0;   // the TLS handshake has completed
    virtual QString tlsVersion() const = 0; // "TLSv1.3"; empty without TLS
    virtual QString tlsCipher() const = 0;  // OpenSSL's cipher name
    // The peer's certificate first, then the rest of the chain it sent (DER).
    virtual QList<QByteArray> peerCertificateChainDer() const = 0;
    virtual QHostAddress peerAddress() const = 0;
    virtual quint16 peerPort() const = 0;
    virtual qintptr descriptor() const = 0; // -1 when closed
    // TCP_NODELAY now, or as soon as connected.
    virtual void setNoDelay() = 0;

    // Decrypted bytes received and not read yet; read them all on readyRead.
    virtual qint64 bytesAvailable() const = 0;
    virtual QByteArray read(qint64 maxSize) = 0;
    virtual void skip(qint64 size) = 0;

    // Queues `bytes`; they go out from the event loop.
    virtual void write(const QByteArray &bytes) = 0;
    // Plain bytes queued, plus TLS bytes not in the kernel yet.
    virtual qint64 unsentBytes() const = 0;
    // Hands the kernel what it takes now, without emitting signals; a
    // failure shows as isConnected() false and is reported from the loop.
    virtual void flushNow() = 0;
    // Flush, close_notify, then close the descriptor; disconnected() follows.
    virtual void disconnectFromHost() = 0;
    // Close at once, nothing more sent and no signal.
    virtual void abort() = 0;
    virtual QString errorString() const = 0;
    // The stream is idle (XmppStream's parser released its state): drop
    // what is only needed while data moves. Optional.
    virtual void releaseIdle() {}

    // The stream's one reader (XmppStream), called directly, each call
    // before the matching signal, instead of through four connections per
    // session (~0.2 KiB each per idle session, issue 14 target 3).
    class Reader
    {
    public:
        virtual void transportReadyRead() = 0;
        virtual void transportEncrypted() = 0;
        virtual void transportError() = 0;
        virtual void transportDisconnected() = 0;

    protected:
        ~Reader() = default;
    };
    // False when the transport only has the signals (QtSslByteStream): the
    // reader connects to them then. nullptr detaches the reader.
    virtual bool setReader(Reader *reader)
    {
        Q_UNUSED(reader);
        return false;
    }

signals:
    void connected();
    void encrypted();
    void readyRead();
    // The connection failed or broke; errorString() tells why.
    void errorOccurred();
    void disconnected();
};

} // namespace fedgate::engine

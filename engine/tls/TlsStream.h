#pragma once

#include "ByteStream.h"

#include <QList>
#include <QPointer>

#include <netinet/in.h>

#include <optional>

class QSocketNotifier;
typedef struct ssl_st SSL;

// ByteStream on a non-blocking descriptor of our own, driven by the thread's
// event dispatcher (QSocketNotifier; EpollEventDispatcher in fedgated), with
// an OpenSSL SSL for TLS (STARTTLS in place, or from the first byte). Built
// for many idle s2s streams: the SSL_CTX is shared per TLS configuration
// (TlsContextCache), OpenSSL releases its record buffers while idle
// (SSL_MODE_RELEASE_BUFFERS), written bytes wait in a queue of the caller's
// QByteArrays (freed as they are flushed) and reads go through one 16 KiB
// scratch buffer per thread. An idle stream holds no buffer at all.
// TCP_NODELAY is always on. Errors are reported from the event loop, never
// from inside a caller's write.
namespace fedgate::engine {

class TlsStream : public ByteStream
{
    Q_OBJECT
public:
    // Outbound: connect with connectToHost*().
    explicit TlsStream(QObject *parent = nullptr);
    // An accepted, connected descriptor (taken over: closed by the stream).
    explicit TlsStream(qintptr descriptor, QObject *parent = nullptr);
    ~TlsStream() override;

    void connectToHost(const QString &host, quint16 port) override;
    void connectToHostEncrypted(const QString &host, quint16 port,
                                const QString &peerName) override;
    void setTlsConfiguration(const QSslConfiguration &configuration) override;
    void setPeerName(const QString &name) override { m_peerName = name; }
    void startClientEncryption() override;
    void startServerEncryption() override;
    bool isConnected() const override { return m_state == State::Connected; }
    bool isUnconnected() const override { return m_state == State::Unconnected; }
    bool isEncrypted() const override { return m_encrypted; }
    QString tlsVersion() const override;
    QString tlsCipher() const override;
    QList<QByteArray> peerCertificateChainDer() const override;
    QHostAddress peerAddress() const override;
    quint16 peerPort() const override { return m_peerPort; }
    qintptr descriptor() const override { return m_fd; }
    void setNoDelay() override;
    qint64 bytesAvailable() const override { return m_readSize - m_readOffset; }
    QByteArray read(qint64 maxSize) override;
    void skip(qint64 size) override;
    void write(const QByteArray &bytes) override;
    qint64 unsentBytes() const override;
    void flushNow() override;
    void disconnectFromHost() override;
    void abort() override;
    QString errorString() const override { return m_error; }
    // Nothing waits to be written: the write notifier goes (it comes back
    // with the next write that has to wait for the loop).
    void releaseIdle() override;
    bool setReader(Reader *reader) override
    {
        m_reader = reader;
        return true;
    }
    bool hasWriteNotifier() const { return m_writeNotifier != nullptr; }

    // The size of the per-thread read scratch buffer (one TLS record).
    static constexpr int kReadChunk = 16 * 1024;

private:
    enum class State : quint8
    {
        Unconnected,
        Resolving,
        Connecting,
        Connected
    };
    enum class Flush : quint8
    {
        Done,
        Blocked,
        Failed
    };

    void attach(int fd);
    void closeDescriptor();
    void setWriteWanted(bool wanted);
    void connectNext();
    void onConnectWritable();
    void onReadable();
    void onWritable();
    void startEncryption();
    void beginTls();
    void continueHandshake();
    Flush flushPlainPrefix();
    Flush flushQueue();
    Flush flushPlainQueue();
    Flush flushTlsQueue();
    void continueClose();
    void fail(const QString &reason);
    void reportClosed(bool error);
    QString sslFailure(const char *what, int result);

    int m_fd = -1;
    SSL *m_ssl = nullptr;
    Reader *m_reader = nullptr; // called before each signal, see ByteStream
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    // Set for TLS only: a default QSslConfiguration allocates its private
    // part (0.9 KiB per plain stream).
    std::optional<QSslConfiguration> m_configuration;
    QString m_peerName;
    QString m_error;
    // The peer's address as the kernel has it (a QHostAddress member
    // allocates its private part, 56 bytes per stream); peerAddress()
    // builds one when asked.
    union {
        sockaddr any;
        sockaddr_in in4;
        sockaddr_in6 in6;
    } m_peer{};
    // Written, not yet handed to the kernel (or to SSL_write).
    QList<QByteArray> m_queue;
    qint64 m_queuedBytes = 0;
    qsizetype m_frontOffset = 0; // plain: what of m_queue.first() went out
    // TLS: the plaintext SSL_write retries after WANT_WRITE (same bytes).
    QByteArray m_inflight;
    qsizetype m_inflightOffset = 0;
    // STARTTLS: the plain bytes written before start*Encryption.
    QByteArray m_plainPrefix;
    // Outbound connecting: the addresses still to try.
    QList<QHostAddress> m_addresses;
    // The received chunk being handed out (the thread's scratch buffer).
    const char *m_readData = nullptr;
    qint64 m_readSize = 0;
    qint64 m_readOffset = 0;
    quint16 m_peerPort = 0;
    State m_state = State::Unconnected;
    bool m_server = false;
    bool m_tlsRequested = false; // start*Encryption called, SSL not begun
    bool m_handshaking = false;
    bool m_encrypted = false;
    bool m_directTls = false;
    bool m_closeRequested = false;
    bool m_shutdownSent = false;
    bool m_writeWanted = false;
    bool m_readWantsWrite = false;
};

} // namespace fedgate::engine

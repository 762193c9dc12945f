#include "TlsContextCache.h"

#include <QList>
#include <QMutex>
#include <QSslKey>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <utility>
#include <vector>

namespace fedgate::engine {

namespace {
// Configurations change on a certificate reload only; the few latest are kept
// (streams hold their own reference to older ones).
constexpr size_t kMaxContexts = 4;

struct Entry
{
    QList<QSslCertificate> chain;
    QSslKey key;
    SSL_CTX *context = nullptr;
};

// Freed at exit, before OpenSSL's own cleanup: OpenSSL is initialised (and
// registers its atexit handler) before the cache is constructed.
struct Entries
{
    std::vector<Entry> list; // newest last
    ~Entries()
    {
        for (const Entry &e : list)
            SSL_CTX_free(e.context);
    }
};

QMutex g_mutex;

std::vector<Entry> &entries()
{
    static Entries e = (OPENSSL_init_ssl(0, nullptr), Entries{});
    return e.list;
}

QString openSslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    if (code)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QLatin1String(text));
}

int acceptAnyCertificate(int, X509_STORE_CTX *)
{
    return 1;
}

SSL_CTX *build(const QSslConfiguration &configuration, QString *error)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    if (!ctx) {
        *error = openSslError("SSL_CTX_new");
        return nullptr;
    }
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    // Each SSL gives its 16-34 KiB record buffers back while idle; writes
    // may go out a record at a time from a queue that moves.
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE |
                              SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    // No renegotiation (a hostile peer's CPU lever), a peer that closes
    // without close_notify is an ordinary end, no session cache or tickets
    // (nothing kept per past connection).
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_IGNORE_UNEXPECTED_EOF |
                                 SSL_OP_NO_TICKET | SSL_OP_NO_COMPRESSION |
                                 SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_num_tickets(ctx, 0);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, acceptAnyCertificate);
    const QList<QSslCertificate> chain = configuration.localCertificateChain();
    const QSslKey key = configuration.privateKey();
    if (!chain.isEmpty() && !key.isNull()) {
        for (qsizetype i = 0; i < chain.size(); ++i) {
            const QByteArray der = chain.at(i).toDer();
            const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
            X509 *x509 = d2i_X509(nullptr, &p, long(der.size()));
            const bool ok = x509 && (i == 0 ? SSL_CTX_use_certificate(ctx, x509) == 1
                                            : SSL_CTX_add1_chain_cert(ctx, x509) == 1);
            X509_free(x509);
            if (!ok) {
                *error = openSslError("certificate");
                SSL_CTX_free(ctx);
                return nullptr;
            }
        }
        const QByteArray pem = key.toPem();
        BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
        EVP_PKEY *pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        const bool ok =
            pkey && SSL_CTX_use_PrivateKey(ctx, pkey) == 1 && SSL_CTX_check_private_key(ctx) == 1;
        EVP_PKEY_free(pkey);
        if (!ok) {
            *error = openSslError("private key");
            SSL_CTX_free(ctx);
            return nullptr;
        }
    }
    return ctx;
}
} // namespace

SSL_CTX *TlsContextCache::acquire(const QSslConfiguration &configuration, QString *error)
{
    const QList<QSslCertificate> chain = configuration.localCertificateChain();
    const QSslKey key = configuration.privateKey();
    const QMutexLocker lock(&g_mutex);
    std::vector<Entry> &g_entries = entries();
    for (const Entry &e : g_entries) {
        if (e.chain == chain && e.key == key) {
            SSL_CTX_up_ref(e.context);
            return e.context;
        }
    }
    QString ignored;
    SSL_CTX *ctx = build(configuration, error ? error : &ignored);
    if (!ctx)
        return nullptr;
    if (g_entries.size() >= kMaxContexts) {
        SSL_CTX_free(g_entries.front().context);
        g_entries.erase(g_entries.begin());
    }
    g_entries.push_back(Entry{chain, key, ctx});
    SSL_CTX_up_ref(ctx);
    return ctx;
}

int TlsContextCache::size()
{
    const QMutexLocker lock(&g_mutex);
    return int(entries().size());
}

} // namespace fedgate::engine

#include "DnsResolver.h"

#include "DnsStubQuery.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSocketNotifier>
#include <QTimer>

#include <unbound.h>

#include <spdlog/spdlog.h>

namespace fedgate::topology {

namespace {

constexpr int kRcodeServFail = 2;
constexpr int kRcodeNxDomain = 3;
constexpr int kRcodeRefused = 5;

// A name in wire format (RFC 1035 3.1) inside one rdata, uncompressed as
// libunbound hands it over. Empty optional on a malformed one.
std::optional<QString> wireName(const char *data, int len, int *offset)
{
    QStringList labels;
    int at = *offset;
    while (at < len) {
        const int size = quint8(data[at]);
        if (size == 0) {
            *offset = at + 1;
            return labels.join(QLatin1Char('.')).toLower();
        }
        if (size > 63 || at + 1 + size > len)
            return std::nullopt;
        labels << QString::fromLatin1(data + at + 1, size);
        at += 1 + size;
    }
    return std::nullopt;
}

void readRecords(const ub_result *r, DnsRecordType type, DnsLookupResult *out)
{
    for (int i = 0; r->data && r->data[i]; ++i) {
        const char *d = r->data[i];
        const int len = r->len[i];
        switch (type) {
        case DnsRecordType::A:
            if (len == 4)
                out->addresses << QHostAddress(quint32((quint8(d[0]) << 24) | (quint8(d[1]) << 16) |
                                                       (quint8(d[2]) << 8) | quint8(d[3])));
            break;
        case DnsRecordType::AAAA:
            if (len == 16)
                out->addresses << QHostAddress(reinterpret_cast<const quint8 *>(d));
            break;
        case DnsRecordType::SRV: {
            if (len < 7)
                break;
            DnsSrvAnswer a;
            a.priority = quint16((quint8(d[0]) << 8) | quint8(d[1]));
            a.weight = quint16((quint8(d[2]) << 8) | quint8(d[3]));
            a.port = quint16((quint8(d[4]) << 8) | quint8(d[5]));
            int offset = 6;
            const std::optional<QString> target = wireName(d, len, &offset);
            if (!target)
                break;
            a.target = *target;
            out->srv << a;
            break;
        }
        case DnsRecordType::TLSA:
            if (len < 3)
                break;
            out->tlsa << DnsTlsaAnswer{quint8(d[0]), quint8(d[1]), quint8(d[2]),
                                       QByteArray(d + 3, len - 3)};
            break;
        }
    }
}

// nameserver lines of /etc/resolv.conf (what libunbound reads too).
QList<QHostAddress> systemNameservers()
{
    QList<QHostAddress> servers;
    QFile file(QStringLiteral("/etc/resolv.conf"));
    if (!file.open(QIODevice::ReadOnly))
        return servers;
    for (int i = 0; i < 64 && !file.atEnd(); ++i) {
        const QList<QByteArray> words = file.readLine(1024).simplified().split(' ');
        if (words.size() >= 2 && words.at(0) == "nameserver") {
            const QHostAddress a(QString::fromLatin1(words.at(1)));
            if (!a.isNull())
                servers << a;
        }
    }
    return servers;
}

} // namespace

QString toString(DnsOutcome outcome)
{
    switch (outcome) {
    case DnsOutcome::Answer:
        return QStringLiteral("answer");
    case DnsOutcome::NoData:
        return QStringLiteral("nodata");
    case DnsOutcome::NxDomain:
        return QStringLiteral("nxdomain");
    case DnsOutcome::ServFail:
        return QStringLiteral("servfail");
    case DnsOutcome::Refused:
        return QStringLiteral("refused");
    case DnsOutcome::Timeout:
        return QStringLiteral("timeout");
    case DnsOutcome::Unreachable:
        return QStringLiteral("unreachable");
    }
    return {};
}

QString toString(DnssecStatus status)
{
    switch (status) {
    case DnssecStatus::NotValidated:
        return QStringLiteral("not-validated");
    case DnssecStatus::Secure:
        return QStringLiteral("secure");
    case DnssecStatus::Insecure:
        return QStringLiteral("insecure");
    case DnssecStatus::Bogus:
        return QStringLiteral("bogus");
    }
    return {};
}

struct DnsResolver::Lookup
{
    struct Token
    {
        DnsResolver *self;
        quint64 id;
    };
    quint64 id = 0;
    QString name;
    DnsRecordType type = DnsRecordType::A;
    Callback callback;
    std::unique_ptr<Token> token;
    int asyncId = 0; // non-zero while libunbound holds the query
    QTimer timer;
    QElapsedTimer clock;
    QPointer<DnsStubQuery> diagnosis;
};

quint16 DnsResolver::rrType(DnsRecordType type)
{
    switch (type) {
    case DnsRecordType::A:
        return 1;
    case DnsRecordType::AAAA:
        return 28;
    case DnsRecordType::SRV:
        return 33;
    case DnsRecordType::TLSA:
        return 52;
    }
    return 1;
}

DnsResolver::DnsResolver(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    if (m_options.timeoutMs <= 0)
        m_options.timeoutMs = kDefaultTimeoutMs;
    m_ctx = ub_ctx_create();
    if (!m_ctx) {
        m_setupError = tr("the DNS resolver library (libunbound) could not start");
        return;
    }
    auto check = [this](int rc, const QString &what) {
        if (rc != 0 && m_setupError.isEmpty())
            m_setupError = QStringLiteral("%1: %2").arg(what, QString::fromUtf8(ub_strerror(rc)));
    };
    // One background thread for the whole context (not a forked process:
    // this is a Qt program), answering through ub_fd().
    check(ub_ctx_async(m_ctx, 1), QStringLiteral("libunbound async mode"));
    // Loopback name servers are allowed (tests, a local resolver), and names
    // under .test are asked like any other: libunbound would otherwise answer
    // them NXDOMAIN itself (RFC 6761 default local zone).
    check(ub_ctx_set_option(m_ctx, "do-not-query-localhost:", "no"),
          QStringLiteral("do-not-query-localhost"));
    check(ub_ctx_set_option(m_ctx, "local-zone:", "test. transparent"),
          QStringLiteral("local-zone test."));
    // A server that was down is asked again on the next lookup, not
    // skipped for infra-host-ttl (900 s) from memory.
    check(ub_ctx_set_option(m_ctx, "infra-keep-probing:", "yes"),
          QStringLiteral("infra-keep-probing"));
    check(ub_ctx_set_option(m_ctx, "num-queries-per-thread:", "4096"),
          QStringLiteral("num-queries-per-thread"));
    // A slow server gets half the lookup's time before libunbound asks again
    // (default 376 ms, after which a late reply to the first query is lost
    // and the retries back off past the lookup's timeout).
    const QByteArray firstWait = QByteArray::number(std::max(376, m_options.timeoutMs / 2));
    check(ub_ctx_set_option(m_ctx, "unknown-server-time-limit:", firstWait.constData()),
          QStringLiteral("unknown-server-time-limit"));
    if (!m_options.server.isNull()) {
        check(ub_ctx_set_fwd(m_ctx, m_options.server.forwarderSpec().constData()),
              QStringLiteral("forwarder %1").arg(m_options.server.toString()));
        m_probeServer = m_options.server;
    } else {
        check(ub_ctx_resolvconf(m_ctx, nullptr), QStringLiteral("/etc/resolv.conf"));
        const QList<QHostAddress> system = systemNameservers();
        if (system.size() == 1)
            m_probeServer = DnsServerAddress(system.constFirst());
    }
    if (!m_options.trustAnchorFile.isEmpty())
        check(ub_ctx_add_ta_file(m_ctx, QFile::encodeName(m_options.trustAnchorFile).constData()),
              tr("trust anchor file %1").arg(m_options.trustAnchorFile));
    if (!m_setupError.isEmpty())
        return;
    m_notifier = new QSocketNotifier(ub_fd(m_ctx), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &DnsResolver::processReady);
}

DnsResolver::~DnsResolver()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_ctx)
        ub_ctx_delete(m_ctx); // stops and joins the worker; drops its queries
    m_ctx = nullptr;
    m_lookups.clear();
}

QString DnsResolver::serverLabel() const
{
    return m_options.server.isNull() ? tr("the system resolver") : m_options.server.toString();
}

quint64 DnsResolver::lookup(const QString &name, DnsRecordType type, Callback callback)
{
    const quint64 id = m_nextId++;
    const bool burstStart = m_lookups.empty();
    auto owned = std::make_unique<Lookup>();
    Lookup *l = owned.get();
    l->id = id;
    l->name = normalisedDnsName(name);
    l->type = type;
    l->callback = std::move(callback);
    l->token = std::make_unique<Lookup::Token>(Lookup::Token{this, id});
    l->timer.setSingleShot(true);
    l->timer.setTimerType(Qt::PreciseTimer);
    connect(&l->timer, &QTimer::timeout, this, [this, id] { onTimeout(id); });
    l->clock.start();
    m_lookups.emplace(id, std::move(owned));

    DnsLookupResult failed;
    failed.name = l->name;
    failed.type = type;
    if (!m_setupError.isEmpty()) {
        failed.outcome = DnsOutcome::ServFail;
        failed.detail = m_setupError;
        complete(id, failed);
        return id;
    }
    if (m_lookups.size() > size_t(kMaxPending)) {
        failed.outcome = DnsOutcome::ServFail;
        failed.detail = tr("too many lookups in flight (%1)").arg(kMaxPending);
        complete(id, failed);
        return id;
    }
    if (!m_unreachable.isEmpty()) {
        failed.outcome = DnsOutcome::Unreachable;
        failed.detail = m_unreachable;
        complete(id, failed);
        return id;
    }
    const QByteArray qname = l->name.isEmpty() ? QByteArray(".") : l->name.toLatin1();
    const int rc = ub_resolve_async(m_ctx, qname.constData(), rrType(type), 1, l->token.get(),
                                    &DnsResolver::unboundCallback, &l->asyncId);
    if (rc != 0) {
        l->asyncId = 0;
        failed.outcome = DnsOutcome::ServFail;
        failed.detail = QString::fromUtf8(ub_strerror(rc));
        complete(id, failed);
        return id;
    }
    l->timer.start(m_options.timeoutMs);
    if (burstStart && !m_probeServer.isNull())
        startBurstProbe(*l);
    return id;
}

void DnsResolver::unboundCallback(void *token, int error, ub_result *result)
{
    const auto *t = static_cast<const Lookup::Token *>(token);
    t->self->onUnboundResult(t->id, error, result);
}

void DnsResolver::processReady()
{
    if (m_ctx && ub_poll(m_ctx))
        ub_process(m_ctx); // calls onUnboundResult for each finished query
}

void DnsResolver::onUnboundResult(quint64 id, int error, ub_result *result)
{
    const auto it = m_lookups.find(id);
    if (it == m_lookups.end()) {
        if (result)
            ub_resolve_free(result);
        return;
    }
    Lookup *l = it->second.get();
    l->asyncId = 0;
    DnsLookupResult r;
    r.name = l->name;
    r.type = l->type;
    if (error != 0 || !result) {
        r.outcome = DnsOutcome::ServFail;
        r.detail = QString::fromUtf8(ub_strerror(error));
        if (result)
            ub_resolve_free(result);
        complete(id, r);
        return;
    }
    if (!m_options.trustAnchorFile.isEmpty())
        r.dnssec = result->secure  ? DnssecStatus::Secure
                   : result->bogus ? DnssecStatus::Bogus
                                   : DnssecStatus::Insecure;
    if (result->why_bogus)
        r.whyBogus = QString::fromUtf8(result->why_bogus);
    if (result->canonname) {
        const QString canonical = normalisedDnsName(QString::fromLatin1(result->canonname));
        if (canonical != l->name)
            r.canonicalName = canonical;
    }
    const int rcode = result->rcode;
    const bool bogus = result->bogus;
    if (rcode == 0 && result->havedata)
        readRecords(result, l->type, &r);
    const bool haveData = result->havedata;
    ub_resolve_free(result);

    if (rcode == 0) {
        r.outcome =
            haveData || !r.canonicalName.isEmpty() ? DnsOutcome::Answer : DnsOutcome::NoData;
    } else if (rcode == kRcodeNxDomain) {
        r.outcome = DnsOutcome::NxDomain;
    } else if (rcode == kRcodeRefused) {
        r.outcome = DnsOutcome::Refused;
        r.detail = outcomeDetail(r.outcome);
    } else if (rcode == kRcodeServFail && bogus) {
        r.outcome = DnsOutcome::ServFail;
        r.detail = tr("DNSSEC validation failed: %1").arg(r.whyBogus);
    } else if (rcode == kRcodeServFail && !m_probeServer.isNull()) {
        diagnose(l);
        return;
    } else {
        r.outcome = DnsOutcome::ServFail;
        r.detail = rcode == kRcodeServFail ? outcomeDetail(r.outcome)
                                           : tr("the server answered with RCODE %1").arg(rcode);
    }
    complete(id, r);
}

void DnsResolver::diagnose(Lookup *l)
{
    const int remaining = int(std::max<qint64>(100, m_options.timeoutMs - l->clock.elapsed()));
    auto *probe = new DnsStubQuery(m_probeServer, l->name, rrType(l->type), remaining, this);
    l->diagnosis = probe;
    const quint64 id = l->id;
    const QString name = l->name;
    const DnsRecordType type = l->type;
    connect(probe, &DnsStubQuery::finished, this, [this, probe, id, name, type] {
        probe->deleteLater();
        DnsLookupResult r;
        r.name = name;
        r.type = type;
        switch (probe->result()) {
        case DnsStubQuery::Result::Reply:
            r.outcome =
                probe->rcode() == kRcodeRefused ? DnsOutcome::Refused : DnsOutcome::ServFail;
            r.detail = probe->rcode() == kRcodeRefused || probe->rcode() == kRcodeServFail
                           ? outcomeDetail(r.outcome)
                           : tr("the resolver could not use the server's reply (RCODE %1 to a "
                                "direct query)")
                                 .arg(probe->rcode());
            break;
        case DnsStubQuery::Result::Unreachable:
            r.outcome = DnsOutcome::Unreachable;
            r.detail = probe->detail();
            break;
        case DnsStubQuery::Result::Silent:
        case DnsStubQuery::Result::Pending:
            r.outcome = DnsOutcome::Timeout;
            r.detail = outcomeDetail(r.outcome);
            break;
        }
        complete(id, r);
    });
    probe->start();
}

void DnsResolver::startBurstProbe(const Lookup &first)
{
    auto *probe =
        new DnsStubQuery(m_probeServer, first.name, rrType(first.type), m_options.timeoutMs, this);
    m_burstProbe = probe;
    connect(probe, &DnsStubQuery::finished, this, [this, probe] {
        probe->deleteLater();
        if (m_burstProbe != probe || probe->result() != DnsStubQuery::Result::Unreachable)
            return;
        // Nothing listens there: every pending lookup is unanswerable now,
        // not in libunbound's 17 s.
        m_unreachable = probe->detail();
        std::vector<quint64> ids;
        for (const auto &[id, l] : m_lookups)
            ids.push_back(id);
        for (quint64 id : ids) {
            DnsLookupResult r;
            r.name = m_lookups.at(id)->name;
            r.type = m_lookups.at(id)->type;
            r.outcome = DnsOutcome::Unreachable;
            r.detail = m_unreachable;
            complete(id, r);
        }
    });
    probe->start();
}

void DnsResolver::onTimeout(quint64 id)
{
    const auto it = m_lookups.find(id);
    if (it == m_lookups.end())
        return;
    DnsLookupResult r;
    r.name = it->second->name;
    r.type = it->second->type;
    r.outcome = m_unreachable.isEmpty() ? DnsOutcome::Timeout : DnsOutcome::Unreachable;
    r.detail = m_unreachable.isEmpty() ? outcomeDetail(DnsOutcome::Timeout) : m_unreachable;
    complete(id, r);
}

QString DnsResolver::outcomeDetail(DnsOutcome outcome) const
{
    switch (outcome) {
    case DnsOutcome::Refused:
        return tr("the server answered REFUSED (it does not serve or recurse for this name for "
                  "us)");
    case DnsOutcome::ServFail:
        return tr("the server answered SERVFAIL (it failed to resolve the name)");
    case DnsOutcome::Timeout:
        return tr("no answer within %1 ms").arg(m_options.timeoutMs);
    default:
        return {};
    }
}

void DnsResolver::complete(quint64 id, DnsLookupResult result)
{
    const auto it = m_lookups.find(id);
    if (it == m_lookups.end())
        return;
    std::unique_ptr<Lookup> l = std::move(it->second);
    m_lookups.erase(it);
    l->timer.stop();
    if (l->asyncId != 0 && m_ctx)
        ub_cancel(m_ctx, l->asyncId);
    if (l->diagnosis) {
        l->diagnosis->disconnect(this);
        l->diagnosis->deleteLater();
    }
    m_ready.append({std::move(l->callback), std::move(result)});
    if (m_lookups.empty()) {
        // End of the burst: the next lookup probes the server afresh.
        m_unreachable.clear();
        if (m_burstProbe) {
            m_burstProbe->disconnect(this);
            m_burstProbe->deleteLater();
        }
        m_burstProbe = nullptr;
    }
    if (!m_deliveryQueued) {
        m_deliveryQueued = true;
        QMetaObject::invokeMethod(this, &DnsResolver::deliver, Qt::QueuedConnection);
    }
}

void DnsResolver::deliver()
{
    m_deliveryQueued = false;
    const auto ready = std::exchange(m_ready, {});
    QPointer<DnsResolver> self(this);
    for (const auto &[callback, result] : ready) {
        if (callback)
            callback(result);
        if (!self)
            return;
    }
}

void DnsResolver::cancel(quint64 id)
{
    const auto it = m_lookups.find(id);
    if (it == m_lookups.end())
        return;
    it->second->callback = nullptr;
    complete(id, {});
}

void DnsResolver::cancelAll()
{
    std::vector<quint64> ids;
    for (const auto &[id, l] : m_lookups)
        ids.push_back(id);
    for (quint64 id : ids)
        cancel(id);
    m_ready.clear();
}

} // namespace fedgate::topology

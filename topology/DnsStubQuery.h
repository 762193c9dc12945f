#pragma once

#include "DnsServerAddress.h"

#include <QObject>
#include <QTimer>

class QSocketNotifier;

// One RFC 1035 query (section 4.1, over UDP, recursion desired) sent
// straight to a name server, to tell what libunbound folds into SERVFAIL:
// the server refused (REFUSED), failed (SERVFAIL), is not listening (an ICMP
// port unreachable on the connected socket: "connection refused"), or stays
// silent. A plain connected datagram socket (not QUdpSocket, which does
// not report the ICMP error of a connected UDP socket) watched by a
// QSocketNotifier. The reply's header is read, its records are not: the resolver
// proper (libunbound) answers the question.
namespace fedgate::topology {

class DnsStubQuery : public QObject
{
    Q_OBJECT
public:
    enum class Result
    {
        Pending,
        Reply,       // a reply with this query's id came back: rcode()
        Unreachable, // ICMP said nobody listens there (or the network is unreachable)
        Silent,      // nothing within the timeout
    };

    DnsStubQuery(const DnsServerAddress &server, const QString &name, quint16 qtype, int timeoutMs,
                 QObject *parent = nullptr);
    ~DnsStubQuery() override;
    void start();

    Result result() const { return m_result; }
    int rcode() const { return m_rcode; }       // RFC 1035 RCODE of the reply
    QString detail() const { return m_detail; } // "connection refused", ...

    // The query message (exposed for tests): id, RD, one question, class IN.
    // Empty when the name cannot be encoded (a label over 63 octets, ...).
    static QByteArray encodeQuery(quint16 id, const QString &name, quint16 qtype);

signals:
    void finished();

private:
    void onReadyRead();
    void done(Result result, const QString &detail);

    DnsServerAddress m_server;
    QByteArray m_query;
    quint16 m_id = 0;
    int m_timeoutMs = 0;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_timer;
    Result m_result = Result::Pending;
    int m_rcode = -1;
    QString m_detail;
};

} // namespace fedgate::topology

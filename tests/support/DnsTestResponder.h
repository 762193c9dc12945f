#pragma once

#include <QHostAddress>
#include <QObject>
#include <QUdpSocket>

// A tiny UDP name server for the failure cases dnsmasq will not produce on
// demand: it answers every query with one RCODE (REFUSED = 5, SERVFAIL = 2)
// and no records, after an optional delay, or stays silent (rcode -1). It
// copies the question back, as a real server does. Bounded: it handles at
// most 64 datagrams per wake-up and keeps no per-query state beyond the
// delayed replies in flight.
namespace fedgate::test {

class DnsTestResponder : public QObject
{
public:
    static constexpr int kSilent = -1;

    DnsTestResponder(const QHostAddress &address, quint16 port, int rcode, int delayMs = 0);
    bool isListening() const { return m_socket.state() == QAbstractSocket::BoundState; }
    QString errorString() const { return m_socket.errorString(); }
    int queriesSeen() const { return m_seen; }

private:
    void onReadyRead();

    QUdpSocket m_socket;
    int m_rcode;
    int m_delayMs;
    int m_seen = 0;
};

} // namespace fedgate::test

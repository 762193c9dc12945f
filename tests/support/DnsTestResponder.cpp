#include "DnsTestResponder.h"

#include <QNetworkDatagram>
#include <QTimer>

namespace fedgate::test {

DnsTestResponder::DnsTestResponder(const QHostAddress &address, quint16 port, int rcode,
                                   int delayMs)
    : m_rcode(rcode)
    , m_delayMs(delayMs)
{
    m_socket.bind(address, port);
    connect(&m_socket, &QUdpSocket::readyRead, this, &DnsTestResponder::onReadyRead);
}

void DnsTestResponder::onReadyRead()
{
    for (int i = 0; i < 64 && m_socket.hasPendingDatagrams(); ++i) {
        const QNetworkDatagram query = m_socket.receiveDatagram(4096);
        const QByteArray q = query.data();
        ++m_seen;
        if (m_rcode == kSilent || q.size() < 12)
            continue;
        // The question: the name's labels, then type and class.
        qsizetype end = 12;
        while (end < q.size() && q.at(end) != 0)
            end += 1 + quint8(q.at(end));
        end += 5;
        if (end > q.size())
            continue;
        QByteArray reply = q.left(2);
        reply.append(char(0x80 | (q.at(2) & 0x79))); // QR, opcode and RD copied
        reply.append(char(0x80 | m_rcode));          // RA, RCODE
        reply.append("\x00\x01\x00\x00\x00\x00\x00\x00", 8);
        reply.append(q.mid(12, end - 12));
        // EDNS: echo nothing; libunbound accepts a plain reply.
        const QHostAddress to = query.senderAddress();
        const quint16 port = quint16(query.senderPort());
        if (m_delayMs <= 0)
            m_socket.writeDatagram(reply, to, port);
        else
            QTimer::singleShot(m_delayMs, this, [this, reply, to, port] {
                m_socket.writeDatagram(reply, to, port);
            });
    }
}

} // namespace fedgate::test

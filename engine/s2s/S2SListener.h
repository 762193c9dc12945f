#pragma once

#include <QSslSocket>
#include <QTcpServer>

// The external listener: accepted connections become QSslSocket so that
// STARTTLS (or direct TLS, XEP-0368) can start on them later. With
// handDescriptors set, the descriptor itself is handed on instead, for the
// Engine to give to the session loop that makes the socket on its thread.
namespace fedgate::engine {

class S2SListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit S2SListener(bool directTls, QObject *parent = nullptr);
    bool directTls() const { return m_directTls; }
    void setHandDescriptors(bool on) { m_handDescriptors = on; }

signals:
    void accepted(QSslSocket *socket, bool directTls);
    void acceptedDescriptor(qintptr descriptor, bool directTls);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    bool m_directTls;
    bool m_handDescriptors = false;
};

} // namespace fedgate::engine

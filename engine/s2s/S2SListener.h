#pragma once

#include <QSslSocket>
#include <QTcpServer>

// The external listener: accepted connections become QSslSocket so that
// STARTTLS (or direct TLS, XEP-0368) can start on them later.
namespace fedgate::engine {

class S2SListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit S2SListener(bool directTls, QObject *parent = nullptr);
    bool directTls() const { return m_directTls; }

signals:
    void accepted(QSslSocket *socket, bool directTls);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    bool m_directTls;
};

} // namespace fedgate::engine

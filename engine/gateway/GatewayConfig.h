#pragma once

#include "engine/c2s/ClientSession.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QString>

// What fedgated gives the gateway role (issue 10 contract 5): where clients
// connect, the TLS configuration with the gateway certificate, and where the
// gateway's own database lives. The stream timeouts come from the topology's
// gateway settings unless set here (tests shorten them).
namespace fedgate::engine {

struct GatewayConfig
{
    QHostAddress clientAddress = QHostAddress::Any;
    quint16 clientPort = 5222;
    // Local certificate and private key of the gateway usage; TLS 1.2+.
    QSslConfiguration tls;
    // SQLite file path or postgresql:// URL; empty = GatewayDatabase's default.
    QString databaseLocation;
    // Stanza sizes, output bound, failed attempts (its timeouts are replaced
    // by the two below).
    ClientLimits limits;
    // 0 = the topology's StreamInactivityTimeout / StreamEstablishmentTimeout.
    qint64 inactivityTimeoutMs = 0;
    qint64 establishmentTimeoutMs = 0;
    // Connections per source address that have not bound a resource yet.
    int maxUnboundPerAddress = 32;
    int maxResourcesPerUser = 16;
    // XEP-0160: messages kept per offline user; further ones are refused
    // with service-unavailable.
    int maxOfflinePerUser = 500;
};

} // namespace fedgate::engine

#include "SaslMechanisms.h"

#include "PlainServer.h"
#include "ScramServer.h"

namespace fedgate::engine {

QStringList offeredSaslMechanisms(bool tlsActive)
{
    QStringList names{QStringLiteral("SCRAM-SHA-256"), QStringLiteral("SCRAM-SHA-1")};
    if (tlsActive)
        names << QStringLiteral("PLAIN");
    return names;
}

std::unique_ptr<SaslServerMechanism> createSaslMechanism(const QString &name,
                                                         Authenticator &authenticator,
                                                         const QString &domain, bool tlsActive)
{
    if (!offeredSaslMechanisms(tlsActive).contains(name))
        return nullptr;
    if (name == QLatin1String("SCRAM-SHA-256"))
        return std::make_unique<ScramServer>(QCryptographicHash::Sha256, authenticator, domain);
    if (name == QLatin1String("SCRAM-SHA-1"))
        return std::make_unique<ScramServer>(QCryptographicHash::Sha1, authenticator, domain);
    return std::make_unique<PlainServer>(authenticator, domain);
}

} // namespace fedgate::engine

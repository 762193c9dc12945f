#pragma once

#include "engine/s2s/FederationPolicy.h"

#include <QSslConfiguration>

#include <memory>

// What the sessions of a SessionLoop on another thread read from the Engine:
// an immutable copy the Engine publishes to each loop at start and reload,
// so that no session reads the Engine's own members across threads.
namespace fedgate::engine {

class CertificateChainVerifier;

struct EngineSnapshot
{
    FederationPolicy policy;
    QSslConfiguration tls;
    bool hasCertificate = false;
};

using EngineSnapshotPtr = std::shared_ptr<const EngineSnapshot>;

} // namespace fedgate::engine

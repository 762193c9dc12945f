#pragma once

#include "SaslServerMechanism.h"

#include <QStringList>

#include <memory>

// The SASL mechanisms the client listener offers, strongest first:
// SCRAM-SHA-256, SCRAM-SHA-1 (RFC 7677, RFC 5802) and PLAIN (RFC 4616), the
// last only once TLS protects the password. No channel binding (-PLUS) yet.
namespace fedgate::engine {

class Authenticator;

QStringList offeredSaslMechanisms(bool tlsActive);

// nullptr when `name` is not offered (unknown, or PLAIN without TLS): the
// caller answers <invalid-mechanism/> (or <encryption-required/>).
// `domain` is the prepared domain the client authenticates to; the mechanism
// keeps a reference to `authenticator`, which must outlive it.
std::unique_ptr<SaslServerMechanism> createSaslMechanism(const QString &name,
                                                         Authenticator &authenticator,
                                                         const QString &domain, bool tlsActive);

} // namespace fedgate::engine

#pragma once

#include "KeyStore.h"

#include "topology/DnsRecordPlan.h"

#include <QByteArray>
#include <QList>

#include <openssl/x509.h>

// The keys the edge's TLSA records publish (RFC 6698 usage 3 "DANE-EE",
// selector 1 "SubjectPublicKeyInfo", matching type 1 "SHA-256"; RFC 7671):
// the SHA-256 of the DER SubjectPublicKeyInfo, the same bytes as
// `openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum`.
namespace fedgate::certs {

QByteArray spkiSha256(X509 *certificate); // empty on failure
QByteArray spkiSha256OfCsr(const QByteArray &csrPem);

// The external edge's keys for DnsRecordPlan::addDaneKeys(): the assigned
// external certificate's, then each pending external request's (a renewal:
// both are published before the switch). Empty when nothing is assigned or
// requested (no TLSA is planned then).
QList<topology::DnsRecordPlan::DaneKey> edgeDaneKeys(const KeyStore &store);

} // namespace fedgate::certs

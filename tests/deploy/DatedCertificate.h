#pragma once

#include <QString>
#include <QStringList>

// A certificate signed by a data directory's internal CA with the validity a
// test asks for (already expired, expiring soon), written with its key as
// one PEM file that `fedgatectl cert import` (KeyStore::importFile) takes:
// the internal CA refuses to issue such certificates itself.
namespace fedgate::test {

// notBefore and notAfter are days from now (negative = in the past).
// serverAuth and clientAuth; subject CN = the first name. False with
// `error` when the CA cannot be read or the file written.
bool writeDatedCertificate(const QString &dataDirectory, const QString &path,
                           const QStringList &dnsNames, int notBeforeDays, int notAfterDays,
                           QString *error);

} // namespace fedgate::test

#pragma once

// Output and option helpers shared by the fedgatectl cert commands
// (CertCommands.cpp, CertRenewCommands.cpp).
#include "Cli.h"

#include "certs/CertificateLint.h"
#include "certs/CertificateRequest.h"
#include "certs/KeyStore.h"

#include <QJsonArray>

namespace fedgate::cli {

// Certificate errors often name the file by its base name only.
QString describeCertError(const Error &error);
// Input problems are the user's to fix (exit 1); failures of the key store's
// own files are exit 2.
int failWith(Context &ctx, const certs::KeyStore &store, const Error &error);
QJsonArray findingsJson(const QList<certs::CertificateFinding> &findings);
QString findingsText(const QList<certs::CertificateFinding> &findings);
// After a request or renewal: where the CSR went, or the issued
// certificate, its findings and how to assign it.
QString nextStepText(const certs::RequestOutcome &outcome);
// false (and the exit code in *exitCode) when `text` is not a usage.
bool parseUsageOption(Context &ctx, const QString &text, certs::CertificateUsage *usage,
                      int *exitCode);
// The same for a --usage option that must be given.
bool requiredUsageOption(Context &ctx, const QCommandLineParser &parser,
                         const QCommandLineOption &option, certs::CertificateUsage *usage,
                         int *exitCode);

} // namespace fedgate::cli

// Bytes -> ControlRequest::parse, the check of one control-channel line
// (what fedgatectl, or anything else that can open the owner-only socket,
// sends to fedgated). Every line is either a request with a known command
// and sane fields or a refusal whose text stays short.
#include "FuzzSupport.h"

#include "engine/control/ControlRequest.h"

using fedgate::engine::ControlRequest;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fedgate::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // ControlServer hands over one trimmed, non-empty line.
    const QByteArray line =
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).trimmed();
    if (line.isEmpty() || line.contains('\n'))
        return 0;
    const auto request = ControlRequest::parse(line);
    if (!request) {
        if (request.error().message.isEmpty() || request.error().message.size() > 200)
            fedgate::fuzz::fail("refusal empty or unbounded", request.error().message.toUtf8());
        return 0;
    }
    const ControlRequest &r = request.value();
    if (r.command == ControlRequest::Command::Ping &&
        (r.domain.isEmpty() || r.domain.size() > ControlRequest::kMaxDomainLength ||
         r.timeoutMs < ControlRequest::kMinPingTimeoutMs ||
         r.timeoutMs > ControlRequest::kMaxPingTimeoutMs))
        fedgate::fuzz::fail("ping request outside its bounds", line.left(300));
    return 0;
}

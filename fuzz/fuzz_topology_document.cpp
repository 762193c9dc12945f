// Bytes -> TopologyDocument::fromJson (the loader of every topology file,
// export and replica). A document it accepts must also survive being written
// and read again: toJson() of the result loads back to the same JSON.
#include "FuzzSupport.h"

#include "topology/TopologyDocument.h"

using fedgate::topology::TopologyDocument;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fedgate::fuzz::silenceLogs();
    fedgate::fuzz::ensureApplication(argc, argv); // tr() of the error texts
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    int published = 0;
    const auto topology = TopologyDocument::fromJson(json, QStringLiteral("fuzz.json"), &published);
    if (!topology) {
        if (topology.error().message.isEmpty())
            fedgate::fuzz::fail("refused without a message");
        return 0;
    }
    const QByteArray written = TopologyDocument::toJson(topology.value(), published);
    int publishedAgain = 0;
    const auto again =
        TopologyDocument::fromJson(written, QStringLiteral("again.json"), &publishedAgain);
    if (!again)
        fedgate::fuzz::fail("a loaded topology, written out, does not load again",
                            again.error().message.toUtf8() + "\n" + written.left(2000));
    if (TopologyDocument::toJson(again.value(), publishedAgain) != written)
        fedgate::fuzz::fail("write/read/write is not stable", written.left(2000));
    return 0;
}

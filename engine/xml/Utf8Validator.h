#pragma once

#include <QtGlobal>

// Checks that a byte stream is well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF) as it arrives in chunks of
// any size; a sequence may be split across chunks.
namespace fedgate::engine {

class Utf8Validator
{
public:
    // Returns the index of the first byte in data[0, size) that makes the
    // stream invalid, or size when every byte so far can be valid UTF-8.
    qsizetype check(const char *data, qsizetype size);
    void reset() { *this = {}; }

private:
    int m_needed = 0;   // continuation bytes still expected
    uchar m_low = 0x80; // allowed range of the next continuation byte
    uchar m_high = 0xbf;
};

} // namespace fedgate::engine

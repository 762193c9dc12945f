#include "Utf8Validator.h"

namespace fedgate::engine {

qsizetype Utf8Validator::check(const char *data, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i) {
        const auto b = static_cast<uchar>(data[i]);
        if (m_needed > 0) {
            if (b < m_low || b > m_high)
                return i;
            --m_needed;
            m_low = 0x80;
            m_high = 0xbf;
            continue;
        }
        if (b < 0x80)
            continue;
        // The first continuation byte's range excludes overlong forms
        // (E0, F0), UTF-16 surrogates (ED) and code points above U+10FFFF (F4).
        if (b >= 0xc2 && b <= 0xdf) {
            m_needed = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            m_needed = 2;
            if (b == 0xe0)
                m_low = 0xa0;
            else if (b == 0xed)
                m_high = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
            m_needed = 3;
            if (b == 0xf0)
                m_low = 0x90;
            else if (b == 0xf4)
                m_high = 0x8f;
        } else {
            return i; // a continuation byte without lead, C0, C1 or F5..FF
        }
    }
    return size;
}

} // namespace fedgate::engine

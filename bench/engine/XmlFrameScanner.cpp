#include "XmlFrameScanner.h"

namespace fedgate::bench {

std::string_view XmlFrame::name() const
{
    std::size_t end = 1;
    while (end < startTag.size() && startTag[end] != ' ' && startTag[end] != '>' &&
           startTag[end] != '/' && startTag[end] != '\n' && startTag[end] != '\t')
        ++end;
    std::string_view qualified = startTag.substr(1, end - 1);
    const std::size_t colon = qualified.find(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string_view XmlFrame::attribute(std::string_view attribute) const
{
    std::size_t from = 0;
    while (true) {
        const std::size_t at = startTag.find(attribute, from);
        if (at == std::string_view::npos)
            return {};
        from = at + 1;
        const std::size_t eq = at + attribute.size();
        const char before = at > 0 ? startTag[at - 1] : '<';
        if ((before != ' ' && before != '\n' && before != '\t') || eq + 1 >= startTag.size() ||
            startTag[eq] != '=')
            continue;
        const char quote = startTag[eq + 1];
        if (quote != '\'' && quote != '"')
            continue;
        const std::size_t close = startTag.find(quote, eq + 2);
        if (close == std::string_view::npos)
            return {};
        return startTag.substr(eq + 2, close - eq - 2);
    }
}

void XmlFrameScanner::restart()
{
    m_buffer.clear();
    m_pos = m_start = 0;
    m_depth = 0;
    m_headerSeen = false;
}

bool XmlFrameScanner::next(XmlFrame *frame)
{
    // Drop what earlier calls consumed once it is worth a copy.
    if (m_depth == 0 && m_pos > 0 && (m_pos == m_buffer.size() || m_pos > 65536)) {
        m_buffer.erase(0, m_pos);
        m_pos = m_start = 0;
    }
    while (true) {
        const std::size_t open = m_buffer.find('<', m_pos);
        if (open == std::string::npos) {
            if (m_depth == 0)
                m_pos = m_buffer.size(); // whitespace between stanzas
            return false;
        }
        // Find the end of the tag, skipping quoted attribute values.
        std::size_t i = open + 1;
        char quote = 0;
        for (; i < m_buffer.size(); ++i) {
            const char ch = m_buffer[i];
            if (quote) {
                if (ch == quote)
                    quote = 0;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '>') {
                break;
            }
        }
        if (i >= m_buffer.size())
            return false; // the tag is not complete yet
        const std::size_t close = i;
        m_pos = close + 1;
        const std::string_view tag(m_buffer.data() + open, close + 1 - open);
        if (tag.size() >= 2 && (tag[1] == '?' || tag[1] == '!'))
            continue; // XML declaration
        if (!m_headerSeen) {
            m_headerSeen = true;
            *frame = {XmlFrame::Kind::Header, tag, tag};
            return true;
        }
        if (tag[1] == '/') {
            if (m_depth == 0) {
                *frame = {XmlFrame::Kind::StreamEnd, tag, tag};
                return true;
            }
            if (--m_depth == 0) {
                const std::string_view text(m_buffer.data() + m_start, m_pos - m_start);
                const std::size_t startEnd = text.find('>');
                *frame = {XmlFrame::Kind::Element, text, text.substr(0, startEnd + 1)};
                return true;
            }
            continue;
        }
        const bool selfClosing = tag[tag.size() - 2] == '/';
        if (m_depth == 0) {
            m_start = open;
            if (selfClosing) {
                *frame = {XmlFrame::Kind::Element, tag, tag};
                return true;
            }
        }
        if (!selfClosing)
            ++m_depth;
    }
}

} // namespace fedgate::bench

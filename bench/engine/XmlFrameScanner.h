#pragma once

#include <string>
#include <string_view>

// Splits an XMPP stream into its header, top-level elements and the end of
// the stream, by counting tags: no namespace resolution, no entity decoding,
// no validation. Fast enough that the load generator is never the
// bottleneck; only for talking to the servers under test, which send
// well-formed XML.
namespace fedgate::bench {

struct XmlFrame
{
    enum class Kind
    {
        Header,
        Element,
        StreamEnd
    };
    Kind kind = Kind::Element;
    std::string_view text;     // the whole element (or the header's start tag)
    std::string_view startTag; // its start tag, '<' to '>'

    // Local name of the element (prefix dropped).
    std::string_view name() const;
    // Value of attribute `attribute` in the start tag (raw, not unescaped).
    std::string_view attribute(std::string_view attribute) const;
    bool contains(std::string_view needle) const
    {
        return text.find(needle) != std::string_view::npos;
    }
};

class XmlFrameScanner
{
public:
    void append(const char *data, std::size_t size) { m_buffer.append(data, size); }
    // The next complete frame, or false when more bytes are needed. The
    // frame's views stay valid until the next call of next() or append().
    bool next(XmlFrame *frame);
    // A new stream starts (after STARTTLS): forget everything.
    void restart();

private:
    std::string m_buffer;
    std::size_t m_pos = 0;   // scanning position
    std::size_t m_start = 0; // start of the current top-level element
    int m_depth = 0;
    bool m_headerSeen = false;
};

} // namespace fedgate::bench

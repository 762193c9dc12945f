#pragma once

#include <QtGlobal>

// Follows XML markup closely enough to tell whether some bytes could end
// the token expat is holding (a start or end tag, a reference, a comment):
// tags end at '>' outside quoted attribute values, references at ';'.
// XmlStreamParser uses it to hold back small reads while a large token is
// pending, because expat 2.5 rescans a partial token from its start on every
// call (expat 2.6 has reparse deferral for this). A "could end" that is wrong
// costs one rescan; a "cannot end" must never be wrong, so the scanner is
// resynchronised at every event expat reports.
namespace fedgate::engine {

class TokenEndScanner
{
public:
    enum class State : quint8
    {
        Content,
        TagOpen,
        Tag,
        SingleQuoted,
        DoubleQuoted,
        Reference,
        Other, // comment, processing instruction, <![CDATA[, declarations
        CData,
        CDataBracket,
        CDataBrackets,
    };

    void reset(State state) { m_state = state; }
    State state() const { return m_state; }
    // Advances over the bytes; true when a token may have ended in them or
    // the scanner was outside any token (in content or a CDATA section,
    // where expat reports data as it comes).
    bool scan(const char *data, qsizetype size);

private:
    State m_state = State::Content;
};

} // namespace fedgate::engine

#include "TokenEndScanner.h"

namespace fedgate::engine {

bool TokenEndScanner::scan(const char *data, qsizetype size)
{
    bool mayEnd = false;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        switch (m_state) {
        case State::Content:
            mayEnd = true;
            if (c == '<')
                m_state = State::TagOpen;
            else if (c == '&')
                m_state = State::Reference;
            break;
        case State::TagOpen:
            m_state = c == '!' || c == '?' ? State::Other : c == '>' ? State::Content : State::Tag;
            break;
        case State::Tag:
            if (c == '\'')
                m_state = State::SingleQuoted;
            else if (c == '"')
                m_state = State::DoubleQuoted;
            else if (c == '>')
                m_state = State::Content;
            break;
        case State::SingleQuoted:
            if (c == '\'')
                m_state = State::Tag;
            break;
        case State::DoubleQuoted:
            if (c == '"')
                m_state = State::Tag;
            break;
        case State::Reference:
            if (c == ';')
                m_state = State::Content;
            break;
        case State::Other:
            if (c == '>')
                m_state = State::Content;
            break;
        case State::CData:
        case State::CDataBracket:
        case State::CDataBrackets:
            mayEnd = true;
            if (c == ']')
                m_state = m_state == State::CData ? State::CDataBracket : State::CDataBrackets;
            else if (c == '>' && m_state == State::CDataBrackets)
                m_state = State::Content;
            else
                m_state = State::CData;
            break;
        }
    }
    return mayEnd || m_state == State::Content || m_state == State::CData ||
           m_state == State::CDataBracket || m_state == State::CDataBrackets;
}

} // namespace fedgate::engine

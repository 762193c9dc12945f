#include "JsonLocator.h"

namespace fedgate::topology {

namespace {
class Scanner
{
public:
    explicit Scanner(const QByteArray &text)
        : m_text(text)
    {}

    // Walks the value at m_pos; when `path` (from `depth`) leads inside it,
    // records the offset of each matching step in m_found.
    void value(const QStringList &path, int depth)
    {
        skipSpace();
        if (m_pos >= m_text.size())
            return;
        const char c = m_text.at(m_pos);
        if (c == '{')
            object(path, depth);
        else if (c == '[')
            array(path, depth);
        else if (c == '"')
            string();
        else
            scalar();
    }

    qsizetype found() const { return m_found; }

private:
    void object(const QStringList &path, int depth)
    {
        ++m_pos; // {
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text.at(m_pos) == '}') {
                ++m_pos;
                return;
            }
            const qsizetype keyStart = m_pos;
            const QString key = string();
            skipSpace();
            ++m_pos; // :
            const bool onPath = depth < path.size() && key == path.at(depth);
            if (onPath)
                m_found = keyStart;
            value(onPath ? path : QStringList(), onPath ? depth + 1 : 0);
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == ',')
                ++m_pos;
        }
    }

    void array(const QStringList &path, int depth)
    {
        ++m_pos; // [
        for (int index = 0;; ++index) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text.at(m_pos) == ']') {
                ++m_pos;
                return;
            }
            const bool onPath = depth < path.size() && path.at(depth) == QString::number(index);
            if (onPath)
                m_found = m_pos;
            value(onPath ? path : QStringList(), onPath ? depth + 1 : 0);
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == ',')
                ++m_pos;
        }
    }

    QString string()
    {
        const qsizetype start = ++m_pos; // opening quote
        while (m_pos < m_text.size() && m_text.at(m_pos) != '"')
            m_pos += m_text.at(m_pos) == '\\' ? 2 : 1;
        const QString raw = QString::fromUtf8(m_text.mid(start, m_pos - start));
        ++m_pos; // closing quote
        return raw;
    }

    void scalar()
    {
        while (m_pos < m_text.size() && !QByteArrayView(",}] \t\r\n").contains(m_text.at(m_pos)))
            ++m_pos;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && QByteArrayView(" \t\r\n").contains(m_text.at(m_pos)))
            ++m_pos;
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    qsizetype m_found = -1;
};
} // namespace

JsonLocator::Position JsonLocator::positionOfOffset(const QByteArray &text, qsizetype offset)
{
    Position p{1, 1};
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text.at(i) == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(text.at(i)) & 0xC0) != 0x80) {
            ++p.column; // count characters, not UTF-8 continuation bytes
        }
    }
    return p;
}

JsonLocator::Position JsonLocator::locate(const QByteArray &text, const QStringList &path)
{
    Scanner scanner(text);
    scanner.value(path, 0);
    return scanner.found() < 0 ? Position{} : positionOfOffset(text, scanner.found());
}

} // namespace fedgate::topology

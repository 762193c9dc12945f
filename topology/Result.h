#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace fedgate {

// An error a user can meet: what happened and what to do next, in one or two
// sentences. `source` names the file or store, `line`/`column` (1-based, 0 =
// unknown) locate the problem inside it.
struct Error
{
    QString message;
    QString source;
    int line = 0;
    int column = 0;

    // "FILE:LINE:COLUMN: message" (the parts that are known).
    QString toString() const;
};

// Either a value or an Error. Small on purpose: callers test ok(), then take
// value() or error().
template <typename T> class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result for actions that produce nothing but may fail.
class Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    {}
    static Status success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace fedgate

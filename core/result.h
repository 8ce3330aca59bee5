#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace relais {

// A refusal with a stable machine code (for logs, tests and NAK reasons) and a
// sentence for people. Core never throws: it returns these.
struct Error
{
    QString code;
    QString message;
};

// Either a value or an Error: std::expected is C++23, g++ 12 lacks it.
template<typename T>
class [[nodiscard]] Result final
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// Success or an Error, for operations that produce nothing.
class [[nodiscard]] Status final
{
public:
    Status() = default;
    Status(Error error) : m_failed(true), m_error(std::move(error)) {}

    static Status success() { return {}; }
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message; }

private:
    bool m_failed = false;
    Error m_error;
};

} // namespace relais

#pragma once

#include "secretstore.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

namespace relais {

// A SecretStore in a QHash, for unit tests. It answers at once (inside the call) by default;
// deferred, it answers from the event loop like a keychain (after delayMs); silent, it never answers (a
// keychain waiting to be unlocked). failWith() makes every call fail with that error.
class MemorySecretStore final : public SecretStore
{
public:
    enum class Answer { Immediately, Deferred, Never };

    void setAnswer(Answer answer, int delayMs = 0)
    {
        m_answer = answer;
        m_delayMs = delayMs;
    }
    void failWith(std::optional<Error> error) { m_failure = std::move(error); }

    QHash<QString, QString> &secrets() { return m_secrets; }
    int calls() const { return m_calls; }

    void read(const QString &key, ReadDone done) override
    {
        std::optional<Error> error = m_failure;
        if (!error && !m_secrets.contains(key))
            error = Error{QString(notFound), QStringLiteral("No secret under %1.").arg(key)};
        const QString value = m_secrets.value(key);
        answer([done = std::move(done), error, value] {
            if (error)
                done(*error);
            else
                done(value);
        });
    }

    void write(const QString &key, const QString &value, Done done) override
    {
        if (!m_failure)
            m_secrets.insert(key, value);
        answer([done = std::move(done), error = m_failure] { done(error ? Status(*error) : Status::success()); });
    }

    void remove(const QString &key, Done done) override
    {
        std::optional<Error> error = m_failure;
        if (!error && m_secrets.remove(key) == 0)
            error = Error{QString(notFound), QStringLiteral("No secret under %1.").arg(key)};
        answer([done = std::move(done), error] { done(error ? Status(*error) : Status::success()); });
    }

    QString backendName() const override { return QStringLiteral("memory"); }

private:
    template<typename F>
    void answer(F f)
    {
        ++m_calls;
        switch (m_answer) {
        case Answer::Immediately:
            f();
            break;
        case Answer::Deferred:
            // Dropped with the store, as a keychain's would be.
            QTimer::singleShot(m_delayMs, &m_context, std::move(f));
            break;
        case Answer::Never:
            break;
        }
    }

    QHash<QString, QString> m_secrets;
    std::optional<Error> m_failure;
    Answer m_answer = Answer::Immediately;
    int m_delayMs = 0;
    int m_calls = 0;
    QObject m_context;
};

} // namespace relais

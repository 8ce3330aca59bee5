#include "secretcommand.h"

#include "keychainsecretstore.h"
#include "secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QIODevice>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>

#if defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace relais {

namespace {

constexpr int kDone = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;
constexpr qint64 kMaxValueBytes = 64 * 1024;

const char kUsageText[] = "Usage: relais secret set KEY      store a secret read from standard input\n"
                          "       relais secret delete KEY   remove it\n"
                          "       relais secret check        tell whether the system keychain can be used\n"
                          "KEY: gateway/<id>/token, database/password or broker/password (docs/secrets.md).\n"
                          "The value is never taken from the command line: type it (it is not shown) or pipe it,\n"
                          "e.g. relais secret set gateway/gw-north/token < token.txt\n";

int fail(const QString &message, int code = kFailed)
{
    std::fprintf(stderr, "relais secret: %s\n", qPrintable(message));
    return code;
}

int usage(const QString &message)
{
    if (!message.isEmpty())
        std::fprintf(stderr, "relais secret: %s\n", qPrintable(message));
    std::fputs(kUsageText, stderr);
    return kUsage;
}

// Runs the event loop until the store answers, at most timeoutMs.
template<typename T>
std::optional<T> waitFor(int timeoutMs, const std::function<void(std::function<void(T)>)> &call)
{
    auto answer = std::make_shared<std::optional<T>>();
    auto loop = std::make_shared<QEventLoop>();
    call([answer, weak = std::weak_ptr<QEventLoop>(loop)](T value) {
        answer->emplace(std::move(value));
        if (const auto l = weak.lock())
            l->quit();
    });
    if (!answer->has_value()) {
        QTimer::singleShot(timeoutMs, loop.get(), &QEventLoop::quit);
        loop->exec();
    }
    return *answer;
}

QString timeoutMessage(const SecretStore &store, int timeoutMs)
{
    return QStringLiteral("the %1 did not answer within %2 s (is it waiting to be unlocked?)")
        .arg(store.backendName())
        .arg(timeoutMs / 1000);
}

// Reads the value for `set`: the first line when typed, all of it when piped, without its
// final line break.
std::optional<QString> readValue(QIODevice &input, bool interactive, QString *error)
{
    QByteArray bytes;
    if (interactive) {
        bytes = input.readLine(kMaxValueBytes + 2);
    } else {
        // A pipe may give its bytes in several reads: read until its end (or too much).
        while (bytes.size() <= kMaxValueBytes) {
            const QByteArray chunk = input.read(kMaxValueBytes + 2 - bytes.size());
            if (chunk.isEmpty())
                break;
            bytes += chunk;
        }
    }
    if (bytes.size() > kMaxValueBytes) {
        *error = QStringLiteral("the value is longer than 64 KiB");
        return std::nullopt;
    }
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    if (bytes.isEmpty()) {
        *error = QStringLiteral("no value on standard input; nothing stored");
        return std::nullopt;
    }
    const QString value = QString::fromUtf8(bytes);
    if (value.toUtf8() != bytes) {
        *error = QStringLiteral("the value is not UTF-8 text");
        return std::nullopt;
    }
    return value;
}

bool stdinIsTerminal()
{
#if defined(Q_OS_WIN)
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(STDIN_FILENO) != 0;
#endif
}

// Turns the terminal's echo off while it lives.
class NoEcho final
{
public:
    NoEcho()
    {
#if defined(Q_OS_WIN)
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        m_saved = GetConsoleMode(m_handle, &m_mode) != 0;
        if (m_saved)
            SetConsoleMode(m_handle, m_mode & ~DWORD(ENABLE_ECHO_INPUT));
#else
        m_saved = tcgetattr(STDIN_FILENO, &m_mode) == 0;
        if (m_saved) {
            termios quiet = m_mode;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            quiet.c_lflag |= tcflag_t(ECHONL);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
#endif
    }
    ~NoEcho()
    {
        if (!m_saved)
            return;
#if defined(Q_OS_WIN)
        SetConsoleMode(m_handle, m_mode);
        std::fputc('\n', stderr);
#else
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_mode);
#endif
    }
    NoEcho(const NoEcho &) = delete;
    NoEcho &operator=(const NoEcho &) = delete;

private:
    bool m_saved = false;
#if defined(Q_OS_WIN)
    HANDLE m_handle = nullptr;
    DWORD m_mode = 0;
#else
    termios m_mode{};
#endif
};

int set(const QString &key, SecretStore &store, QIODevice &input, bool interactive, int timeoutMs)
{
    if (interactive) {
        std::fprintf(stderr, "Secret for %s (not shown): ", qPrintable(key));
        std::fflush(stderr);
    }
    QString error;
    std::optional<QString> value;
    {
        std::optional<NoEcho> quiet;
        if (interactive)
            quiet.emplace();
        value = readValue(input, interactive, &error);
    }
    if (!value)
        return fail(error);
    const std::optional<Status> done = waitFor<Status>(
        timeoutMs, [&](std::function<void(Status)> answer) { store.write(key, *value, std::move(answer)); });
    if (!done)
        return fail(timeoutMessage(store, timeoutMs));
    if (!done->ok())
        return fail(done->errorString());
    std::fprintf(stderr, "relais secret: %s stored in the %s.\n", qPrintable(key), qPrintable(store.backendName()));
    return kDone;
}

int remove(const QString &key, SecretStore &store, int timeoutMs)
{
    const std::optional<Status> done =
        waitFor<Status>(timeoutMs, [&](std::function<void(Status)> answer) { store.remove(key, std::move(answer)); });
    if (!done)
        return fail(timeoutMessage(store, timeoutMs));
    if (!done->ok())
        return fail(done->errorString());
    std::fprintf(stderr, "relais secret: %s deleted from the %s.\n", qPrintable(key), qPrintable(store.backendName()));
    return kDone;
}

// Writes, reads back and deletes a throw-away entry: the only sure sign that the keychain is
// there, unlocked and writable.
int check(SecretStore &store, int timeoutMs)
{
    const QString key = QStringLiteral("relais/check");
    const QString probe = QString::number(QRandomGenerator::system()->generate64(), 36);
    const std::optional<Status> written = waitFor<Status>(
        timeoutMs, [&](std::function<void(Status)> answer) { store.write(key, probe, std::move(answer)); });
    if (!written)
        return fail(timeoutMessage(store, timeoutMs));
    if (!written->ok())
        return fail(written->errorString());
    const std::optional<Result<QString>> read = waitFor<Result<QString>>(
        timeoutMs, [&](std::function<void(Result<QString>)> answer) { store.read(key, std::move(answer)); });
    const std::optional<Status> removed =
        waitFor<Status>(timeoutMs, [&](std::function<void(Status)> answer) { store.remove(key, std::move(answer)); });
    if (!read || !read->ok() || read->value() != probe)
        return fail(QStringLiteral("the %1 accepted a secret but did not give it back").arg(store.backendName()));
    if (!removed || !removed->ok())
        return fail(QStringLiteral("the %1 could not delete its test entry %2").arg(store.backendName(), key));
    std::fprintf(stdout, "The %s can be used: secrets are stored there.\n", qPrintable(store.backendName()));
    return kDone;
}

} // namespace

bool SecretCommand::handles(int argc, char *argv[])
{
    return argc >= 2 && std::strcmp(argv[1], "secret") == 0;
}

int SecretCommand::run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Relais"));
    QCoreApplication::setApplicationName(QStringLiteral("relais"));
    // The command tells the keychain's problems itself: the store's log lines would repeat them.
    QLoggingCategory::setFilterRules(QStringLiteral("relais.keychain.info=false\nrelais.keychain.warning=false"));
    KeychainSecretStore store;
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read standard input"));
    return run(QCoreApplication::arguments(), store, input, stdinIsTerminal());
}

int SecretCommand::run(const QStringList &arguments, SecretStore &store, QIODevice &input, bool interactive,
                       int timeoutMs)
{
    const QStringList args = arguments.mid(2); // after "relais secret"
    if (args.isEmpty())
        return usage(QString());
    const QString &command = args.first();
    if (command == QLatin1String("-h") || command == QLatin1String("--help") || command == QLatin1String("help")) {
        std::fputs(kUsageText, stdout);
        return kDone;
    }
    if (command == QLatin1String("check")) {
        if (args.size() != 1)
            return usage(QStringLiteral("check takes no argument"));
        return check(store, timeoutMs);
    }
    if (command != QLatin1String("set") && command != QLatin1String("delete"))
        return usage(QStringLiteral("unknown command %1").arg(command));
    if (args.size() < 2)
        return usage(QStringLiteral("%1 needs a KEY").arg(command));
    if (args.size() > 2) {
        return usage(command == QLatin1String("set")
                         ? QStringLiteral("the value is read from standard input, never from the command line")
                         : QStringLiteral("delete takes one KEY"));
    }
    const QString &key = args.at(1);
    if (!SecretKeys::isKnown(key))
        return usage(QStringLiteral("%1 is not a key Relais reads").arg(key));
    if (command == QLatin1String("set"))
        return set(key, store, input, interactive, timeoutMs);
    return remove(key, store, timeoutMs);
}

} // namespace relais

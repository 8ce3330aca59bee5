#include "signalwatcher.h"

#include <QSocketNotifier>

#include <csignal>

#if defined(Q_OS_WIN)
#include <QMetaObject>

#include <atomic>
#include <qt_windows.h>
#else
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace relais::sim {

#if defined(Q_OS_WIN)

// Windows has no SIGTERM and runs console control handlers on a thread of their own: Ctrl+C
// and Ctrl+Break are reported as SIGINT, closing the console, logging off and shutting down
// as SIGTERM, each queued to the watcher's thread.
namespace {
std::atomic<SignalWatcher *> g_watcher{nullptr};

BOOL WINAPI onConsoleEvent(DWORD type)
{
    SignalWatcher *watcher = g_watcher.load();
    if (!watcher)
        return FALSE;
    const int number = (type == CTRL_C_EVENT || type == CTRL_BREAK_EVENT) ? SIGINT : SIGTERM;
    QMetaObject::invokeMethod(
        watcher, [watcher, number] { emit watcher->received(number); }, Qt::QueuedConnection);
    // Windows ends the process when the handler of a close, logoff or shutdown returns:
    // give the event loop a moment to finish first.
    if (number == SIGTERM)
        ::Sleep(3000);
    return TRUE;
}
} // namespace

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent)
{
    g_watcher.store(this);
    ::SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

SignalWatcher::~SignalWatcher()
{
    ::SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_watcher.store(nullptr);
}

#else

namespace {
int g_fds[2] = {-1, -1};

extern "C" void onSignal(int number)
{
    const unsigned char byte = static_cast<unsigned char>(number);
    [[maybe_unused]] const ssize_t n = ::write(g_fds[0], &byte, 1);
}
} // namespace

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_fds) != 0)
        return;
    ::fcntl(g_fds[0], F_SETFL, O_NONBLOCK);
    m_notifier = new QSocketNotifier(qintptr(g_fds[1]), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        unsigned char byte = 0;
        if (::read(g_fds[1], &byte, 1) == 1)
            emit received(int(byte));
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    delete m_notifier;
    m_notifier = nullptr;
    for (int &fd : g_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

#endif

} // namespace relais::sim

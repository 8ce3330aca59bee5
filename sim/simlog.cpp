#include "simlog.h"

#include <cstdio>

namespace relais::sim::Log {

namespace {
bool g_quiet = false;

void write(const char *level, const QString &message)
{
    const QByteArray text = message.toUtf8();
    std::fprintf(stderr, "relais-sim: %s%s\n", level, text.constData());
    std::fflush(stderr);
}
} // namespace

void setQuiet(bool quiet)
{
    g_quiet = quiet;
}

bool quiet()
{
    return g_quiet;
}

void info(const QString &message)
{
    if (!g_quiet)
        write("", message);
}

void warn(const QString &message)
{
    if (!g_quiet)
        write("warning: ", message);
}

void error(const QString &message)
{
    write("error: ", message);
}

} // namespace relais::sim::Log

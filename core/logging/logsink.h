#pragma once

namespace relais {

class LogRecord;

// Where LogHub writes records on the thread that logged them (the file; a test's recorder).
// Calls are serialised by the hub, but may come from any thread. A sink must not wait for
// another thread; what it logs itself goes to standard error, never back to the sinks.
// Widgets are not sinks: they connect to LogHub::recorded, queued.
class LogSink
{
public:
    virtual ~LogSink() = default;

    // Whether write() wants this record. A record no sink accepts goes to the handler that was
    // installed before the hub (Qt's: standard error).
    virtual bool accepts(const LogRecord &record) const = 0;
    virtual void write(const LogRecord &record) = 0;
    // Writes out what is buffered.
    virtual void flush() {}

protected:
    LogSink() = default;
    LogSink(const LogSink &) = default;
    LogSink &operator=(const LogSink &) = default;
};

} // namespace relais

// The whole ingest path over loopback TCP: gateways (threads of this process with blocking
// sockets) stream heartbeats of registered devices to the real GatewayServer + GatewayHub +
// DeviceIngest + Store (parse, dedupe, durable commit with synchronous=FULL, ack after commit).
// Prints, for the batched store and for a naive store committing one transaction per message,
// in the same run:
//   - durable messages per second sustained (the gateway keeps up to 4,000 unacknowledged,
//     as the protocol asks);
//   - ack latency p50 / p99 when the gateway sends a steady 1,000 messages per second.
//   bench_ingest [messages] [devices] [gateways] [--flood-only] [--unregistered]
//                    defaults: 300,000 messages, 10,000 devices, 4 gateway connections
//   --unregistered: the devices are not registered (a heartbeat then writes no liveness row).

#include "deviceingest.h"
#include "gatewayhub.h"
#include "gatewayserver.h"
#include "store.h"
#include "systemclock.h"
#include "threadcpu.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#include <pthread.h>
#include <time.h>

using namespace relais;

namespace {

const QString kToken = QStringLiteral("bench-token-0001");

QByteArray heartbeat(qint64 n, int devices)
{
    return "{\"type\":\"device.heartbeat\",\"id\":\"b-" + QByteArray::number(n) + "\",\"device\":\"d-"
           + QByteArray::number(n % devices)
           + "\",\"time\":\"2025-01-15T10:00:00Z\",\"battery\":" + QByteArray::number(40 + n % 60) + "}\n";
}

struct GatewayRun
{
    qint64 sent = 0;
    qint64 stored = 0;
    qint64 other = 0;
    double seconds = 0;
    std::vector<double> latenciesMs;
    QString error;
    qint64 cpuNs = 0; // the gateway thread's own CPU time
};

// Reads the answers available; for each ack calls onAck(index of the acknowledged message).
// Messages are numbered from 0 in the order sent, and acks come in that order.
template<typename OnAck>
bool readAcks(QTcpSocket &socket, QByteArray &buffer, qint64 &acked, GatewayRun &run, OnAck onAck, int waitMs)
{
    if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(waitMs))
        return socket.state() == QAbstractSocket::ConnectedState;
    buffer += socket.readAll();
    qsizetype start = 0;
    while (true) {
        const qsizetype lf = buffer.indexOf('\n', start);
        if (lf < 0)
            break;
        const QByteArrayView line(buffer.constData() + start, lf - start);
        if (line.contains("\"status\":\"stored\""))
            ++run.stored;
        else
            ++run.other;
        onAck(acked++);
        start = lf + 1;
    }
    buffer.remove(0, start);
    return true;
}

bool hello(QTcpSocket &socket, quint16 port, const QByteArray &gatewayId, GatewayRun &run)
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10000)) {
        run.error = socket.errorString();
        return false;
    }
    socket.write("{\"type\":\"hello\",\"versions\":[1],\"gateway\":\"" + gatewayId + "\",\"token\":\"" + kToken.toUtf8()
                 + "\"}\n");
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(10000)) {
            run.error = QStringLiteral("no hello_ok");
            return false;
        }
    }
    const QByteArray ok = socket.readLine();
    if (!ok.contains("hello_ok")) {
        run.error = QString::fromUtf8(ok);
        return false;
    }
    return true;
}

// As fast as the ingest acknowledges, with at most window messages unacknowledged.
GatewayRun flood(quint16 port, const QByteArray &gatewayId, qint64 first, qint64 count, int devices, int window)
{
    GatewayRun run;
    QTcpSocket socket;
    if (!hello(socket, port, gatewayId, run))
        return run;
    QByteArray buffer;
    qint64 acked = 0;
    QElapsedTimer t;
    t.start();
    QByteArray out;
    while (acked < count) {
        const qint64 room = std::min<qint64>(window - (run.sent - acked), count - run.sent);
        if (room >= std::min<qint64>(500, count - run.sent) && room > 0) {
            out.clear();
            for (qint64 i = 0; i < room; ++i)
                out += heartbeat(first + run.sent + i, devices);
            socket.write(out);
            run.sent += room;
        }
        if (!readAcks(
                socket, buffer, acked, run, [](qint64) {}, 10000)) {
            run.error = QStringLiteral("connection lost");
            break;
        }
    }
    run.seconds = double(t.nsecsElapsed()) / 1e9;
    return run;
}

// A steady rate: one message every 1/rate s (sent in small groups every millisecond).
GatewayRun paced(quint16 port, qint64 first, qint64 count, int devices, int rate)
{
    GatewayRun run;
    QTcpSocket socket;
    if (!hello(socket, port, "gw-bench-0", run))
        return run;
    std::vector<qint64> sentAtNs(std::size_t(count), 0);
    QByteArray buffer;
    qint64 acked = 0;
    QElapsedTimer t;
    t.start();
    const auto onAck = [&](qint64 i) {
        if (i < count)
            run.latenciesMs.push_back(double(t.nsecsElapsed() - sentAtNs[std::size_t(i)]) / 1e6);
    };
    while (acked < count) {
        const qint64 due = std::min<qint64>(count, t.nsecsElapsed() * rate / 1000000000 + 1);
        if (due > run.sent) {
            QByteArray out;
            for (qint64 i = run.sent; i < due; ++i) {
                out += heartbeat(first + i, devices);
                sentAtNs[std::size_t(i)] = t.nsecsElapsed();
            }
            socket.write(out);
            socket.flush();
            run.sent = due;
        }
        if (!readAcks(socket, buffer, acked, run, onAck, 1)) {
            run.error = QStringLiteral("connection lost");
            break;
        }
    }
    run.seconds = double(t.nsecsElapsed()) / 1e9;
    return run;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

// Runs fn(0) .. fn(n - 1), each a gateway on a thread of its own, while this thread runs the
// ingest in an event loop that sleeps when there is nothing to do (a polling loop would steal
// a core). Returns the sum of the runs (seconds: the longest).
template<typename Fn>
GatewayRun runGateways(int n, Fn fn)
{
    std::vector<GatewayRun> results(static_cast<std::size_t>(n));
    QEventLoop loop;
    std::atomic<int> running{n};
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
            pthread_setname_np(pthread_self(), "bench-gateway");
            timespec start{}, end{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
            GatewayRun &r = results[std::size_t(i)];
            r = fn(i);
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
            r.cpuNs = (end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
            if (--running == 0)
                QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
        });
    }
    loop.exec();
    GatewayRun sum;
    for (std::size_t i = 0; i < threads.size(); ++i) {
        threads[i].join();
        const GatewayRun &r = results[i];
        sum.sent += r.sent;
        sum.stored += r.stored;
        sum.other += r.other;
        sum.seconds = std::max(sum.seconds, r.seconds);
        sum.cpuNs += r.cpuNs;
        sum.latenciesMs.insert(sum.latenciesMs.end(), r.latenciesMs.begin(), r.latenciesMs.end());
        if (sum.error.isEmpty())
            sum.error = r.error;
    }
    return sum;
}

void measure(const char *label, int maxBatch, qint64 messages, int devices, int gateways, int pacedSeconds,
             bool registered)
{
    QTemporaryDir dir;
    Store store;
    store.setMaxBatchSize(maxBatch);
    if (!store.open(dir.path())) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return;
    }
    // The devices are registered first, outside the measurement: each heartbeat updates its
    // device's liveness row (last seen, battery), as in a real desk.
    if (registered) {
        QList<JournalEntry> registrations;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < devices; ++i) {
            JournalEntry e;
            e.time = now;
            e.source = QStringLiteral("bench");
            e.kind = EntryKind::DeviceRegistered;
            e.payload = {{QStringLiteral("device"), QStringLiteral("d-%1").arg(i)},
                         {QStringLiteral("interval_s"), 3600}};
            registrations.append(e);
        }
        QEventLoop loop;
        qsizetype done = 0;
        const QMetaObject::Connection c =
            QObject::connect(&store, &Store::itemsProcessed, &loop, [&](const QList<WriteResult> &results) {
                done += results.size();
                if (done == devices)
                    loop.quit();
            });
        store.submit(1, registrations);
        loop.exec();
        QObject::disconnect(c);
    }

    SystemClock clock;
    DeviceIngest ingest([&store](quint64 t, const QList<JournalEntry> &e) { store.submit(t, e); }, &clock);
    QObject::connect(&store, &Store::itemsProcessed, &ingest, &DeviceIngest::onProcessed);
    GatewayHub hub(&ingest, &clock);
    QList<GatewayAccount> accounts;
    for (int i = 0; i < gateways; ++i) {
        GatewayAccount account;
        account.id = QStringLiteral("gw-bench-%1").arg(i);
        account.token = kToken;
        account.limits.rate = 10000000; // the benchmark measures the ingest, not the limiter
        account.limits.burst = 10000000;
        accounts.append(account);
    }
    hub.setAccounts(accounts);
    hub.setMaxWaitingPerSession(20000);
    GatewayServer server(&hub, TcpListenConfig{});
    if (Status s = server.listen(); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.errorString()));
        return;
    }
    const quint16 port = server.port();

    const quint64 tx0 = store.committedTransactions();
    const QMap<QByteArray, qint64> cpu0 = bench::threadCpuNs();
    // Each gateway keeps at most 4,000 messages unacknowledged, as the protocol asks.
    const qint64 share = messages / gateways;
    const GatewayRun f = runGateways(gateways, [&](int i) {
        const qint64 count = i == gateways - 1 ? messages - share * i : share;
        return flood(port, "gw-bench-" + QByteArray::number(i), share * i, count, devices, 4000);
    });
    const QMap<QByteArray, qint64> cpu1 = bench::threadCpuNs();
    const quint64 tx = store.committedTransactions() - tx0;
    if (!f.error.isEmpty())
        std::printf("%s: flood failed: %s\n", label, qPrintable(f.error));
    std::printf("%-34s %9.0f msgs/s durable  (%lld stored, %lld other, %.2f s, %llu transactions)\n", label,
                double(f.stored) / f.seconds, qlonglong(f.stored), qlonglong(f.other), f.seconds, qulonglong(tx));
    // Where the CPU went, per message: the gateway (client), the ingest (this thread: sockets,
    // decoding, acks) and the store's writer. Two cores: the sum bounds the rate.
    if (f.stored > 0 && !cpu1.isEmpty()) {
        const auto perMessageUs = [&](const QByteArray &name) {
            return double(cpu1.value(name) - cpu0.value(name)) / 1e3 / double(f.sent);
        };
        const double gatewayUs = double(f.cpuNs) / 1e3 / double(f.sent);
        const double ingestUs = perMessageUs(QCoreApplication::applicationName().toUtf8().left(15));
        const double writerUs = perMessageUs("relais-store-wr");
        std::printf("%-34s CPU per message: gateway %.2f us, ingest %.2f us, store writer %.2f us\n", label, gatewayUs,
                    ingestUs, writerUs);
    }

    if (pacedSeconds <= 0)
        return;
    const qint64 pacedCount = qint64(pacedSeconds) * 1000;
    const GatewayRun p = runGateways(1, [&](int) { return paced(port, messages, pacedCount, devices, 1000); });
    if (!p.error.isEmpty())
        std::printf("%s: paced run failed: %s\n", label, qPrintable(p.error));
    std::printf("%-34s ack latency at 1,000 msgs/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%zu acks)\n", label,
                percentile(p.latenciesMs, 0.5), percentile(p.latenciesMs, 0.99), percentile(p.latenciesMs, 1.0),
                p.latenciesMs.size());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments();
    // --flood-only: only the batched throughput run (for profilers: callgrind, perf).
    const bool floodOnly = args.removeAll(QStringLiteral("--flood-only")) > 0;
    const bool registered = args.removeAll(QStringLiteral("--unregistered")) == 0;
    const qint64 messages = args.size() > 1 ? args.at(1).toLongLong() : 300000;
    const int devices = args.size() > 2 ? args.at(2).toInt() : 10000;
    const int gateways = args.size() > 3 ? args.at(3).toInt() : 4;
    if (messages <= 0 || devices <= 0 || gateways <= 0 || gateways > 64) {
        std::fputs("usage: bench_ingest [messages] [devices] [gateways 1-64] [--flood-only] [--unregistered]\n",
                   stderr);
        return 2;
    }
    std::printf("bench_ingest: %lld heartbeats from %d %s devices through %d gateway connection(s) over loopback "
                "TCP, %d cores\n",
                qlonglong(messages), devices, registered ? "registered" : "unregistered", gateways,
                QThread::idealThreadCount());
    measure("batched store (≤5,000 per commit)", 5000, messages, devices, gateways, floodOnly ? 0 : 5, registered);
    if (floodOnly)
        return 0;
    // The naive store commits every message on its own: far fewer messages, same figures.
    measure("naive store (1 commit per message)", 1, std::min<qint64>(messages, 5000), devices, gateways, 5,
            registered);
    return 0;
}

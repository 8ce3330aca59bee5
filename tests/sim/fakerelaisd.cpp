// A fake Relais to measure relais-sim --load (docs/simulator.md, "Load test"): listens on
// 127.0.0.1, answers hello with hello_ok (a rate high enough not to limit), and acks every
// event as soon as it is read. With --decode every line goes through GatewayCodec::decode
// first (what the real ingest costs to parse); without, the id is cut out of the line.
//   fakerelaisd [--port N] [--decode] [--rate N]

#include "gatewaycodec.h"
#include "lineframer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

using namespace relais;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions(
        {{QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (default: any)."), QStringLiteral("N")},
         {QStringLiteral("rate"), QStringLiteral("rate and burst announced (default 1000000)."), QStringLiteral("N")},
         {QStringLiteral("decode"), QStringLiteral("Decode every line with GatewayCodec.")}});
    p.process(app);
    const bool decode = p.isSet(QStringLiteral("decode"));
    const int rate = p.isSet(QStringLiteral("rate")) ? p.value(QStringLiteral("rate")).toInt() : 1'000'000;

    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, quint16(p.value(QStringLiteral("port")).toUInt()))) {
        std::fprintf(stderr, "fakerelaisd: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("fakerelaisd: listening on 127.0.0.1:%u\n", unsigned(server.serverPort()));
    std::fflush(stdout);

    quint64 events = 0;
    quint64 errors = 0;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&server, &QTcpServer::newConnection, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            auto framer = std::make_shared<LineFramer>();
            QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            QObject::connect(s, &QTcpSocket::readyRead, s, [&, s, framer] {
                QByteArray out;
                for (const Result<QByteArray> &line : framer->feed(s->readAll())) {
                    if (!line) {
                        ++errors;
                        continue;
                    }
                    const QByteArray &l = line.value();
                    if (l.startsWith("{\"type\":\"hello\"")) {
                        out += GatewayCodec::encodeHelloOk(1, QStringLiteral("fakerelaisd"), {8192, rate, rate});
                        continue;
                    }
                    QString id;
                    if (decode) {
                        const Result<InboundMessage> m = GatewayCodec::decode(l, &id);
                        if (!m)
                            ++errors;
                        if (m && m.value().type != InboundMessage::Type::Event)
                            continue;
                    } else {
                        const qsizetype at = l.indexOf("\"id\":\"");
                        if (at < 0)
                            continue;
                        const qsizetype end = l.indexOf('"', at + 6);
                        id = QString::fromLatin1(l.mid(at + 6, end - at - 6));
                    }
                    out += GatewayCodec::encodeAck(id, AckStatus::Stored);
                    ++events;
                }
                if (!out.isEmpty())
                    s->write(out);
            });
        }
    });
    QTimer report;
    quint64 last = 0;
    QObject::connect(&report, &QTimer::timeout, [&] {
        if (events != last)
            std::printf("fakerelaisd: %llu events acked (+%llu), %llu errors\n",
                        static_cast<unsigned long long>(events), static_cast<unsigned long long>(events - last),
                        static_cast<unsigned long long>(errors));
        std::fflush(stdout);
        last = events;
    });
    report.start(1000);
    return app.exec();
}

#include "gatewaystatus.h"

#include <QSignalSpy>
#include <QTest>

using relais::GatewayStatus;
using relais::GatewayStatusBoard;

class TestGatewayStatus : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreAddedInOrderAndReplacedByKey()
    {
        GatewayStatusBoard board;
        QSignalSpy before(&board, &GatewayStatusBoard::rowAboutToBeInserted);
        QSignalSpy inserted(&board, &GatewayStatusBoard::rowInserted);
        QSignalSpy changed(&board, &GatewayStatusBoard::rowChanged);

        GatewayStatus north;
        north.key = QStringLiteral("gateway:gw-north");
        north.gatewayId = QStringLiteral("gw-north");
        GatewayStatus serial;
        serial.key = QStringLiteral("serial:/dev/ttyUSB0");
        serial.transport = QStringLiteral("serial");
        board.publish(north);
        board.publish(serial);
        QCOMPARE(board.rows().size(), 2);
        QCOMPARE(board.indexOf(serial.key), 1);
        QCOMPARE(board.indexOf(QStringLiteral("gateway:nobody")), -1);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(before.at(1).at(0).toInt(), 1);

        north.link = GatewayStatus::Link::Connected;
        north.stored = 12;
        board.publish(north);
        QCOMPARE(board.rows().size(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toInt(), 0);
        QCOMPARE(board.rows().at(0).stored, quint64(12));

        board.publish(north); // the same snapshot again: nothing to tell
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGatewayStatus)
#include "tst_gatewaystatus.moc"

#include "gatewaystatus.h"

namespace relais {

GatewayStatusBoard::GatewayStatusBoard(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<GatewayStatus>();
}

int GatewayStatusBoard::indexOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return i;
    }
    return -1;
}

void GatewayStatusBoard::publish(const GatewayStatus &status)
{
    const int row = indexOf(status.key);
    if (row < 0) {
        const int at = int(m_rows.size());
        emit rowAboutToBeInserted(at);
        m_rows.append(status);
        emit rowInserted(at);
        return;
    }
    if (m_rows.at(row) == status)
        return;
    m_rows[row] = status;
    emit rowChanged(row);
}

} // namespace relais

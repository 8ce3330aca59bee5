#include "gatewayerrors.h"

namespace relais {

bool GatewayErrors::closesConnection(QStringView code)
{
    return code == UnsupportedVersion || code == HelloRequired || code == HelloTimeout || code == BadToken
           || code == Replaced || code == ShuttingDown;
}

} // namespace relais

#pragma once

namespace relais {

// Relais's answer to one event of a gateway (docs/protocol.md, §4.2).
enum class AckStatus {
    Stored,    // durably in the journal, taken into account
    Duplicate, // this message id was received before; nothing new was created
    Rejected,  // not accepted; the ack carries the reason
};

} // namespace relais

/** Counters of the trap receiver; the publish queue keeps its own. */
export class TrapReceiverMetrics {
  received = 0;
  /** Unparsable datagrams (garbage, truncated BER, unknown PDU). */
  malformed = 0;
  /** Well-formed but refused: unknown community, SNMPv3, non-notification PDU. */
  rejected = 0;
}

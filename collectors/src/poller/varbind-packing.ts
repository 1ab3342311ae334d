/**
 * Splits OIDs into GET PDUs of at most `perPdu` varbinds, keeping their order. Fewer
 * round trips per device is what makes one cycle over many devices cheap; the limit
 * keeps each response within what agents answer without tooBig.
 */
export function packVarbinds<T>(oids: readonly T[], perPdu: number): T[][] {
  if (!Number.isInteger(perPdu) || perPdu < 1) throw new RangeError(`bad varbinds per PDU ${perPdu}`);
  const pdus: T[][] = [];
  for (let i = 0; i < oids.length; i += perPdu) pdus.push(oids.slice(i, i + perPdu));
  return pdus;
}

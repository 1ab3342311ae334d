/** Numeric OIDs the simulator serves and sends (SNMPv2-MIB, IF-MIB). */
export const OID = {
  system: '1.3.6.1.2.1.1',
  sysDescr: '1.3.6.1.2.1.1.1',
  sysObjectID: '1.3.6.1.2.1.1.2',
  sysUpTime: '1.3.6.1.2.1.1.3',
  sysContact: '1.3.6.1.2.1.1.4',
  sysName: '1.3.6.1.2.1.1.5',
  sysLocation: '1.3.6.1.2.1.1.6',
  sysServices: '1.3.6.1.2.1.1.7',
  ifNumber: '1.3.6.1.2.1.2.1',
  ifEntry: '1.3.6.1.2.1.2.2.1',
  ifXEntry: '1.3.6.1.2.1.31.1.1.1',
  snmpTrapOID: '1.3.6.1.6.3.1.1.4.1.0',
  coldStart: '1.3.6.1.6.3.1.1.5.1',
  warmStart: '1.3.6.1.6.3.1.1.5.2',
  linkDown: '1.3.6.1.6.3.1.1.5.3',
  linkUp: '1.3.6.1.6.3.1.1.5.4',
} as const;

/** ifEntry columns (IF-MIB). */
export const IF_COLUMN = {
  ifIndex: 1,
  ifDescr: 2,
  ifType: 3,
  ifMtu: 4,
  ifSpeed: 5,
  ifPhysAddress: 6,
  ifAdminStatus: 7,
  ifOperStatus: 8,
  ifLastChange: 9,
  ifInOctets: 10,
  ifInDiscards: 13,
  ifInErrors: 14,
  ifOutOctets: 16,
  ifOutDiscards: 19,
  ifOutErrors: 20,
} as const;

/** ifXEntry columns (IF-MIB). */
export const IFX_COLUMN = {
  ifName: 1,
  ifHCInOctets: 6,
  ifHCOutOctets: 10,
  ifHighSpeed: 15,
  ifAlias: 18,
} as const;

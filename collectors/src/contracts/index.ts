export * from './topic-contract';
export * from './snmp-sample.contract';
export * from './snmp-trap.contract';

export * from './contracts';
// The poller's building blocks, for the processes' composition roots and the benchmarks.
export { DevicePoller, newDeviceState, type DeviceState, type DevicePollResult } from './poller/device-poller';
export type { PollTarget } from './poller/poll-target.model';
export { SnmpNativeSession } from './snmp/snmp-native-session.adapter';

/** A device to poll, as the inventory describes it. */
export interface PollTarget {
  deviceId: string;
  name: string;
  mgmtIp: string;
  intervalSec: number;
}

/** Where the targets come from (the inventory in MongoDB in production). */
export interface TargetSource {
  list(): Promise<PollTarget[]>;
}

import { type Circuit, type NetworkElement, SLA_CLASSES } from '@circuitcare/topology';

/** Operator core and PE routers are polled every minute whatever they carry. */
export const OPERATOR_CORE_POLL_SEC = 60;
/** Elements that carry no circuit are polled at the slowest rate. */
export const IDLE_POLL_SEC = SLA_CLASSES.bronze.pollIntervalSec;

/** Sets each element's polling interval from the strictest SLA class of the circuits it carries. */
export function applyPollIntervals(elements: NetworkElement[], circuits: readonly Circuit[]): void {
  const strictest = new Map<string, number>();
  for (const c of circuits) {
    const sec = SLA_CLASSES[c.slaClass].pollIntervalSec;
    for (const id of c.routeDeviceIds)
      strictest.set(id, Math.min(strictest.get(id) ?? Infinity, sec));
  }
  for (const e of elements) {
    e.pollIntervalSec =
      e.role === 'core' || e.role === 'pe'
        ? OPERATOR_CORE_POLL_SEC
        : (strictest.get(e._id) ?? IDLE_POLL_SEC);
  }
}

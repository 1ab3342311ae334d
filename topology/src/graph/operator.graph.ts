import { interfaceId } from '../model/inventory.model';
import type { Adjacency, TopologyIndex } from './inventory.index';

/** The links of an element, each seen from it. */
export function neighboursOf(index: TopologyIndex, deviceId: string): readonly Adjacency[] {
  return index.adjacency.get(deviceId) ?? [];
}

/** The far end of the link an interface terminates, if it has one. */
export function peerInterfaceOf(
  index: TopologyIndex,
  id: string,
): { deviceId: string; ifIndex: number; interfaceId: string; linkId: string } | null {
  const linkId = index.linkOfInterface.get(id);
  const link = linkId === undefined ? undefined : index.links.get(linkId);
  if (!link) return null;
  const aId = interfaceId(link.a.deviceId, link.a.ifIndex);
  const far = aId === id ? link.z : link.a;
  return {
    deviceId: far.deviceId,
    ifIndex: far.ifIndex,
    interfaceId: interfaceId(far.deviceId, far.ifIndex),
    linkId: link._id,
  };
}

/** The two interface ids of a link, a end first. */
export function linkInterfaceIds(index: TopologyIndex, linkId: string): [string, string] | null {
  const link = index.links.get(linkId);
  if (!link) return null;
  return [
    interfaceId(link.a.deviceId, link.a.ifIndex),
    interfaceId(link.z.deviceId, link.z.ifIndex),
  ];
}

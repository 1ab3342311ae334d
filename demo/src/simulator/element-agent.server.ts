import type { Socket } from 'node:dgram';

import * as snmp from 'net-snmp';

import {
  IFX_COLUMN_TYPES,
  IF_COLUMN_TYPES,
  SYSTEM_SCALAR_TYPES,
  type SmiType,
  type SmiValue,
  type SystemScalar,
  ifEntryCell,
  ifXEntryCell,
  systemScalar,
} from './element-mib.view';
import { OID } from './mib-oids.const';
import type { SimulatedElement } from './simulated-network.model';

/**
 * One element's SNMP agent: net-snmp's Agent bound to the element's mgmtIp, over a Mib
 * whose providers compute every value at request time (handlers), so no timer ever
 * refreshes a counter. net-snmp ships no types for its agent side; the small façade
 * below types what we use of it.
 */

interface MibNodeLike {
  address: number[];
  value: unknown;
}
interface MibRequestLike {
  instanceNode: MibNodeLike;
  done(error?: { errorStatus: number }): void;
}
interface ProviderDefinition {
  name: string;
  type: number;
  oid: string;
  maxAccess: number;
  scalarType?: number;
  tableColumns?: { number: number; name: string; type: number; maxAccess: number }[];
  tableIndex?: { columnName: string }[];
  tableAugments?: string;
  handler?: (request: MibRequestLike) => void;
}
/** net-snmp's Mib, as far as we use it (also what the unit tests walk). */
export interface NetSnmpMib {
  registerProvider(definition: ProviderDefinition): void;
  setScalarValue(name: string, value: unknown): void;
  addTableRow(name: string, row: unknown[]): void;
  lookup(oid: string): MibNodeLike | null;
  getTreeNode(
    oid: string,
  ): MibNodeLike & {
    getNextInstanceNode(): (MibNodeLike & { oid: string; valueType: number }) | null;
  };
  getTableRowCells(name: string, rowIndex: unknown[]): unknown[] | null;
}
interface NetSnmpAgent {
  close(callback?: () => void): void;
}
/** What net-snmp hands the agent callback: request errors carry the sender in `rinfo`. */
export interface AgentError extends Error {
  rinfo?: { address: string; port: number };
  /** ProcessingError: what the decoder threw, and the packet. */
  error?: Error;
  buffer?: Buffer;
}

const createMib = snmp.createMib as () => NetSnmpMib;
const createAgent = snmp.createAgent as (
  options: Record<string, unknown>,
  callback: (error: AgentError | null) => void,
  mib: NetSnmpMib,
) => NetSnmpAgent;

// Read from the library at run time: @types/net-snmp numbers this enum from 0, net-snmp from 1.
const providerTypes = snmp.MibProviderType as unknown as Record<'Scalar' | 'Table', number>;
const SCALAR = providerTypes.Scalar;
const TABLE = providerTypes.Table;
const READ_ONLY = 2;
const NOT_ACCESSIBLE = 0;

const SCALAR_OIDS: Record<SystemScalar, string> = {
  sysDescr: OID.sysDescr,
  sysObjectID: OID.sysObjectID,
  sysUpTime: OID.sysUpTime,
  sysContact: OID.sysContact,
  sysName: OID.sysName,
  sysLocation: OID.sysLocation,
  sysServices: OID.sysServices,
  ifNumber: OID.ifNumber,
};

function placeholder(type: SmiType): SmiValue {
  // Any value of the right type: the handler replaces it before every answer. net-snmp
  // validates rows as they are added and wants 8 octets for a Counter64 there (answers
  // carry our minimal BER octets, which it writes verbatim).
  return type === 4 ? '' : type === 6 ? '0.0' : type === 70 ? Buffer.alloc(8) : 0;
}

/** Builds the Mib of one element; `now` is the clock (ms) handlers read. */
export function buildElementMib(element: SimulatedElement, now: () => number): NetSnmpMib {
  const mib = createMib();
  for (const [name, oid] of Object.entries(SCALAR_OIDS) as [SystemScalar, string][]) {
    const type = SYSTEM_SCALAR_TYPES[name];
    mib.registerProvider({
      name,
      type: SCALAR,
      oid,
      scalarType: type,
      maxAccess: READ_ONLY,
      handler: (request) => {
        request.instanceNode.value = systemScalar(element, name, now());
        request.done();
      },
    });
    mib.setScalarValue(name, systemScalar(element, name, now()));
  }

  const cellOf = (request: MibRequestLike) => {
    const address = request.instanceNode.address;
    return { column: address[address.length - 2] ?? 0, ifIndex: address[address.length - 1] ?? 0 };
  };
  const ifColumns = Object.entries(IF_COLUMN_TYPES).map(([n, type]) => ({
    number: Number(n),
    name: `ifEntry.${n}`,
    type,
    // ifIndex too is read-only in IF-MIB: walkers read it.
    maxAccess: READ_ONLY,
  }));
  mib.registerProvider({
    name: 'ifTable',
    type: TABLE,
    oid: OID.ifEntry,
    maxAccess: NOT_ACCESSIBLE,
    tableColumns: ifColumns,
    tableIndex: [{ columnName: 'ifEntry.1' }],
    handler: (request) => {
      const { column, ifIndex } = cellOf(request);
      const s = element.byIfIndex.get(ifIndex);
      const value = s ? ifEntryCell(element, s, column, now()) : undefined;
      request.instanceNode.value = value ?? null;
      request.done();
    },
  });
  const ifXColumns = Object.entries(IFX_COLUMN_TYPES).map(([n, type]) => ({
    number: Number(n),
    name: `ifXEntry.${n}`,
    type,
    maxAccess: READ_ONLY,
  }));
  mib.registerProvider({
    name: 'ifXTable',
    type: TABLE,
    oid: OID.ifXEntry,
    maxAccess: NOT_ACCESSIBLE,
    tableColumns: ifXColumns,
    tableAugments: 'ifTable',
    handler: (request) => {
      const { column, ifIndex } = cellOf(request);
      const s = element.byIfIndex.get(ifIndex);
      const value = s ? ifXEntryCell(s, column, now()) : undefined;
      request.instanceNode.value = value ?? null;
      request.done();
    },
  });
  const t = now();
  for (const s of element.interfaces) {
    mib.addTableRow(
      'ifTable',
      ifColumns.map((c) => ifEntryCell(element, s, c.number, t) ?? placeholder(c.type)),
    );
    mib.addTableRow('ifXTable', [
      s.iface.ifIndex,
      ...ifXColumns.map((c) =>
        c.type === 70 ? placeholder(c.type) : (ifXEntryCell(s, c.number, t) ?? placeholder(c.type)),
      ),
    ]);
  }
  // net-snmp decorates every table varbind of a response with the whole row
  // (getTableRowCells, twice per varbind, each a scan of every column's children) for the
  // agent callback's benefit; nothing goes on the wire from it and our callback ignores
  // it. Measured: a third of the agent's CPU on an 82-interface element. Rows are read
  // here only through our own model, so the decoration is switched off for this Mib.
  mib.getTableRowCells = () => null;
  return mib;
}

export interface ElementAgentOptions {
  port: number;
  community: string;
  onError: (error: AgentError) => void;
}

/** The agent of one element: started and stopped as the element lives and dies. */
export class ElementAgent {
  private agent: NetSnmpAgent | null = null;

  constructor(
    readonly address: string,
    private readonly mib: NetSnmpMib,
    private readonly options: ElementAgentOptions,
  ) {}

  get running(): boolean {
    return this.agent !== null;
  }

  /**
   * Binds the agent; resolves once its socket listens, rejects if the bind fails (e.g.
   * EADDRINUSE: another simulator on the same port).
   */
  start(): Promise<void> {
    if (this.agent) return Promise.resolve();
    let bindError: ((error: Error) => void) | null = null;
    const agent = createAgent(
      {
        port: this.options.port,
        address: this.address,
        transport: 'udp4',
        disableAuthorization: false,
      },
      (error) => {
        if (!error) return;
        if (bindError && !error.rinfo) bindError(error);
        else this.options.onError(error);
      },
      this.mib,
    );
    const authorizer = (
      agent as unknown as { getAuthorizer(): { addCommunity(c: string): void } }
    ).getAuthorizer();
    authorizer.addCommunity(this.options.community);
    this.agent = agent;
    // net-snmp does not say when its socket is bound; its Listener keeps the dgram sockets.
    const sockets = Object.values(
      (agent as unknown as { listener?: { sockets?: Record<string, Socket> } }).listener?.sockets ??
        {},
    );
    return Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            bindError = (error) => {
              this.agent = null;
              agent.close();
              reject(
                new Error(`cannot bind ${this.address}:${this.options.port}: ${error.message}`),
              );
            };
            socket.once('listening', () => {
              bindError = null;
              resolve();
            });
          }),
      ),
    ).then(() => undefined);
  }

  /** Closes the socket; resolves once it is closed. */
  stop(): Promise<void> {
    const agent = this.agent;
    this.agent = null;
    if (!agent) return Promise.resolve();
    return new Promise((resolve) => {
      try {
        agent.close(() => resolve());
      } catch {
        resolve();
      }
    });
  }
}

import type {
  FindingKind,
  FindingSeverity,
  InspectionFindingDto,
} from './dto/inspection-report.dto';
import { percent } from './report-text';
import type { ReportLanguage } from './report.document';

/** What the inspection knows of one circuit over the period. */
export interface CircuitHealth {
  circuitId: string;
  circuitName: string;
  /** The A-end element (CPE). */
  deviceId: string;
  /** Last poll of the A-end interface; null if never polled. */
  lastPolledAt: Date | null;
  /** Expected poll interval of the A-end element, seconds. */
  pollIntervalSec: number;
  /** When the A-end element last restarted (from sysUpTime at its last poll); null if unknown. */
  restartedAt: Date | null;
  /** linkDown alarms raised on the circuit in the period. */
  linkDowns: number;
  /** Mean errors and discards per second over the period (both directions). */
  errorsPerSec: number | null;
  discardsPerSec: number | null;
  p95Util: number | null;
  /** Availability below the SLA target in the period. */
  slaBreached: boolean;
  availability: number | null;
}

export interface InspectionRules {
  upgradeThreshold: number;
}

const WORDS = {
  'zh-CN': {
    'no-recent-samples': [
      '长时间未采集到性能数据',
      '检查网管可达性（SNMP 团体名、ACL、设备在线状态），必要时派单现场检查',
    ],
    flapping: ['链路频繁中断（闪断）', '检查接入光缆/尾纤与端口，更换光模块，必要时更换路由'],
    'high-error-rate': ['接口误码率高', '清洁或更换光模块、尾纤，检查双工协商'],
    'high-discard-rate': ['接口丢包（discard）偏高', '检查 QoS 队列与突发流量，考虑扩容'],
    'long-high-utilisation': ['带宽利用率长期偏高', '建议扩容带宽或调整流量'],
    'device-rebooted': ['设备重启', '核查设备日志、电源与温度，确认重启原因'],
    'sla-breached': ['可用率未达 SLA 承诺', '复盘本期中断原因，制定整改措施并告知客户'],
  },
  en: {
    'no-recent-samples': [
      'No recent performance samples',
      'Check management reachability (SNMP community, ACL, device online); dispatch a site visit if needed',
    ],
    flapping: [
      'Link flapping',
      'Check the access fibre, patch cords and port; replace the optics; consider another route',
    ],
    'high-error-rate': [
      'High interface error rate',
      'Clean or replace optics and patch cords; check duplex negotiation',
    ],
    'high-discard-rate': ['High discard rate', 'Check QoS queues and bursts; consider an upgrade'],
    'long-high-utilisation': [
      'Utilisation high for long periods',
      'Upgrade the bandwidth or re-balance the traffic',
    ],
    'device-rebooted': [
      'Device restarted',
      'Check the device log, power and temperature for the cause',
    ],
    'sla-breached': [
      'Availability below the SLA target',
      'Review the outages of the period, agree corrective actions with the customer',
    ],
  },
} as const satisfies Record<ReportLanguage, Record<FindingKind, readonly [string, string]>>;

const SEVERITY_ORDER: Record<FindingSeverity, number> = { critical: 0, major: 1, minor: 2 };

/**
 * The inspection's findings, most urgent first (severity, then how far the value is past
 * its threshold, then circuit id). Pure: the builder gathers the health facts.
 */
export function inspectionFindings(
  health: readonly CircuitHealth[],
  period: { from: Date; to: Date },
  rules: InspectionRules,
  language: ReportLanguage,
): InspectionFindingDto[] {
  type Raw = Omit<InspectionFindingDto, 'rank' | 'detail' | 'action'> & {
    excess: number;
    note: string;
  };
  const raw: Raw[] = [];
  const add = (
    h: CircuitHealth,
    kind: FindingKind,
    severity: FindingSeverity,
    value: number,
    excess: number,
    note: string,
    deviceId: string | null = null,
  ): void => {
    raw.push({
      kind,
      severity,
      value,
      excess,
      note,
      circuitId: h.circuitId,
      circuitName: h.circuitName,
      deviceId,
    });
  };
  const end = period.to.getTime();
  for (const h of health) {
    const silentMs = h.lastPolledAt ? end - h.lastPolledAt.getTime() : null;
    const allowedMs = Math.max(15 * 60_000, 3 * h.pollIntervalSec * 1000);
    if (silentMs === null || silentMs > allowedMs) {
      add(
        h,
        'no-recent-samples',
        'critical',
        silentMs === null ? -1 : silentMs / 1000,
        silentMs === null ? Infinity : silentMs / allowedMs,
        silentMs === null ? '—' : `${Math.round(silentMs / 60_000)} min`,
        h.deviceId,
      );
    }
    if (h.slaBreached)
      add(
        h,
        'sla-breached',
        'critical',
        h.availability ?? 0,
        1 - (h.availability ?? 0),
        percent(h.availability),
      );
    if (h.linkDowns >= 3)
      add(
        h,
        'flapping',
        h.linkDowns >= 10 ? 'critical' : 'major',
        h.linkDowns,
        h.linkDowns / 3,
        `${h.linkDowns}×`,
      );
    if (h.errorsPerSec !== null && h.errorsPerSec > 0.01) {
      add(
        h,
        'high-error-rate',
        h.errorsPerSec > 0.1 ? 'major' : 'minor',
        h.errorsPerSec,
        h.errorsPerSec / 0.01,
        `${h.errorsPerSec.toFixed(3)}/s`,
      );
    }
    if (h.discardsPerSec !== null && h.discardsPerSec > 1) {
      add(
        h,
        'high-discard-rate',
        'minor',
        h.discardsPerSec,
        h.discardsPerSec,
        `${h.discardsPerSec.toFixed(2)}/s`,
      );
    }
    if (h.p95Util !== null && h.p95Util >= rules.upgradeThreshold) {
      add(
        h,
        'long-high-utilisation',
        h.p95Util >= 0.95 ? 'critical' : 'major',
        h.p95Util,
        h.p95Util / rules.upgradeThreshold,
        `P95 ${percent(h.p95Util, 1)}`,
      );
    }
    if (h.restartedAt && h.restartedAt >= period.from && h.restartedAt < period.to) {
      add(
        h,
        'device-rebooted',
        'minor',
        h.restartedAt.getTime(),
        1,
        h.restartedAt.toISOString().slice(0, 16).replace('T', ' ') + 'Z',
        h.deviceId,
      );
    }
  }
  raw.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      b.excess - a.excess ||
      a.circuitId.localeCompare(b.circuitId) ||
      a.kind.localeCompare(b.kind),
  );
  const words = WORDS[language];
  return raw.map(({ excess: _excess, note, ...f }, k) => ({
    ...f,
    rank: k + 1,
    detail: `${words[f.kind][0]}: ${note}`,
    action: words[f.kind][1],
  }));
}

import type { ReportLanguage } from './report.document';

/** The words of the PDFs and mails, zh-CN first. */
const TEXT = {
  'zh-CN': {
    vipTitle: 'VIP 客户服务质量报告',
    inspectionTitle: '网络巡检报告',
    assuranceTitle: '重要时期保障报告',
    period: '报告周期',
    generated: '生成时间',
    preparedBy: 'CircuitCare 政企客户服务',
    confidential: '本报告仅供客户内部使用',
    page: (p: number, n: number) => `第 ${p} 页 / 共 ${n} 页`,
    summary: '一、总体情况',
    keyFigures: '关键指标',
    circuits: '电路数',
    meanAvailability: '平均可用率',
    worstAvailability: '最低可用率',
    meetingSla: '达到 SLA 的电路',
    breachingSla: '未达 SLA 的电路',
    unplannedDown: '非计划中断时长',
    plannedDown: '计划维护时长（不计入）',
    incidents: '故障工单',
    mttr: '平均修复时长 (MTTR)',
    restoreCompliance: '修复时限达标率',
    responseCompliance: '响应时限达标率',
    upgradeCandidates: '建议扩容电路',
    assuranceWindows: '重保时段',
    availabilitySection: '二、电路可用率（已扣除计划维护）',
    worstCircuits: '可用率最低的电路',
    circuit: '电路',
    product: '产品',
    sla: 'SLA 等级',
    target: '目标',
    availability: '可用率',
    status: '状态',
    met: '达标',
    breached: '未达标',
    downIntervals: '中断时段',
    from: '开始',
    to: '结束',
    duration: '时长',
    noDown: '本期无非计划中断。',
    incidentsSection: '三、故障与修复',
    ticket: '工单',
    impact: '业务影响',
    priority: '优先级',
    created: '受理时间',
    repair: '修复时长',
    cause: '故障原因',
    location: '故障位置',
    noIncidents: '本期无故障工单。',
    byCause: '故障原因分布',
    utilisationSection: '四、带宽利用率',
    topUtilisation: '95 百分位利用率最高的电路',
    bandwidth: '带宽',
    p95: 'P95 利用率',
    max: '峰值利用率',
    mean: '平均利用率',
    upgrade: '扩容建议',
    upgradeAdvice: (threshold: string) =>
      `以下电路本期 95 百分位利用率达到或超过 ${threshold}，建议扩容：`,
    noUpgrade: '本期没有需要扩容的电路。',
    assuranceSection: '五、重要时期保障',
    window: '保障时段',
    alarms: '告警',
    notices: '主动通知',
    noAssurance: '本期无重保时段。',
    trendSection: '六、趋势（与前期对比）',
    trendChart: '可用率与故障数趋势',
    appendix: '附录：全部电路明细',
    noSamples: '无数据',
    minutes: '分钟',
    summaryText: (s: SummaryWords) =>
      `本期共 ${s.circuits} 条电路，平均可用率 ${s.meanAvailability}，其中 ${s.meetingSla} 条达到 SLA 承诺、${s.breachingSla} 条未达标；` +
      `受理故障工单 ${s.incidents} 张，平均修复时长 ${s.mttr}，修复时限达标率 ${s.restoreCompliance}；${s.upgradeCandidates} 条电路建议扩容。`,
    findings: '巡检发现',
    severity: '严重程度',
    finding: '问题',
    action: '建议措施',
    noFindings: '本次巡检未发现问题。',
    healthy: '健康电路',
  },
  en: {
    vipTitle: 'VIP Service Quality Report',
    inspectionTitle: 'Network Inspection Report',
    assuranceTitle: 'Key-Period Assurance Report',
    period: 'Period',
    generated: 'Generated',
    preparedBy: 'CircuitCare enterprise customer service',
    confidential: 'For the customer’s internal use only',
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    summary: '1. Summary',
    keyFigures: 'Key figures',
    circuits: 'Circuits',
    meanAvailability: 'Mean availability',
    worstAvailability: 'Lowest availability',
    meetingSla: 'Circuits meeting SLA',
    breachingSla: 'Circuits missing SLA',
    unplannedDown: 'Unplanned down time',
    plannedDown: 'Planned maintenance (excluded)',
    incidents: 'Fault tickets',
    mttr: 'Mean time to repair (MTTR)',
    restoreCompliance: 'Restored within SLA',
    responseCompliance: 'Responded within SLA',
    upgradeCandidates: 'Upgrade recommended',
    assuranceWindows: 'Assurance windows',
    availabilitySection: '2. Circuit availability (planned maintenance excluded)',
    worstCircuits: 'Circuits with the lowest availability',
    circuit: 'Circuit',
    product: 'Product',
    sla: 'SLA class',
    target: 'Target',
    availability: 'Availability',
    status: 'Status',
    met: 'met',
    breached: 'missed',
    downIntervals: 'Down intervals',
    from: 'From',
    to: 'To',
    duration: 'Duration',
    noDown: 'No unplanned outage in this period.',
    incidentsSection: '3. Incidents and repairs',
    ticket: 'Ticket',
    impact: 'Impact',
    priority: 'Priority',
    created: 'Opened',
    repair: 'Repair time',
    cause: 'Cause',
    location: 'Location',
    noIncidents: 'No fault ticket in this period.',
    byCause: 'Incidents by cause',
    utilisationSection: '4. Bandwidth utilisation',
    topUtilisation: 'Circuits with the highest p95 utilisation',
    bandwidth: 'Bandwidth',
    p95: 'p95 utilisation',
    max: 'Peak utilisation',
    mean: 'Mean utilisation',
    upgrade: 'Upgrade to',
    upgradeAdvice: (threshold: string) =>
      `These circuits ran at or above ${threshold} at the 95th percentile; an upgrade is recommended:`,
    noUpgrade: 'No circuit needs an upgrade this period.',
    assuranceSection: '5. Key-period assurance',
    window: 'Window',
    alarms: 'Alarms',
    notices: 'Notices',
    noAssurance: 'No assurance window in this period.',
    trendSection: '6. Trend against previous periods',
    trendChart: 'Availability and incidents',
    appendix: 'Appendix: every circuit',
    noSamples: 'no data',
    minutes: 'min',
    summaryText: (s: SummaryWords) =>
      `${s.circuits} circuits had a mean availability of ${s.meanAvailability}; ${s.meetingSla} met their SLA and ${s.breachingSla} missed it. ` +
      `${s.incidents} fault tickets were handled with a mean time to repair of ${s.mttr}, ${s.restoreCompliance} restored within the SLA; ` +
      `${s.upgradeCandidates} circuits should be upgraded.`,
    findings: 'Findings',
    severity: 'Severity',
    finding: 'Finding',
    action: 'Suggested action',
    noFindings: 'The inspection found nothing to act on.',
    healthy: 'Healthy circuits',
  },
} as const;

export interface SummaryWords {
  circuits: number;
  meanAvailability: string;
  meetingSla: number;
  breachingSla: number;
  incidents: number;
  mttr: string;
  restoreCompliance: string;
  upgradeCandidates: number;
}

export type ReportText = (typeof TEXT)['en'];

export function textOf(language: ReportLanguage): ReportText {
  return TEXT[language] as ReportText;
}

export function percent(value: number | null, digits = 3): string {
  return value === null ? '–' : `${(value * 100).toFixed(digits)}%`;
}

export function bandwidth(bps: number | null): string {
  if (bps === null) return '–';
  if (bps >= 1e9) return `${+(bps / 1e9).toFixed(2)}G`;
  if (bps >= 1e6) return `${+(bps / 1e6).toFixed(2)}M`;
  if (bps >= 1e3) return `${+(bps / 1e3).toFixed(1)}k`;
  return `${Math.round(bps)}`;
}

/** `1 h 23 min 45 s` / `1小时23分45秒`, to the second. */
export function duration(seconds: number | null, language: ReportLanguage): string {
  if (seconds === null) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (language === 'zh-CN') return `${h ? `${h}小时` : ''}${h || m ? `${m}分` : ''}${r}秒`;
  return `${h ? `${h} h ` : ''}${h || m ? `${m} min ` : ''}${r} s`;
}

export function minutes(value: number | null, language: ReportLanguage): string {
  return value === null ? '–' : duration(value * 60, language);
}

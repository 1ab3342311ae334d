/**
 * Labels of the API's enumerations in both languages, shared by web and mobile (their
 * page texts differ; what `down` or `pe` is called does not). Merged under `enum.` into
 * each app's translations: `'enum.state.down' | translate`.
 */
const zhCN = {
  state: { up: '正常', degraded: '劣化', down: '中断', unknown: '未知' },
  severity: {
    critical: '紧急',
    major: '重要',
    minor: '次要',
    warning: '提示',
    indeterminate: '不确定',
    cleared: '已清除',
  },
  alarmState: { raised: '活动', cleared: '已清除' },
  ackState: { acknowledged: '已确认', unacknowledged: '未确认' },
  alarmType: {
    communicationsAlarm: '通信告警',
    qualityOfServiceAlarm: '服务质量告警',
    equipmentAlarm: '设备告警',
  },
  product: {
    'leased-line': '数字专线',
    'mpls-vpn': 'MPLS VPN',
    internet: '互联网专线',
    vpdn: 'VPDN 无线专网',
  },
  slaClass: { platinum: '白金', gold: '金牌', silver: '银牌', bronze: '铜牌' },
  segment: { 'customer-side': '客户侧', access: '接入网', pe: 'PE 设备', core: '核心网' },
  hopRole: { cpe: '客户端设备', access: '接入设备', pe: 'PE', core: '核心设备' },
  linkKind: {
    access: '接入链路',
    aggregation: '汇聚链路',
    backbone: '骨干链路',
    wireless: '无线链路',
  },
  role: {
    'customer-admin': '客户管理员',
    'customer-engineer': '客户工程师',
    'customer-viewer': '客户只读用户',
    'account-manager': '客户经理',
    'noc-operator': '网管中心值班员',
    'field-engineer': '现场工程师',
    'platform-admin': '平台管理员',
  },
  siteKind: {
    'head-office': '总行',
    province: '省分行',
    city: '市分行',
    outlet: '网点',
    pop: '局端机房',
    idc: '数据中心',
  },
  orgLevel: { 'head-office': '总行', province: '省分行', city: '市分行', outlet: '网点' },
  evidenceKind: { alarm: '告警', 'oper-down': '端口中断', silent: '设备失联' },
  suspectKind: { element: '设备', link: '链路', interface: '端口' },
  granularity: { raw: '原始采样', '5m': '5 分钟', '1h': '1 小时', '1d': '1 天' },
  sla: { met: '达标', breached: '未达标' },
  availabilitySource: { alarm: '告警', 'oper-status': '端口状态采样', maintenance: '计划维护' },
  maintenanceStatus: {
    planned: '待审批',
    approved: '已批准',
    cancelled: '已取消',
    completed: '已完成',
  },
  outcome: { success: '成功', failure: '失败' },
};

export type SharedLabels = typeof zhCN;

/** `satisfies` makes a missing or extra English label a compile error. */
const en = {
  state: { up: 'Up', degraded: 'Degraded', down: 'Down', unknown: 'Unknown' },
  severity: {
    critical: 'Critical',
    major: 'Major',
    minor: 'Minor',
    warning: 'Warning',
    indeterminate: 'Indeterminate',
    cleared: 'Cleared',
  },
  alarmState: { raised: 'Active', cleared: 'Cleared' },
  ackState: { acknowledged: 'Acknowledged', unacknowledged: 'Unacknowledged' },
  alarmType: {
    communicationsAlarm: 'Communications',
    qualityOfServiceAlarm: 'Quality of service',
    equipmentAlarm: 'Equipment',
  },
  product: {
    'leased-line': 'Leased line',
    'mpls-vpn': 'MPLS VPN',
    internet: 'Internet access',
    vpdn: 'VPDN',
  },
  slaClass: { platinum: 'Platinum', gold: 'Gold', silver: 'Silver', bronze: 'Bronze' },
  segment: { 'customer-side': 'Customer side', access: 'Access network', pe: 'PE', core: 'Core' },
  hopRole: { cpe: 'CPE', access: 'Access', pe: 'PE', core: 'Core' },
  linkKind: {
    access: 'Access link',
    aggregation: 'Aggregation link',
    backbone: 'Backbone link',
    wireless: 'Wireless link',
  },
  role: {
    'customer-admin': 'Customer admin',
    'customer-engineer': 'Customer engineer',
    'customer-viewer': 'Customer viewer',
    'account-manager': 'Account manager',
    'noc-operator': 'NOC operator',
    'field-engineer': 'Field engineer',
    'platform-admin': 'Platform admin',
  },
  siteKind: {
    'head-office': 'Head office',
    province: 'Provincial branch',
    city: 'City branch',
    outlet: 'Outlet',
    pop: 'PoP',
    idc: 'Data centre',
  },
  orgLevel: { 'head-office': 'Head office', province: 'Province', city: 'City', outlet: 'Outlet' },
  evidenceKind: { alarm: 'Alarm', 'oper-down': 'Port down', silent: 'Not answering' },
  suspectKind: { element: 'Element', link: 'Link', interface: 'Port' },
  granularity: { raw: 'Raw samples', '5m': '5 minutes', '1h': '1 hour', '1d': '1 day' },
  sla: { met: 'Met', breached: 'Breached' },
  availabilitySource: {
    alarm: 'Alarm',
    'oper-status': 'Port status polls',
    maintenance: 'Planned maintenance',
  },
  maintenanceStatus: {
    planned: 'Planned',
    approved: 'Approved',
    cancelled: 'Cancelled',
    completed: 'Completed',
  },
  outcome: { success: 'Success', failure: 'Failure' },
} satisfies SharedLabels;

export function sharedLabels(lang: 'zh-CN' | 'en'): { enum: SharedLabels } {
  return { enum: lang === 'en' ? en : zhCN };
}

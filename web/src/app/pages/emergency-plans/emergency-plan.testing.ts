import type { EmergencyPlanDto } from '@circuitcare/client';

/** A plan as the API returns it, for the page and panel specs. */
export const testPlan = (over: Partial<EmergencyPlanDto> = {}): EmergencyPlanDto => ({
  id: 'ep-1',
  version: 3,
  customerId: 'bank-a',
  title: '金桥支行专线中断应急预案',
  scenario: '专线中断超过 5 分钟',
  circuitIds: ['bank-a-MPLS-0053'],
  siteIds: [],
  contacts: [
    { level: 1, name: '王工', role: '网络值班', phone: '+86 138 0000 0001', email: null },
    { level: 2, name: '李主任', role: '科技部主任', phone: '027-8888 0002', email: 'li@a.example' },
  ],
  steps: [
    { order: 1, action: '确认网点业务影响', owner: '网点' },
    { order: 2, action: '启用 4G 备份线路', owner: '网络值班' },
  ],
  updatedBy: 'bank-a.admin',
  updatedAt: '2026-12-07T02:00:00.000Z',
  ...over,
});

import { type Db, GridFSBucket } from 'mongodb';

import type { AnnouncementDocument } from '../../../src/announcements/announcement.document';
import type { AssuranceWindowDocument } from '../../../src/assurance/assurance-window.document';
import { DEFAULT_ASSURANCE_THRESHOLDS } from '../../../src/assurance/assurance-window.document';
import { COLLECTIONS } from '../../../src/database/collections';
import type { EmergencyPlanDocument } from '../../../src/emergency-plans/emergency-plan.document';
import type { ReportDocument, ReportScheduleDocument } from '../../../src/reports/report.document';
import type { FixtureRef } from './matrix-fixture';
import { type Compartment, CUSTOMER_A, CUSTOMER_B } from './matrix-scope';

/** The fixture kinds of issue 7's routes (reports, assurance, announcements, plans). */
export type ReportsFixtureKind =
  'reports' | 'reportSchedules' | 'assuranceWindows' | 'announcements' | 'emergencyPlans';

/** `{id}` after these path segments names one of them (openapi-walker ID_SEGMENTS). */
export const REPORTS_ID_SEGMENTS: Record<string, ReportsFixtureKind> = {
  reports: 'reports',
  'report-schedules': 'reportSchedules',
  'assurance-windows': 'assuranceWindows',
  announcements: 'announcements',
  'emergency-plans': 'emergencyPlans',
};

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * One object of each kind per bank (and per branch where the kind is branch-scoped), each
 * named with its compartment's marker, as the modules would store them.
 */
export async function seedReportsMatrix(
  db: Db,
  now: Date,
): Promise<{
  refs: Record<ReportsFixtureKind, FixtureRef[]>;
  missing: Record<ReportsFixtureKind, string>;
}> {
  const DAY = 86_400_000;
  const ago = (ms: number): Date => new Date(now.getTime() - ms);
  const report = (marker: 'tnqa' | 'tnqb', customerId: string): ReportDocument => ({
    _id: `rpt-${marker}-1`,
    kind: 'vip',
    customerId,
    from: ago(30 * DAY),
    to: ago(DAY),
    language: 'zh-CN',
    state: 'done',
    progress: 100,
    stage: 'done',
    requestedBy: `user-am.${marker}`,
    requestedByName: `am.${marker}`,
    scheduleId: null,
    assuranceWindowId: null,
    createdAt: ago(DAY),
    startedAt: ago(DAY),
    finishedAt: ago(DAY),
    error: null,
    data: { kind: 'vip', customerId, label: `report ${marker}` },
    pdfFileId: `rpt-${marker}-1.pdf`,
    pdfBytes: PDF.length,
    delivery: null,
    attempts: 1,
  });
  const reports = [report('tnqa', CUSTOMER_A), report('tnqb', CUSTOMER_B)];
  await db.collection<ReportDocument>(COLLECTIONS.reports).insertMany(reports);
  const bucket = new GridFSBucket(db, { bucketName: COLLECTIONS.reportFilesBucket });
  for (const r of reports) {
    await new Promise<void>((resolve, reject) => {
      const up = bucket.openUploadStreamWithId(r.pdfFileId as never, r.pdfFileId!);
      up.once('finish', () => resolve());
      up.once('error', reject);
      up.end(PDF);
    });
  }
  const schedule = (marker: 'tnqa' | 'tnqb', customerId: string): ReportScheduleDocument => ({
    _id: `rs-${marker}-1`,
    customerId,
    kind: 'vip',
    language: 'zh-CN',
    dayOfMonth: 28,
    recipients: [`director@${marker}.example`],
    enabled: false,
    ownerUserId: `user-am.${marker}`,
    ownerName: `am.${marker}`,
    createdAt: ago(DAY),
    updatedAt: ago(DAY),
    lastPeriod: null,
    lastReportId: null,
  });
  await db
    .collection<ReportScheduleDocument>(COLLECTIONS.reportSchedules)
    .insertMany([schedule('tnqa', CUSTOMER_A), schedule('tnqb', CUSTOMER_B)]);

  const window = (
    marker: Compartment,
    customerId: string,
    orgUnitIds: string[],
  ): AssuranceWindowDocument => ({
    _id: `as-${marker}-1`,
    customerId,
    orgUnitIds,
    title: `重保 ${marker}`,
    reason: `year-end ${marker}`,
    circuitIds: [`ckt-${marker}-1`],
    start: new Date(now.getTime() + DAY),
    end: new Date(now.getTime() + 2 * DAY),
    status: 'requested',
    pollIntervalSec: 10,
    thresholds: DEFAULT_ASSURANCE_THRESHOLDS,
    priority: 'P1',
    contacts: [{ name: `duty ${marker}`, email: `duty@${marker}.example`, phone: null }],
    requestedBy: `user-am.${customerId === CUSTOMER_A ? 'tnqa' : 'tnqb'}`,
    requestedByName: 'am',
    requestedAt: ago(DAY),
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    noticedAlarmIds: [],
    reportId: null,
    version: 1,
  });
  const windows = [
    window('mxawh', CUSTOMER_A, ['ou-tnqa-root', 'ou-tnqa-hb', 'ou-tnqa-mxawh']),
    window('mxbcd', CUSTOMER_B, ['ou-tnqb-root', 'ou-tnqb-mxbcd']),
  ];
  await db.collection<AssuranceWindowDocument>(COLLECTIONS.assuranceWindows).insertMany(windows);

  const announcement = (marker: 'tnqa' | 'tnqb', customerId: string): AnnouncementDocument => ({
    _id: `ann-${marker}-1`,
    kind: 'platform',
    title: `通知 ${marker}`,
    body: `For ${marker} only`,
    audience: 'customers',
    customerIds: [customerId],
    orgUnitIds: [],
    maintenanceWindowId: null,
    publishAt: ago(DAY),
    expiresAt: new Date(now.getTime() + DAY),
    createdBy: 'noc.ops',
    createdAt: ago(DAY),
    notified: [],
    notifiedAt: null,
  });
  await db
    .collection<AnnouncementDocument>(COLLECTIONS.announcements)
    .insertMany([announcement('tnqa', CUSTOMER_A), announcement('tnqb', CUSTOMER_B)]);

  const plan = (marker: Compartment, customerId: string): EmergencyPlanDocument => ({
    _id: `ep-${marker}-1@1`,
    planId: `ep-${marker}-1`,
    version: 1,
    customerId,
    title: `预案 ${marker}`,
    scenario: `outage ${marker}`,
    circuitIds: [`ckt-${marker}-1`],
    siteIds: [`site-${marker}-1`],
    contacts: [{ level: 1, name: `duty ${marker}`, role: 'duty', phone: null, email: null }],
    steps: [{ order: 1, action: `call NOC for ${marker}`, owner: 'duty' }],
    latest: true,
    updatedBy: 'adm',
    updatedAt: ago(DAY),
  });
  await db
    .collection<EmergencyPlanDocument>(COLLECTIONS.emergencyPlans)
    .insertMany([plan('mxawh', CUSTOMER_A), plan('mxbcd', CUSTOMER_B)]);

  return {
    refs: {
      reports: [
        { id: 'rpt-tnqa-1', compartments: ['tnqa'] },
        { id: 'rpt-tnqb-1', compartments: ['tnqb'] },
      ],
      reportSchedules: [
        { id: 'rs-tnqa-1', compartments: ['tnqa'] },
        { id: 'rs-tnqb-1', compartments: ['tnqb'] },
      ],
      assuranceWindows: [
        { id: 'as-mxawh-1', compartments: ['mxawh'] },
        { id: 'as-mxbcd-1', compartments: ['mxbcd'] },
      ],
      announcements: [
        { id: 'ann-tnqa-1', compartments: ['tnqa'] },
        { id: 'ann-tnqb-1', compartments: ['tnqb'] },
      ],
      emergencyPlans: [
        { id: 'ep-mxawh-1', compartments: ['mxawh'] },
        { id: 'ep-mxbcd-1', compartments: ['mxbcd'] },
      ],
    },
    missing: {
      reports: 'rpt-none-1',
      reportSchedules: 'rs-none-1',
      assuranceWindows: 'as-none-1',
      announcements: 'ann-none-1',
      emergencyPlans: 'ep-none-1',
    },
  };
}

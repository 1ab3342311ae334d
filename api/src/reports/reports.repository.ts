import type { Readable } from 'node:stream';

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Collection, type Db, type Filter, GridFSBucket } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { skipOf } from '../common/paging/page-query.dto';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type { UserDocument } from '../database/documents';
import { ensureIndexes } from '../database/ensure-indexes';
import { withCustomerWideScope } from './report-scope.filter';
import type {
  ReportDelivery,
  ReportDocument,
  ReportKind,
  ReportScheduleDocument,
} from './report.document';

export interface ReportCriteria {
  customerId?: string;
  kind?: ReportKind;
}

/**
 * Reports, their PDFs (GridFS bucket `reportFiles`) and monthly schedules. Reads for
 * users take their scope; the job's own reads and writes go by id (the job re-derives
 * the requester's scope before it reads any network data).
 */
@Injectable()
export class ReportsRepository implements OnModuleInit {
  private readonly reports: Collection<ReportDocument>;
  private readonly schedules: Collection<ReportScheduleDocument>;
  private readonly users: Collection<UserDocument>;
  private readonly bucket: GridFSBucket;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.reports = db.collection(COLLECTIONS.reports);
    this.schedules = db.collection(COLLECTIONS.reportSchedules);
    this.users = db.collection(COLLECTIONS.users);
    this.bucket = new GridFSBucket(db, {
      bucketName: COLLECTIONS.reportFilesBucket,
      chunkSizeBytes: 255 * 1024,
    });
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.reports, [{ key: { customerId: 1, createdAt: -1 } }]);
    await ensureIndexes(this.schedules, [{ key: { customerId: 1 } }]);
  }

  async insert(doc: ReportDocument): Promise<void> {
    await this.reports.insertOne(doc);
  }

  findById(scope: AccessScope, id: string): Promise<ReportDocument | null> {
    return this.reports.findOne(withCustomerWideScope<ReportDocument>(scope, { _id: id }));
  }

  /** For the job: by id alone. */
  byId(id: string): Promise<ReportDocument | null> {
    return this.reports.findOne({ _id: id });
  }

  async list(
    scope: AccessScope,
    criteria: ReportCriteria,
    page: PageRequest,
  ): Promise<PageResult<ReportDocument>> {
    const c: Filter<ReportDocument> = {};
    if (criteria.customerId) c.customerId = criteria.customerId;
    if (criteria.kind) c.kind = criteria.kind;
    const filter = withCustomerWideScope<ReportDocument>(scope, c);
    const [items, total] = await Promise.all([
      this.reports
        .find(filter, { projection: { data: 0 } })
        .sort({ createdAt: -1, _id: 1 })
        .skip(skipOf(page))
        .limit(page.pageSize)
        .toArray(),
      this.reports.countDocuments(filter),
    ]);
    return { items, total };
  }

  /** queued (or a running one whose worker died) → running; null when done or failed already. */
  start(id: string, now: Date): Promise<ReportDocument | null> {
    return this.reports.findOneAndUpdate(
      { _id: id, state: { $in: ['queued', 'running'] } },
      {
        $set: { state: 'running', startedAt: now, stage: 'start', progress: 0, error: null },
        $inc: { attempts: 1 },
      },
      { returnDocument: 'after' },
    );
  }

  async progress(id: string, progress: number, stage: string): Promise<void> {
    await this.reports.updateOne(
      { _id: id, state: 'running' },
      { $set: { progress: Math.round(progress * 100), stage } },
    );
  }

  async finish(
    id: string,
    data: Record<string, unknown>,
    pdfFileId: string,
    pdfBytes: number,
    now: Date,
  ): Promise<void> {
    await this.reports.updateOne(
      { _id: id, state: 'running' },
      {
        $set: {
          state: 'done',
          progress: 100,
          stage: 'done',
          data,
          pdfFileId,
          pdfBytes,
          finishedAt: now,
        },
      },
    );
  }

  async fail(id: string, error: string, now: Date): Promise<void> {
    await this.reports.updateOne(
      { _id: id, state: { $in: ['queued', 'running'] } },
      { $set: { state: 'failed', stage: 'failed', error: error.slice(0, 300), finishedAt: now } },
    );
  }

  async setDelivery(id: string, delivery: ReportDelivery): Promise<void> {
    await this.reports.updateOne({ _id: id }, { $set: { delivery } });
  }

  async storePdf(id: string, content: Buffer, customerId: string): Promise<string> {
    const fileId = `${id}.pdf`;
    // A retried job stores the file again under the same id: remove the earlier one first.
    await this.bucket.delete(fileId as never).catch(() => undefined);
    await new Promise<void>((resolve, reject) => {
      const upload = this.bucket.openUploadStreamWithId(fileId as never, fileId, {
        metadata: { reportId: id, customerId, contentType: 'application/pdf' },
      });
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(content);
    });
    return fileId;
  }

  openPdf(fileId: string): Readable {
    return this.bucket.openDownloadStream(fileId as never);
  }

  async readPdf(fileId: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.openPdf(fileId)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  activeUser(id: string): Promise<UserDocument | null> {
    return this.users.findOne({ _id: id, disabled: false });
  }

  // Schedules

  async insertSchedule(doc: ReportScheduleDocument): Promise<void> {
    await this.schedules.insertOne(doc);
  }

  findSchedule(scope: AccessScope, id: string): Promise<ReportScheduleDocument | null> {
    return this.schedules.findOne(
      withCustomerWideScope<ReportScheduleDocument>(scope, { _id: id }),
    );
  }

  async listSchedules(
    scope: AccessScope,
    customerId: string | undefined,
    page: PageRequest,
  ): Promise<PageResult<ReportScheduleDocument>> {
    const filter = withCustomerWideScope<ReportScheduleDocument>(
      scope,
      customerId ? { customerId } : {},
    );
    const [items, total] = await Promise.all([
      this.schedules
        .find(filter)
        .sort({ customerId: 1, _id: 1 })
        .skip(skipOf(page))
        .limit(page.pageSize)
        .toArray(),
      this.schedules.countDocuments(filter),
    ]);
    return { items, total };
  }

  updateSchedule(
    scope: AccessScope,
    id: string,
    set: Partial<ReportScheduleDocument>,
  ): Promise<ReportScheduleDocument | null> {
    return this.schedules.findOneAndUpdate(
      withCustomerWideScope<ReportScheduleDocument>(scope, { _id: id }),
      { $set: set },
      { returnDocument: 'after' },
    );
  }

  async deleteSchedule(scope: AccessScope, id: string): Promise<boolean> {
    const r = await this.schedules.deleteOne(
      withCustomerWideScope<ReportScheduleDocument>(scope, { _id: id }),
    );
    return r.deletedCount === 1;
  }

  enabledSchedules(): Promise<ReportScheduleDocument[]> {
    return this.schedules.find({ enabled: true }).toArray();
  }

  /**
   * Claims a schedule's month: one guarded update, so that of several replicas (or a
   * repeated check) exactly one makes the month's report.
   */
  async claimScheduleMonth(
    id: string,
    previous: string | null,
    period: string,
    reportId: string,
    now: Date,
  ): Promise<boolean> {
    const r = await this.schedules.updateOne(
      { _id: id, enabled: true, lastPeriod: previous },
      { $set: { lastPeriod: period, lastReportId: reportId, updatedAt: now } },
    );
    return r.modifiedCount === 1;
  }
}

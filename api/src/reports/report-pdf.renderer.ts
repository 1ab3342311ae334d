import { Inject, Injectable } from '@nestjs/common';
import pdfmake from 'pdfmake';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { InspectionReportDataDto } from './dto/inspection-report.dto';
import type { VipReportDataDto } from './dto/vip-report.dto';
import { barChart, type ChartFonts, lineChart, pieChart, renderChart } from './report-charts';
import { localTime } from './report-period';
import { bandwidth, duration, minutes, percent, type ReportText, textOf } from './report-text';
import type { ReportLanguage } from './report.document';

type Node = Record<string, unknown> | string | Node[];

const ACCENT = '#1f4e79';
const MUTED = '#6b7785';
const TOP = 15;

/** A titled document of sections: what every report kind hands to `render`. */
export interface PdfOutline {
  title: string;
  subtitle: string;
  customer: string;
  periodText: string;
  generatedAt: string;
  language: ReportLanguage;
  sections: Node[];
}

/**
 * Lays reports out as PDF with pdfmake (tables that break across pages with their header
 * repeated, page numbers in the footer, CJK fonts embedded as subsets): a cover page,
 * then the sections. ADR 0018 says why pdfmake.
 */
@Injectable()
export class ReportPdfRenderer {
  private readonly fonts: ChartFonts;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.fonts = { regular: config.REPORT_FONT_REGULAR, family: 'Noto Sans CJK SC' };
    const allowed = new Set([config.REPORT_FONT_REGULAR, config.REPORT_FONT_BOLD]);
    // Documents are built from our own data, but nothing in them may make pdfmake fetch
    // a URL or read a file other than the fonts.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
    pdfmake.setFonts({
      NotoSansCJK: {
        normal: [config.REPORT_FONT_REGULAR, 'NotoSansCJKsc-Regular'],
        bold: [config.REPORT_FONT_BOLD, 'NotoSansCJKsc-Bold'],
        italics: [config.REPORT_FONT_REGULAR, 'NotoSansCJKsc-Regular'],
        bolditalics: [config.REPORT_FONT_BOLD, 'NotoSansCJKsc-Bold'],
      },
    });
  }

  chart(option: Parameters<typeof renderChart>[0], width = 760, height = 320): Node {
    const png = renderChart(option, width, height, this.fonts);
    return {
      image: `data:image/png;base64,${png.toString('base64')}`,
      width: 500,
      margin: [0, 6, 0, 10],
    };
  }

  async render(outline: PdfOutline): Promise<Buffer> {
    const t = textOf(outline.language);
    const definition = {
      pageSize: 'A4',
      pageMargins: [48, 56, 48, 56],
      info: {
        title: `${outline.title} ${outline.customer} ${outline.periodText}`,
        author: 'CircuitCare',
        creator: 'CircuitCare',
      },
      defaultStyle: { font: 'NotoSansCJK', fontSize: 9, lineHeight: 1.2 },
      styles: {
        h1: { fontSize: 15, bold: true, color: ACCENT, margin: [0, 12, 0, 8] },
        h2: { fontSize: 11, bold: true, color: ACCENT, margin: [0, 10, 0, 4] },
        th: { bold: true, color: '#ffffff', fillColor: ACCENT, fontSize: 8.5 },
        td: { fontSize: 8.5 },
        muted: { color: MUTED, fontSize: 8 },
      },
      header: (page: number) =>
        page === 1
          ? ''
          : {
              columns: [
                { text: `${outline.customer} · ${outline.title}`, style: 'muted' },
                { text: outline.periodText, style: 'muted', alignment: 'right' },
              ],
              margin: [48, 24, 48, 0],
            },
      footer: (page: number, pages: number) => ({
        columns: [
          { text: t.confidential, style: 'muted' },
          { text: t.page(page, pages), style: 'muted', alignment: 'right' },
        ],
        margin: [48, 16, 48, 0],
      }),
      content: [...this.cover(outline, t), ...outline.sections],
    };
    return pdfmake.createPdf(definition).getBuffer();
  }

  private cover(o: PdfOutline, t: ReportText): Node[] {
    return [
      {
        canvas: [{ type: 'rect', x: 0, y: 0, w: 499, h: 6, color: ACCENT }],
        margin: [0, 120, 0, 24],
      },
      { text: o.title, fontSize: 26, bold: true, color: ACCENT },
      { text: o.subtitle, fontSize: 12, color: MUTED, margin: [0, 4, 0, 40] },
      { text: o.customer, fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [90, '*'],
          body: [
            [{ text: t.period, color: MUTED }, o.periodText],
            [{ text: t.generated, color: MUTED }, o.generatedAt],
          ],
        },
        layout: 'noBorders',
      },
      { text: t.preparedBy, color: MUTED, margin: [0, 260, 0, 0] },
      { text: t.confidential, color: MUTED, pageBreak: 'after' },
    ];
  }
}

/** A table with a coloured header row that repeats on every page. */
export function table(headers: string[], rows: Node[][], widths?: Array<string | number>): Node {
  return {
    table: {
      headerRows: 1,
      widths: widths ?? headers.map(() => '*'),
      body: [
        headers.map((h) => ({ text: h, style: 'th' })),
        ...rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c, style: 'td' } : c))),
      ],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0,
      hLineColor: () => '#d5dbe1',
      fillColor: (row: number) => (row > 0 && row % 2 === 0 ? '#f3f6f9' : null),
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 2, 0, 8],
  };
}

function keyFigures(rows: Array<[string, string]>): Node {
  return {
    table: {
      widths: ['*', 120],
      body: rows.map(([k, v]) => [
        { text: k, color: MUTED },
        { text: v, bold: true, alignment: 'right' },
      ]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}

/** The VIP/SLA report's sections. */
export function vipSections(
  d: VipReportDataDto,
  language: ReportLanguage,
  r: ReportPdfRenderer,
): Node[] {
  const t = textOf(language);
  const s = d.summary;
  const sla = (v: 'met' | 'breached'): Node => ({
    text: v === 'met' ? t.met : t.breached,
    color: v === 'met' ? '#1e8449' : '#c0392b',
    style: 'td',
  });
  const name = (id: string): string => d.availability.find((a) => a.circuitId === id)?.name ?? id;
  const out: Node[] = [
    { text: t.summary, style: 'h1' },
    {
      text: t.summaryText({
        circuits: s.circuits,
        meanAvailability: percent(s.meanAvailability),
        meetingSla: s.meetingSla,
        breachingSla: s.breachingSla,
        incidents: s.incidents,
        mttr: minutes(s.mttrMinutes, language),
        restoreCompliance: percent(s.restoreCompliance, 1),
        upgradeCandidates: s.upgradeCandidates,
      }),
      margin: [0, 0, 0, 8],
    },
    { text: t.keyFigures, style: 'h2' },
    keyFigures([
      [t.circuits, String(s.circuits)],
      [t.meanAvailability, percent(s.meanAvailability)],
      [t.worstAvailability, percent(s.worstAvailability)],
      [t.meetingSla, String(s.meetingSla)],
      [t.breachingSla, String(s.breachingSla)],
      [t.unplannedDown, duration(s.unplannedDownSeconds, language)],
      [t.plannedDown, duration(s.plannedDownSeconds, language)],
      [t.incidents, String(s.incidents)],
      [t.mttr, minutes(s.mttrMinutes, language)],
      [t.restoreCompliance, percent(s.restoreCompliance, 1)],
      [t.upgradeCandidates, String(s.upgradeCandidates)],
      [t.assuranceWindows, String(s.assuranceWindows)],
    ]),
    { text: t.availabilitySection, style: 'h1', pageBreak: 'before' },
  ];
  const worst = d.availability.slice(0, TOP);
  if (worst.length > 0) {
    out.push(
      r.chart(
        barChart({
          title: t.worstCircuits,
          categories: worst.map((a) => a.circuitId),
          values: worst.map((a) => +(a.availability * 100).toFixed(3)),
          unit: '%',
          horizontal: true,
          min: Math.max(0, Math.floor(Math.min(...worst.map((a) => a.availability * 100), 99))),
          max: 100,
          markLine: {
            value: +(worst[0]!.target * 100).toFixed(3),
            label: `${t.target} ${percent(worst[0]!.target, 2)}`,
          },
        }),
        760,
        360,
      ),
    );
  }
  out.push(
    table(
      [t.circuit, t.sla, t.target, t.availability, t.unplannedDown, t.plannedDown, t.status],
      worst.map((a) => [
        a.circuitId,
        a.slaClass,
        percent(a.target, 2),
        percent(a.availability),
        duration(a.unplannedDownSeconds, language),
        duration(a.plannedDownSeconds, language),
        sla(a.sla),
      ]),
      [110, 45, 45, 55, '*', '*', 40],
    ),
    { text: t.downIntervals, style: 'h2' },
  );
  const intervals = d.availability.flatMap((a) =>
    a.downIntervals.map(
      (i) =>
        [
          a.circuitId,
          localTime(new Date(i.from)),
          localTime(new Date(i.to)),
          duration(i.seconds, language),
        ] as Node[],
    ),
  );
  out.push(
    intervals.length > 0
      ? table([t.circuit, t.from, t.to, t.duration], intervals, [130, 90, 90, '*'])
      : { text: t.noDown, style: 'muted' },
  );

  out.push({ text: t.incidentsSection, style: 'h1', pageBreak: 'before' });
  out.push(
    keyFigures([
      [t.incidents, String(d.tickets.incidents)],
      [t.mttr, minutes(d.tickets.mttrMinutes, language)],
      [t.restoreCompliance, percent(d.tickets.restoreCompliance, 1)],
      [t.responseCompliance, percent(d.tickets.responseCompliance, 1)],
    ]),
  );
  if (d.incidents.length > 0) {
    out.push(
      table(
        [t.ticket, t.circuit, t.impact, t.priority, t.created, t.repair, t.cause, t.location],
        d.incidents.map((i) => [
          i.ticketId,
          i.circuitIds.join(', '),
          i.impact ?? '–',
          i.priority,
          localTime(new Date(i.createdAt)),
          minutes(i.repairMinutes, language),
          i.cause ?? '–',
          i.location ?? '–',
        ]),
        [70, 85, 40, 35, 62, 55, '*', '*'],
      ),
    );
    const causes = Object.entries(d.tickets.byCause).map(([k, v]) => ({ name: k, value: v }));
    if (causes.length > 0) out.push(r.chart(pieChart(t.byCause, causes), 760, 300));
  } else {
    out.push({ text: t.noIncidents, style: 'muted' });
  }

  out.push({ text: t.utilisationSection, style: 'h1', pageBreak: 'before' });
  const top = d.utilisation.filter((u) => u.p95Util !== null).slice(0, TOP);
  if (top.length > 0) {
    out.push(
      r.chart(
        barChart({
          title: t.topUtilisation,
          categories: top.map((u) => u.circuitId),
          values: top.map((u) => +((u.p95Util ?? 0) * 100).toFixed(1)),
          unit: '%',
          horizontal: true,
          min: 0,
          markLine: { value: d.upgradeThreshold * 100, label: `${percent(d.upgradeThreshold, 0)}` },
        }),
        760,
        360,
      ),
    );
  }
  const upgrades = d.utilisation.filter((u) => u.upgradeToBps !== null);
  out.push(
    { text: t.upgrade, style: 'h2' },
    upgrades.length > 0
      ? {
          stack: [
            t.upgradeAdvice(percent(d.upgradeThreshold, 0)),
            table(
              [t.circuit, t.bandwidth, t.p95, t.max, t.upgrade],
              upgrades.map((u) => [
                u.circuitId,
                bandwidth(u.bandwidthBps),
                percent(u.p95Util, 1),
                percent(u.maxUtil, 1),
                bandwidth(u.upgradeToBps),
              ]),
            ),
          ],
        }
      : { text: t.noUpgrade, style: 'muted' },
  );

  out.push({ text: t.assuranceSection, style: 'h1' });
  out.push(
    d.assurance.length > 0
      ? table(
          [t.window, t.from, t.to, t.circuits, t.availability, t.alarms, t.incidents, t.notices],
          d.assurance.map((a) => [
            a.title,
            localTime(new Date(a.start)),
            localTime(new Date(a.end)),
            String(a.circuits),
            percent(a.availability),
            String(a.alarms),
            String(a.incidents),
            String(a.notices),
          ]),
        )
      : { text: t.noAssurance, style: 'muted' },
  );

  out.push({ text: t.trendSection, style: 'h1' });
  out.push(
    r.chart(
      lineChart({
        title: t.trendChart,
        categories: d.trend.map((p) => p.label),
        axes: [{ name: t.availability }, { name: t.incidents, min: 0 }],
        series: [
          {
            name: `${t.meanAvailability} %`,
            values: d.trend.map((p) =>
              p.meanAvailability === null ? null : +(p.meanAvailability * 100).toFixed(3),
            ),
            axis: 0,
          },
          { name: t.incidents, values: d.trend.map((p) => p.incidents), axis: 1, type: 'bar' },
        ],
      }),
      760,
      300,
    ),
    table(
      [t.period, t.meanAvailability, t.breachingSla, t.incidents, t.mttr],
      d.trend.map((p) => [
        p.label,
        percent(p.meanAvailability),
        String(p.breachingSla),
        String(p.incidents),
        minutes(p.mttrMinutes, language),
      ]),
    ),
  );

  out.push({ text: t.appendix, style: 'h1', pageBreak: 'before' });
  const util = new Map(d.utilisation.map((u) => [u.circuitId, u]));
  out.push(
    table(
      [t.circuit, t.product, t.bandwidth, t.availability, t.status, t.p95, t.max],
      [...d.availability]
        .sort((a, b) => a.circuitId.localeCompare(b.circuitId))
        .map((a) => {
          const u = util.get(a.circuitId);
          return [
            {
              stack: [
                { text: a.circuitId, style: 'td' },
                { text: name(a.circuitId), style: 'muted' },
              ],
            },
            a.product,
            bandwidth(a.bandwidthBps),
            percent(a.availability),
            sla(a.sla),
            u?.p95Util == null ? t.noSamples : percent(u.p95Util, 1),
            u?.maxUtil == null ? t.noSamples : percent(u.maxUtil, 1),
          ];
        }),
      [140, 55, 45, 60, 40, '*', '*'],
    ),
  );
  return out;
}

/** The inspection's sections: the counts, then every finding, most urgent first. */
export function inspectionSections(
  d: InspectionReportDataDto,
  language: ReportLanguage,
  r: ReportPdfRenderer,
): Node[] {
  const t = textOf(language);
  const colour = { critical: '#c0392b', major: '#d35400', minor: '#7f8c8d' } as const;
  const out: Node[] = [
    { text: t.summary, style: 'h1' },
    keyFigures([
      [t.circuits, String(d.circuits)],
      [t.healthy, String(d.healthyCircuits)],
      [t.findings, String(d.findings.length)],
    ]),
  ];
  const kinds = Object.entries(d.byKind);
  if (kinds.length > 0)
    out.push(
      r.chart(
        pieChart(
          t.findings,
          kinds.map(([name, value]) => ({ name, value })),
        ),
        760,
        300,
      ),
    );
  out.push({ text: t.findings, style: 'h1' });
  out.push(
    d.findings.length > 0
      ? table(
          ['#', t.severity, t.circuit, t.finding, t.action],
          d.findings.map((f) => [
            String(f.rank),
            { text: f.severity, color: colour[f.severity], style: 'td' },
            f.circuitId,
            f.detail,
            f.action,
          ]),
          [22, 45, 110, '*', '*'],
        )
      : { text: t.noFindings, style: 'muted' },
  );
  return out;
}

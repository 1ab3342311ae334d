import {
  exportFileOf,
  exportRequestBuilder,
  exportSubjectOf,
  filenameOf,
} from './export-request.model';

const range = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };

describe('export requests', () => {
  it('asks for a report’s PDF by its id, as a PDF', () => {
    const request = { id: 'x', kind: 'report-pdf', reportId: 'r-42' } as const;
    const req = exportRequestBuilder('', request).build({ accept: 'application/pdf' });
    expect(req.url).toBe('/api/v1/reports/r-42/pdf');
    expect(req.params.keys()).toEqual([]);
    expect(exportFileOf(request)).toEqual({
      accept: 'application/pdf',
      fallbackName: 'report-r-42.pdf',
    });
    expect(exportSubjectOf(request)).toBe('r-42');
  });

  it('asks for the statistics of one customer or of all, as CSV or as a workbook', () => {
    const one = { id: 'a', kind: 'statistics-xlsx', customerId: 'bank-a', range } as const;
    const req = exportRequestBuilder('', one).build({ accept: exportFileOf(one).accept });
    expect(req.url).toBe('/api/v1/statistics/xlsx');
    expect(req.params.get('customerId')).toBe('bank-a');
    expect(req.params.get('from')).toBe(range.from);
    expect(req.headers.get('Accept')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const all = { id: 'b', kind: 'statistics-csv', customerId: null, range } as const;
    const csv = exportRequestBuilder('', all).build({ accept: exportFileOf(all).accept });
    expect(csv.url).toBe('/api/v1/statistics/csv');
    expect(csv.params.has('customerId')).toBe(false);
    expect(exportFileOf(all).fallbackName).toBe('statistics-csv.csv');
  });

  it('downloads a ticket’s attachment by its id, named as the API names it', () => {
    const request = {
      id: 'd',
      kind: 'attachment',
      attachmentId: 'att-7',
      name: '机柜.jpg',
    } as const;
    expect(exportRequestBuilder('', request).build({}).url).toBe('/api/v1/attachments/att-7');
    expect(exportFileOf(request)).toEqual({
      accept: 'application/octet-stream',
      fallbackName: '机柜.jpg',
    });
    // The UTF-8 name wins over the ASCII stand-in; a path never gets through.
    expect(
      filenameOf(
        `attachment; filename="att-7"; filename*=UTF-8''${encodeURIComponent('机柜.jpg')}`,
        'x',
      ),
    ).toBe('机柜.jpg');
    expect(filenameOf('attachment; filename="../etc/passwd"', 'x')).toBe('.._etc_passwd');
    expect(filenameOf(null, 'fallback.csv')).toBe('fallback.csv');
  });

  it('keeps the circuit exports as they were', () => {
    const perf = { id: 'c', kind: 'performance', circuitId: 'bank-a-MPLS-0001', range } as const;
    expect(exportRequestBuilder('', perf).build({}).url).toBe(
      '/api/v1/circuits/bank-a-MPLS-0001/performance.csv',
    );
    expect(exportSubjectOf(perf)).toBe('bank-a-MPLS-0001');
  });
});

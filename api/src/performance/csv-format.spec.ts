import { csvCell, fileNamePart, toCsv } from './csv-format';

describe('CSV format', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses spreadsheet formulas in text, not in numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes empty cells for null and non-finite numbers, and CRLF rows', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, null],
          [Number.NaN, true],
        ],
      ),
    ).toBe('a,b\r\n1,\r\n,true\r\n');
  });

  it('makes safe file name parts', () => {
    expect(fileNamePart('2026-11-20T00:00:00.000Z')).toBe('2026-11-20T00-00-00.000Z');
    expect(fileNamePart('../etc"x')).toBe('..-etc-x');
  });
});

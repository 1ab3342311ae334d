import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text of a PDF as poppler's pdftotext reads it (layout kept). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-pdf-'));
  try {
    await writeFile(join(dir, 'r.pdf'), pdf);
    const { stdout } = await run(
      'pdftotext',
      ['-layout', '-enc', 'UTF-8', join(dir, 'r.pdf'), '-'],
      { maxBuffer: 64 << 20 },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Renders every page with pdftoppm: the PNG pages (a PDF that does not render fails here). */
export async function pdfPages(pdf: Buffer, dpi = 40): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-pdf-'));
  try {
    await writeFile(join(dir, 'r.pdf'), pdf);
    await run('pdftoppm', ['-png', '-r', String(dpi), join(dir, 'r.pdf'), join(dir, 'page')]);
    const names = (await readdir(dir)).filter((n) => n.startsWith('page')).sort();
    return Promise.all(names.map((n) => readFile(join(dir, n))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Share of non-white pixels of a PNG page is not needed: a page's byte size tells blank from drawn. */
export function isPng(buffer: Buffer): boolean {
  return buffer.subarray(1, 4).toString('ascii') === 'PNG';
}

// SPDX-License-Identifier: EUPL-1.2
/**
 * Files of a batch run: CSV (UTF-8 with BOM, every text cell guarded against formula injection) and, for a random
 * extraction, 宛名ラベル on A4 (2 × 6 labels of 86.4 × 42.3 mm, a common 12面 sheet) in BIZ UDP明朝. Pure.
 */
import PDFDocument from 'pdfkit';
import { minchoFont } from '../../../platform/pdf/japanese-fonts.ts';
import { csvText } from '../../../platform/csv/csv-cell.ts';
import type { ResultRow } from './batch-reports.ts';

/** The rows as CSV in the given columns (a header line even when there are no rows). */
export function batchCsv(rows: ResultRow[], columns: string[]): string {
  const lines = [columns.map(csvText).join(',')];
  for (const r of rows) lines.push(columns.map((c) => (typeof r[c] === 'number' ? String(r[c]) : csvText(r[c] ?? ''))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const MM = 72 / 25.4;
const LABEL = { w: 86.4 * MM, h: 42.3 * MM, cols: 2, rows: 6, left: 18.6 * MM, top: 21.5 * MM };

/** 宛名ラベル: 住所 and 宛名 of each row, 12 per A4 sheet; `createdAt` is the PDF's date (the run's). */
export async function labelsPdf(rows: ResultRow[], createdAt: Date, title: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: title, Creator: 'Jichi', CreationDate: createdAt, ModDate: createdAt } });
  doc.registerFont('mincho', minchoFont('regular') as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const perPage = LABEL.cols * LABEL.rows;
  if (rows.length === 0) doc.addPage();
  rows.forEach((r, i) => {
    if (i % perPage === 0) doc.addPage();
    const slot = i % perPage;
    const x = LABEL.left + (slot % LABEL.cols) * LABEL.w + 6 * MM;
    const y = LABEL.top + Math.floor(slot / LABEL.cols) * LABEL.h + 6 * MM;
    const width = LABEL.w - 12 * MM;
    doc.font('mincho').fontSize(10).text(String(r['住所'] ?? ''), x, y, { width, height: 14 * MM, ellipsis: true });
    doc.fontSize(13).text(String(r['宛名'] ?? r['氏名'] ?? ''), x, y + 16 * MM, { width, height: 10 * MM, ellipsis: true });
    doc.fontSize(7).text(String(r['番号'] ?? i + 1), x, y + 27 * MM, { width, align: 'right' });
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

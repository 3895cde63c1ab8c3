// SPDX-License-Identifier: EUPL-1.2
/**
 * Lays out a registry form (A4, BIZ UDP明朝, 和暦): date and 受付番号 line, addressee, sender (the mayor, for notices),
 * title, lead, items, persons, closing, and on every page the print's number (「印刷 2回目（再印刷）」). Pure.
 */
import PDFDocument from 'pdfkit';
import { minchoFont } from '../../../platform/pdf/japanese-fonts.ts';
import type { FormContent } from './change-forms.ts';

export interface FormPdfOptions {
  municipalityName: string;
  /** 「長野県塩尻市長　山田　太郎」: the certifier's title and name as notices print it. */
  sender: string;
  printNo: number;
  createdAt: Date;
}

/** Renders a form as PDF bytes. */
export async function renderFormPdf(f: FormContent, o: FormPdfOptions): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 60, right: 60 }, bufferPages: true,
    info: { Title: f.title, Author: o.municipalityName, Creator: 'Jichi', CreationDate: o.createdAt, ModDate: o.createdAt } });
  doc.registerFont('mincho', minchoFont('regular') as unknown as Buffer);
  doc.registerFont('mincho-bold', minchoFont('bold') as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const width = doc.page.width - 120;
  const table = (rows: Array<[string, string]>) => {
    for (const [k, v] of rows) {
      const y = doc.y;
      doc.font('mincho-bold').fontSize(10).text(k, 60, y, { width: 110 });
      const after = doc.y;
      doc.font('mincho').fontSize(10).text(v || '—', 175, y, { width: width - 115 });
      doc.y = Math.max(after, doc.y) + 3;
    }
  };
  doc.font('mincho').fontSize(10).text(f.dated, { align: 'right' });
  if (f.addressee) {
    doc.moveDown(0.8);
    if (f.addresseeAddress) doc.fontSize(10).text(f.addresseeAddress);
    doc.fontSize(12).text(f.addressee);
  }
  if (f.fromMayor) doc.moveDown(0.5).fontSize(11).text(o.sender, { align: 'right' });
  doc.moveDown(1.2).font('mincho-bold').fontSize(16).text(f.title, { align: 'center' });
  doc.moveDown(0.8).font('mincho').fontSize(10.5).text(f.lead, { width });
  doc.moveDown(0.6);
  table(f.items);
  for (const p of f.persons) {
    doc.moveDown(0.6).font('mincho-bold').fontSize(11).text(p.heading, 60);
    doc.moveTo(60, doc.y + 1).lineTo(60 + width, doc.y + 1).lineWidth(0.5).stroke();
    doc.moveDown(0.3);
    table(p.rows);
  }
  if (f.closing) doc.moveDown(1).font('mincho').fontSize(10).text(f.closing, 60, doc.y, { width });
  if (!f.fromMayor) doc.moveDown(1).font('mincho').fontSize(10).text(o.municipalityName, { align: 'right' });
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0; // the footer line sits below the body's margin without starting a new page
    doc.font('mincho').fontSize(8).text(`${f.title}　印刷 ${o.printNo}回目${o.printNo > 1 ? '（再印刷）' : ''}　${i + 1}/${range.count}`, 60, doc.page.height - 40, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

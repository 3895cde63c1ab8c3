// SPDX-License-Identifier: EUPL-1.2
/**
 * 確認・署名用シート: every procedure's data on one sheet (A4, BIZ UDP明朝, 和暦) for the resident to check and sign
 * once. Pure: data → PDF bytes, with the print date passed in.
 */
import PDFDocument from 'pdfkit';
import { minchoFont } from '../../../platform/pdf/japanese-fonts.ts';
import { japanDay, toWareki } from '../../../platform/dates/jp-date.ts';
import type { NeededProcedure } from '../rules/rule-engine.ts';
import type { Interview } from './interview.ts';

export interface SheetData { municipalityName: string; visitNo: string; printedAt: Date; events: string[]; interview: Interview; needed: NeededProcedure[] }

export async function renderVisitSheet(d: SheetData): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 48, left: 56, right: 56 },
    info: { Title: '届出・申請内容の確認書', Author: d.municipalityName, Creator: 'Jichi', CreationDate: d.printedAt, ModDate: d.printedAt } });
  doc.registerFont('mincho', minchoFont('regular') as unknown as Buffer);
  doc.registerFont('mincho-bold', minchoFont('bold') as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const iv = d.interview;
  const w = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? toWareki(iso) : '');
  const row = (label: string, value: string) => { doc.font('mincho-bold').fontSize(10).text(`${label}　`, { continued: true }).font('mincho').text(value || '—'); };

  doc.font('mincho').fontSize(10).text(`${toWareki(japanDay(d.printedAt))}　来庁番号 ${d.visitNo}`, { align: 'right' });
  doc.moveDown(0.5);
  doc.font('mincho-bold').fontSize(16).text('届出・申請内容の確認書', { align: 'center' });
  doc.font('mincho').fontSize(10).text(`${d.municipalityName}長　様`, { align: 'left' });
  doc.moveDown(0.3).text(`ご用件: ${d.events.join('・')}`);
  doc.moveDown(0.6).font('mincho-bold').fontSize(12).text('共通の事項');
  row('異動日', w(iv.occurredOn));
  row('新住所', `${iv.townName}${iv.banchi}${iv.katagaki ? ` ${iv.katagaki}` : ''}`);
  row('前住所', iv.previousAddress);
  row('連絡先', iv.phone);
  row('本籍・筆頭者', `${iv.honseki}${iv.hittosha ? `　${iv.hittosha}` : ''}`);
  doc.moveDown(0.6).font('mincho-bold').fontSize(12).text('世帯員');
  for (const m of iv.members) {
    doc.font('mincho').fontSize(10).text(`${m.familyName} ${m.givenName}（${m.familyNameKana} ${m.givenNameKana}）　${w(m.birthDate)}生　${m.sex === 'male' ? '男' : '女'}　続柄 ${m.relationship}${m.nhi ? '　国民健康保険に加入' : ''}`);
  }
  doc.moveDown(0.6).font('mincho-bold').fontSize(12).text(`手続（${d.needed.length}件）`);
  const names = (refs: string[]) => (refs.length ? refs.map((r) => { const m = iv.members[Number(r)]; return m ? `${m.familyName} ${m.givenName}` : ''; }).join('、') : '世帯');
  for (const n of d.needed) {
    doc.moveDown(0.3).font('mincho-bold').fontSize(10.5).text(`■ ${n.def.title.ja}（${n.def.where.ja}）`);
    doc.font('mincho').fontSize(9.5).text(`対象: ${names(n.memberRefs)}　理由: ${n.reason.ja}`);
    if (n.code === 'child-allowance') doc.text(`受取口座: ${iv.bankName} ${iv.branchName} ${iv.accountType === 'ordinary' ? '普通' : '当座'} ${iv.accountNumber}`);
    if (n.code === 'daycare') doc.text(`利用希望日: ${w(iv.daycareStart)}　希望施設: ${iv.daycarePreferences}　事由: ${iv.daycareReason}`);
    if (n.code === 'child-medical') doc.text(`健康保険: ${iv.insurer}`);
    if (n.code === 'school-enrolment') doc.text(`前の学校: ${iv.previousSchool || '—'}`);
  }
  doc.moveDown(1.2).font('mincho').fontSize(10).text('上記の内容に相違ありません。以上の届出・申請をします。');
  doc.moveDown(1).text(`${toWareki(japanDay(d.printedAt))}　　届出人署名 ＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿`, { align: 'right' });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

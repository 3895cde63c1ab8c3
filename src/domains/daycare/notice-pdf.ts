// SPDX-License-Identifier: EUPL-1.2
/**
 * Notices of the outcome as PDF: 保育所等利用内定通知書 (offer) and 保育所等利用保留通知書 (hold), with the
 * reasons from the explanation script and, for a hold, the instruction on 審査請求. Pure: data → bytes, with
 * the issue date passed in (the PDF's dates are set from it, so the same input gives the same text).
 */
import type * as fontkit from 'fontkit';
import { minchoFont } from '../../platform/pdf/japanese-fonts.ts';
import { japanDay, toWareki } from '../../platform/dates/jp-date.ts';
import PDFDocument from 'pdfkit';
import type { ExplanationScript } from './explanation-script.ts';

/** BIZ UDPMincho (SIL OFL), shared with every other PDF of the platform and parsed once per process. */
function fonts(): { regular: fontkit.Font; bold: fontkit.Font } {
  return { regular: minchoFont('regular'), bold: minchoFont('bold') };
}

/** Everything a notice shows. */
export interface NoticeData {
  municipalityName: string;
  mayorName?: string;
  issuedOn: Date;
  roundName: string;
  guardianName: string;
  childName: string;
  script: ExplanationScript;
}

/** 和暦 of an instant's day in Japan, e.g. 令和9年4月1日. */
export function warekiDate(d: Date): string {
  return toWareki(japanDay(d));
}

/** The notice title for an outcome. */
export function noticeTitle(status: ExplanationScript['status']): string {
  return status === 'OFFER' ? '保育所等利用内定通知書' : status === 'HOLD' ? '保育所等利用保留通知書' : '転園希望に関する通知書';
}

/** Renders the notice of one child as PDF bytes. */
export async function renderNoticePdf(data: NoticeData): Promise<Uint8Array> {
  const f = fonts();
  const doc = new PDFDocument({
    size: 'A4', margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: noticeTitle(data.script.status), Author: data.municipalityName, Creator: 'Jichi', CreationDate: data.issuedOn, ModDate: data.issuedOn },
  });
  // pdfkit accepts a parsed fontkit font as a source (it checks for `layout`); the types only list bytes.
  doc.registerFont('mincho', f.regular as unknown as Buffer);
  doc.registerFont('mincho-bold', f.bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const s = data.script;
  const width = doc.page.width - 128;
  doc.font('mincho').fontSize(10.5).text(warekiDate(data.issuedOn), { align: 'right' });
  doc.moveDown(1.5);
  doc.fontSize(12).text(`${data.guardianName || '保護者'}　様`);
  doc.moveDown(1);
  doc.text(`${data.municipalityName}長${data.mayorName ? `　${data.mayorName}` : ''}`, { align: 'right' });
  doc.moveDown(2);
  doc.font('mincho-bold').fontSize(18).text(noticeTitle(s.status), { align: 'center' });
  doc.moveDown(1.5);
  doc.font('mincho').fontSize(11);
  const lead = s.status === 'OFFER'
    ? `${data.roundName}の結果、次のとおり保育所等の利用が内定しましたので通知します。内定後、施設での面接・健康診断を経て利用が決定します。`
    : s.status === 'HOLD'
      ? `${data.roundName}の結果、次のとおり保育所等の利用を保留としましたので通知します。`
      : `${data.roundName}の結果、転園のご希望には添えず、現在の施設での利用を継続しますので通知します。`;
  doc.text(lead, { width });
  doc.moveDown(1);
  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('mincho-bold').text(label, 64, y, { width: 120 });
    doc.font('mincho').text(value, 190, y, { width: width - 126 });
    doc.x = 64;
    doc.moveDown(0.4);
  };
  row('児童', `${data.childName || '（氏名未登録）'}（児童番号 ${s.childId}）`);
  row('年齢クラス', `${s.ageClass}歳児クラス`);
  row('結果', s.status === 'OFFER' ? `内定（第${s.preferenceRank}希望）` : s.status === 'HOLD' ? '保留' : '在園継続');
  if (s.facilityName) row('施設', s.facilityName);
  row('利用調整指数', `${s.score}点`);
  doc.moveDown(1);
  if (s.lines.length > 0) {
    doc.font('mincho-bold').text(s.status === 'OFFER' ? '上位の希望に入所できなかった理由' : '理由');
    doc.font('mincho').moveDown(0.4);
    for (const l of s.lines) {
      doc.text(`第${l.rank}希望　${l.facilityName}：${l.text}`, { width, indent: 0 });
      doc.moveDown(0.3);
    }
    doc.moveDown(0.6);
  }
  for (const c of s.closing) { doc.fontSize(10).text(c, { width }); doc.moveDown(0.4); }
  if (s.status === 'HOLD') {
    doc.moveDown(0.6);
    doc.font('mincho-bold').fontSize(10).text('教示');
    doc.font('mincho').text(`1　この決定に不服がある場合は、この決定があったことを知った日の翌日から起算して3か月以内に、${data.municipalityName}長に対して審査請求をすることができます。`, { width });
    doc.text(`2　この決定の取消しを求める訴訟は、この決定があったことを知った日の翌日から起算して6か月以内に、${data.municipalityName}を被告として（訴訟において${data.municipalityName}を代表する者は${data.municipalityName}長となります。）提起することができます。`, { width });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

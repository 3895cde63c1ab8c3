// SPDX-License-Identifier: EUPL-1.2
/**
 * Lays out a certificate on A4 after the standard forms (spec §5, §20.1–20.2): title, 住所/世帯主, person
 * blocks (世帯連記式: up to 4 per sheet; 個人票: one per sheet), 備考, issue number with page/total on every
 * sheet, and on the last sheet the 認証文, date in 和暦, mayor's title and name, seal and a QR code with
 * the verification code. Pure and deterministic: (content, options) → PDF bytes; the creation date comes
 * from the caller's clock and the font is the shared, once-parsed one (subset-embedded by pdfkit).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateContent, ContentRow, PersonBlock } from './certificate-content.ts';
import type { CertificateFont } from './certificate-font.ts';

/** Options of one rendering. */
export interface PdfOptions {
  font: CertificateFont;
  /** 発行番号 without the page part, e.g. `20250401 塩尻市 本庁1 000123` (spec §5.5). */
  issueNumber: string;
  /** Creation date written into the PDF (from the injected clock). */
  createdAt: Date;
  /** The municipality's seal (PNG), printed at most 25 mm wide (spec §5.6). */
  sealPng?: Uint8Array;
  /** Verification code and the URL encoded in the QR code. */
  verification?: { code: string; url: string };
  /** Marks a preview that is not a certificate (見本). */
  sample?: boolean;
  /** 通数: the certificate is printed this many times in one document, each copy with its own number (spec §5.5). */
  copies?: number;
  /** A 再交付 (reprint) of an issued certificate: its number and day, printed on every sheet. */
  reprint?: { no: number; onText: string };
  /**
   * A value too long even at the minimum size (spec §5.8): `print-to-limit` prints what fits (default);
   * `leave-blank` leaves the field empty. Either way the field is listed in `overflow` for the clerk.
   */
  overflowMode?: OverflowMode;
}

export type OverflowMode = 'print-to-limit' | 'leave-blank';
/** Over-length fields met while drawing, and what to do with them. */
interface Overflow { list: string[]; leaveBlank: boolean }

/** A rendered certificate. */
export interface RenderedPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** Labels of values printed at the minimum size and clipped (spec §5.8 over-length list). */
  overflow: string[];
}

/** A character the font cannot print, with the label of the field it occurs in (spec §5.8: never dropped silently). */
export interface MissingGlyph {
  field: string;
  codePoint: string;
}

/** Thrown when a certificate would contain characters outside the font. */
export class MissingGlyphsError extends Error {
  constructor(readonly missing: MissingGlyph[]) {
    super(`characters outside the certificate font: ${missing.map((m) => `${m.codePoint} (${m.field})`).join(', ')}`);
  }
}

// Geometry in PDF points (A4 = 595.28 × 841.89).
const PAGE = { width: 595.28, height: 841.89 };
const LEFT = 42;
const WIDTH = PAGE.width - 2 * LEFT;
const BODY_TOP = 82;
const BODY_BOTTOM = 790;
const FOOTER_HEIGHT = 150;
const LINE = 15;
const REMARK_LINE = 12;
const LABEL_W = 92;
const MIN_SIZE = 5;
const MM = 72 / 25.4;
/** Rows printed across the whole width (long values). */
const WIDE = new Set(['前住所', '本籍', '転出先', '転出先住所', '氏名（アルファベット）', '住所', '世帯主']);
const VARIATION_SELECTOR = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

/** The note printed in a person's 備考 when a variant glyph was printed in its base form (issue #9). */
export const VARIANT_NOTE = '外字の字形は基本字形で表示しています';

/** True when the font maps the ideographic variation sequence base + selector (its cmap format 14). */
export function fontHasVariant(font: CertificateFont, base: number, selector: number): boolean {
  const uvs = (font.font as unknown as { _cmapProcessor?: { uvs?: { varSelectors: { toArray(): Array<{ varSelector: number; defaultUVS?: Array<{ startUnicodeValue: number; additionalCount: number }>; nonDefaultUVS?: Array<{ unicodeValue: number }> }> } } } })._cmapProcessor?.uvs;
  const sel = uvs?.varSelectors.toArray().find((x) => x.varSelector === selector);
  if (!sel) return false;
  return (sel.defaultUVS ?? []).some((r) => base >= r.startUnicodeValue && base <= r.startUnicodeValue + r.additionalCount)
    || (sel.nonDefaultUVS ?? []).some((r) => r.unicodeValue === base);
}

/** Removes the variation selectors the font cannot print; returns the text and whether one was removed. */
function baseForms(text: string, font: CertificateFont): { text: string; changed: boolean } {
  const chars = [...text];
  let changed = false;
  const out: string[] = [];
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0)!;
    if (VARIATION_SELECTOR(cp)) {
      const base = i > 0 ? chars[i - 1]!.codePointAt(0)! : 0;
      if (!base || !fontHasVariant(font, base, cp)) { changed = true; return; }
    }
    out.push(ch);
  });
  return { text: out.join(''), changed };
}

/**
 * Prints a name with an ideographic variation sequence (e.g. 葛 + U+E0100) that the font lacks in its base form
 * and notes it in the person's 備考 (issue #9: on 84be6ac such a name refused every certificate of the person).
 * The legal glyph stays in the registry; only this rendering falls back.
 */
export function substituteUnsupportedVariants(content: CertificateContent, font: CertificateFont): { content: CertificateContent; substituted: boolean } {
  let any = false;
  const fix = (t: string) => { const r = baseForms(t, font); any ||= r.changed; return r; };
  const header = content.header.map((r) => ({ ...r, value: fix(r.value).text }));
  const headerChanged = any;
  const persons = content.persons.map((p) => {
    let changed = false;
    const rows = p.rows.map((r) => { const x = fix(r.value); changed ||= x.changed; return { ...r, value: x.text }; });
    const remarks = p.remarks.map((r) => { const x = fix(r); changed ||= x.changed; return x.text; });
    return changed || (headerChanged && p === content.persons[0]) ? { ...p, rows, remarks: [...remarks, VARIANT_NOTE] } : { ...p, rows, remarks };
  });
  return { content: { ...content, header, persons }, substituted: any };
}

/** Lists the characters of the content that the font cannot print (including unsupported ideographic variation sequences). */
export function findMissingGlyphs(content: CertificateContent, font: CertificateFont): MissingGlyph[] {
  const texts: Array<[string, string]> = [
    ['表題', content.title], ['認証文', content.certification], ['発行者', content.issuerTitle], ['市区町村長名', content.issuerName],
    ...content.header.map((r): [string, string] => [r.label, r.value]),
    ...content.persons.flatMap((p) => [...p.rows.map((r): [string, string] => [r.label, r.value]), ...p.remarks.map((r): [string, string] => ['備考', r])]),
  ];
  const missing: MissingGlyph[] = [];
  const seen = new Set<string>();
  for (const [field, text] of texts) {
    let previous = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const base = previous;
      previous = cp;
      if (cp < 0x20) continue;
      if (VARIATION_SELECTOR(cp) ? !fontHasVariant(font, base, cp) : !font.font.hasGlyphForCodePoint(cp)) {
        const codePoint = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
        if (!seen.has(field + codePoint)) missing.push({ field, codePoint });
        seen.add(field + codePoint);
      }
    }
  }
  return missing;
}

/**
 * Renders the certificate.
 * @throws MissingGlyphsError when a character is outside the font
 */
export async function renderCertificatePdf(content: CertificateContent, opts: PdfOptions): Promise<RenderedPdf> {
  const missing = findMissingGlyphs(content, opts.font);
  if (missing.length > 0) throw new MissingGlyphsError(missing);

  const pages = paginate(content);
  const doc = new PDFDocument({
    size: 'A4', margin: 0, autoFirstPage: false, compress: true, pdfVersion: '1.7',
    info: {
      Title: content.title, Creator: 'Jichi', Producer: 'Jichi certificates',
      Subject: opts.verification ? `照合番号 ${opts.verification.code}` : '見本',
      CreationDate: opts.createdAt, ModDate: opts.createdAt,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  (doc as unknown as { registerFont(name: string, src: unknown): void }).registerFont('mincho', opts.font.font);
  doc.font('mincho');
  const overflow: Overflow = { list: [], leaveBlank: opts.overflowMode === 'leave-blank' };
  const copies = Math.max(1, opts.copies ?? 1);

  for (let copy = 1; copy <= copies; copy++) {
    // Each copy carries its own number (spec §5.5): the 通番 with the copy's ordinal when more than one is issued.
    const number = copies > 1 ? `${opts.issueNumber}-${copy}` : opts.issueNumber;
    pages.forEach((page, i) => {
      doc.addPage({ size: 'A4', margin: 0 });
      drawPageFrame(doc, content, { ...opts, issueNumber: number }, i + 1, pages.length);
      let y = BODY_TOP;
      if (i === 0) y = drawRows(doc, content.header, y, overflow) + 8;
      for (const block of page.blocks) y = drawPerson(doc, block, y, overflow) + 6;
      if (i < pages.length - 1) doc.fontSize(9).text('（次頁に続く）', LEFT, BODY_BOTTOM - 14, { width: WIDTH, align: 'right', lineBreak: false });
      else {
        // 以下余白 closes the entries, so nothing can be added after the last person.
        doc.fontSize(9).text(content.closingMark, LEFT, y, { width: WIDTH, align: 'right', lineBreak: false });
        drawFooter(doc, content, opts, Math.max(y + 14, BODY_BOTTOM - FOOTER_HEIGHT));
      }
    });
  }
  doc.end();
  await done;
  const bytes = Buffer.concat(chunks);
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pageCount: pages.length * copies, overflow: [...new Set(overflow.list)] };
}

type Doc = InstanceType<typeof PDFDocument>;

/** Splits the person blocks into sheets: 4 per 世帯連記式 sheet, 1 per 個人票, fewer when tall; the last sheet keeps room for the footer. */
function paginate(content: CertificateContent): Array<{ blocks: PersonBlock[] }> {
  const perPage = content.layout === 'household' ? 4 : 1;
  const pages: Array<{ blocks: PersonBlock[] }> = [];
  let current: PersonBlock[] = [];
  let y = BODY_TOP + rowsHeight(content.header) + 8;
  for (const block of content.persons) {
    const h = blockHeight(block) + 6;
    if (current.length > 0 && (current.length >= perPage || y + h > BODY_BOTTOM - 20)) {
      pages.push({ blocks: current });
      current = [];
      y = BODY_TOP;
    }
    current.push(block);
    y += h;
  }
  pages.push({ blocks: current });
  if (y + 14 > BODY_BOTTOM - FOOTER_HEIGHT - 10) pages.push({ blocks: [] }); // the footer goes on a continuation sheet
  return pages;
}

/** Lines of a row list: wide rows take a line, other rows go two per line. */
function rowLines(rows: ContentRow[]): ContentRow[][] {
  const lines: ContentRow[][] = [];
  let pending: ContentRow | undefined;
  for (const r of rows) {
    if (WIDE.has(r.label)) {
      if (pending) { lines.push([pending]); pending = undefined; }
      lines.push([r]);
    } else if (pending) {
      lines.push([pending, r]);
      pending = undefined;
    } else {
      pending = r;
    }
  }
  if (pending) lines.push([pending]);
  return lines;
}

const rowsHeight = (rows: ContentRow[]) => rowLines(rows).length * LINE;
const blockHeight = (b: PersonBlock) => rowsHeight(b.rows) + (b.remarks.length > 0 ? (b.remarks.length + 1) * REMARK_LINE : REMARK_LINE) + 4;

function drawPageFrame(doc: Doc, content: CertificateContent, opts: PdfOptions, page: number, total: number): void {
  doc.fontSize(18).text(content.title, LEFT, 40, { width: WIDTH, align: 'center', characterSpacing: 4, lineBreak: false });
  if (content.official) {
    doc.rect(LEFT + WIDTH - 46, 38, 46, 24).lineWidth(1).stroke();
    doc.fontSize(13).text('公用', LEFT + WIDTH - 46, 43, { width: 46, align: 'center', lineBreak: false });
  }
  if (opts.reprint) {
    doc.rect(LEFT, 38, 58, 24).lineWidth(1).stroke();
    doc.fontSize(13).text('再交付', LEFT, 43, { width: 58, align: 'center', lineBreak: false });
  }
  if (opts.sample) {
    doc.save().fillColor('#999999').fontSize(60).text('見本', 0, 360, { width: PAGE.width, align: 'center', lineBreak: false }).restore();
  }
  const reprint = opts.reprint ? `　再交付（${opts.reprint.no}回目・${opts.reprint.onText}）` : '';
  doc.fontSize(8).text(`発行番号　${opts.issueNumber}　${page}/${total}${reprint}`, LEFT, BODY_BOTTOM + 22, { width: WIDTH, lineBreak: false });
}

/** Draws labelled rows in a ruled grid; returns the y below them. */
function drawRows(doc: Doc, rows: ContentRow[], top: number, overflow: Overflow): number {
  let y = top;
  const half = WIDTH / 2;
  for (const line of rowLines(rows)) {
    const cells = line.length === 1 ? [{ row: line[0]!, x: LEFT, w: WIDE.has(line[0]!.label) ? WIDTH : half }] : line.map((row, i) => ({ row, x: LEFT + i * half, w: half }));
    for (const { row, x, w } of cells) {
      doc.rect(x, y, w, LINE).lineWidth(0.5).stroke();
      doc.moveTo(x + LABEL_W, y).lineTo(x + LABEL_W, y + LINE).stroke();
      fitText(doc, row.label, x + 3, y + 3.5, LABEL_W - 6, 7.5, overflow);
      fitText(doc, row.value, x + LABEL_W + 4, y + 3, w - LABEL_W - 8, 9, overflow, row.label);
    }
    y += LINE;
  }
  return y;
}

function drawPerson(doc: Doc, block: PersonBlock, top: number, overflow: Overflow): number {
  let y = drawRows(doc, block.rows, top, overflow);
  const remarkLines = block.remarks.length > 0 ? ['備考', ...block.remarks] : ['備考'];
  const h = remarkLines.length * REMARK_LINE + 4;
  doc.rect(LEFT, y, WIDTH, h).lineWidth(0.5).stroke();
  remarkLines.forEach((r, i) => fitText(doc, r, LEFT + (i === 0 ? 3 : 14), y + 3 + i * REMARK_LINE, WIDTH - 20, i === 0 ? 7.5 : 8, overflow, '備考'));
  y += h;
  doc.rect(LEFT - 2, top - 2, WIDTH + 4, y - top + 4).lineWidth(1).stroke();
  return y;
}

/** Shrinks text to fit its width (spec §5.8); below the minimum size it is clipped and listed as overflow. */
function fitText(doc: Doc, text: string, x: number, y: number, width: number, size: number, overflow: Overflow, label?: string): void {
  if (!text) return;
  doc.fontSize(size);
  const w = doc.widthOfString(text);
  let s = size;
  if (w > width) s = Math.max(MIN_SIZE, (size * width) / w);
  doc.fontSize(s);
  if (doc.widthOfString(text) > width + 0.5) {
    overflow.list.push(label ?? text);
    if (overflow.leaveBlank) return;
    doc.save().rect(x, y - 2, width, LINE).clip();
    doc.text(text, x, y + (size - s) / 2, { lineBreak: false });
    doc.restore();
    return;
  }
  doc.text(text, x, y + (size - s) / 2, { lineBreak: false });
}

function drawFooter(doc: Doc, content: CertificateContent, opts: PdfOptions, top: number): void {
  let y = top;
  if (content.asOfLine) {
    doc.fontSize(10.5).text(content.asOfLine, LEFT + 20, y, { lineBreak: false });
    y += 18;
  }
  doc.fontSize(10.5).text(content.certification, LEFT + 20, y, { width: WIDTH - 20, lineBreak: false });
  y += 22;
  doc.fontSize(10.5).text(content.issuedOnText, LEFT + 20, y, { lineBreak: false });
  y += 26;
  const issuer = `${content.issuerTitle}　${content.issuerName}`;
  doc.fontSize(13);
  const issuerW = doc.widthOfString(issuer);
  const issuerX = LEFT + WIDTH - issuerW - 40;
  doc.text(issuer, issuerX, y, { lineBreak: false });
  if (opts.sealPng) {
    const size = 25 * MM; // 公印: at most 25 mm (spec §5.6)
    doc.image(Buffer.from(opts.sealPng), LEFT + WIDTH - size + 4, y - size / 2 + 6, { width: size, height: size });
    doc.fontSize(7).text('この印は黒色です', LEFT + WIDTH - 70, y + 34, { width: 70, align: 'right', lineBreak: false });
  } else {
    // Without a seal image the standard's fixed phrase says the seal is omitted (spec §5.6).
    doc.fontSize(9).text('公印省略', LEFT + WIDTH - 70, y + 22, { width: 70, align: 'right', lineBreak: false });
  }
  if (opts.verification) drawVerification(doc, opts.verification, top);
}

/** QR code (vector, one path) and the code in text under it. */
function drawVerification(doc: Doc, v: { code: string; url: string }, top: number): void {
  const qr = QRCode.create(v.url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const size = 62;
  const cell = size / n;
  const x0 = LEFT;
  const y0 = top + 72;
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) { c++; continue; }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      doc.rect(x0 + start * cell, y0 + r * cell, (c - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fill('#000000');
  doc.fontSize(7).text(`照合番号　${v.code}`, x0 + size + 6, y0 + 30, { lineBreak: false });
  // The whole URL of this certificate's verification page (on 84be6ac the code was cut off, leaving `…/verify/`, a 404).
  doc.fontSize(6).text(v.url, x0 + size + 6, y0 + 42, { lineBreak: false });
}

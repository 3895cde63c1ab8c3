// SPDX-License-Identifier: EUPL-1.2
/**
 * Certificates per second for a 4-person household on one core (content + layout + QR + PDF with the
 * subset Mincho font), against the same page drawn with bare pdfkit (same font object, same texts at
 * the same places, no grid, fitting or QR) in the same run; the size of the PDF; how often the font
 * file was parsed.
 *
 *   npx tsx bench/certificates.ts [--seconds 5]
 */
import PDFDocument from 'pdfkit';
import { buildCertificateContent } from '../src/domains/certificates/certificate-content.ts';
import { certificateFont, fontParseCount } from '../src/domains/certificates/certificate-font.ts';
import { DEFAULT_ITEMS } from '../src/domains/certificates/certificate-model.ts';
import { renderCertificatePdf } from '../src/domains/certificates/certificate-pdf.ts';
import { sampleHousehold } from '../src/domains/certificates/testing/sample-household.ts';

const i = process.argv.indexOf('--seconds');
const seconds = i > 0 ? Number(process.argv[i + 1]) : 5;

const members = sampleHousehold();
const createdAt = new Date('2025-04-01T00:00:00Z');
const font = certificateFont();

async function ours(): Promise<number> {
  const content = buildCertificateContent({ householdId: 'h-1', householdMembers: members, persons: members }, {
    kind: 'residence-copy', items: DEFAULT_ITEMS, prefectureName: '長野県', municipalityName: '塩尻市', mayorName: '塩尻　一郎',
    official: false, wholeHousehold: true, day: '2025-04-01', today: '2025-04-01',
  });
  const r = await renderCertificatePdf(content, {
    font, issueNumber: '20250401 塩尻市 000001', createdAt,
    verification: { code: 'ABCD-EFGH-JKMN-PQRS-TVWX', url: 'https://jichi.example.jp/verify/ABCDEFGHJKMNPQRSTVWX' },
  });
  return r.bytes.length;
}

// The same strings, drawn one per line where our layout puts them, with bare pdfkit.
const content = buildCertificateContent({ householdId: 'h-1', householdMembers: members, persons: members }, {
  kind: 'residence-copy', items: DEFAULT_ITEMS, prefectureName: '長野県', municipalityName: '塩尻市', mayorName: '塩尻　一郎',
  official: false, wholeHousehold: true, day: '2025-04-01', today: '2025-04-01',
});
const strings = [content.title, ...content.header.flatMap((r) => [r.label, r.value]),
  ...content.persons.flatMap((p) => [...p.rows.flatMap((r) => [r.label, r.value]), '備考', ...p.remarks]),
  content.certification, content.issuedOnText, `${content.issuerTitle}　${content.issuerName}`, '照合番号　ABCD-EFGH-JKMN-PQRS-TVWX', '発行番号　20250401 塩尻市 000001　1/1'];

async function bare(): Promise<number> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, compress: true, info: { CreationDate: createdAt } });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  (doc as unknown as { registerFont(n: string, f: unknown): void }).registerFont('mincho', font.font);
  doc.font('mincho').fontSize(9);
  strings.forEach((s, k) => { if (s) doc.text(s, 42 + (k % 2) * 250, 60 + Math.floor(k / 2) * 7, { lineBreak: false }); });
  doc.end();
  await done;
  return chunks.reduce((n, c) => n + c.length, 0);
}

async function measure(fn: () => Promise<number>) {
  for (let k = 0; k < 10; k++) await fn(); // warm-up (JIT, fontkit glyph caches)
  let n = 0;
  let size = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) { size = await fn(); n++; }
  return { perSecond: n / ((performance.now() - start) / 1000), size };
}

const bareResult = await measure(bare);
const oursResult = await measure(ours);
const bareAgain = await measure(bare); // interleaved, to even out drift
const bareRate = (bareResult.perSecond + bareAgain.perSecond) / 2;
console.log(JSON.stringify({
  certificatesPerSecond: Math.round(oursResult.perSecond * 10) / 10,
  barePdfkitPagesPerSecond: Math.round(bareRate * 10) / 10,
  ratio: Math.round((oursResult.perSecond / bareRate) * 100) / 100,
  ratioGoal: 0.5,
  pdfBytes: oursResult.size,
  pdfBytesGoal: 200 * 1024,
  barePdfBytes: bareResult.size,
  fontParses: fontParseCount(),
}, null, 2));

// SPDX-License-Identifier: EUPL-1.2
/**
 * Online procedures measured (issue #14): a scripted browser run (Debian Chromium via playwright-core) of a demo
 * resident who signs in through the demo OpenID Connect provider on a phone (390x844) and applies for a 住民票の写し
 * (郵送) and for daycare (保育所等利用申込, with a photo of the employment certificate) — keystrokes, pointer actions,
 * pages and seconds — against what re-keying the same two applications costs staff today, in the same run on the
 * same server: the counter clerk finds the person and issues the 住民票の写し in the certificate screens, and the
 * daycare section types the application into the round's entry screen. After an online application staff type
 * nothing: the case carries the data (the 住民票 request is reviewed automatically; the daycare case is approved
 * with one decision, which enters it in the round scored).
 *
 *   npx tsx bench/portal-walk.ts            (PGlite; DATABASE_URL=postgres://… for a PostgreSQL server)
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signedInStaff } from './bench-browser.ts';
import { startServer } from '../src/main.ts';
import { loadConfig } from '../src/platform/config.ts';
import { Meter, shortWareki } from './counter-walk.ts';

/** A free port in 40000–49999 (Chromium refuses some ports as unsafe; none of them is in that range). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 40000 + Math.floor(Math.random() * 10000);
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
}
/** A small real PNG (a grey page with a dark band), the photo of a certificate. */
function png(): Buffer {
  const w = 120, h = 80;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) raw.fill(y > 30 && y < 40 ? 40 : 220, y * (w * 3 + 1) + 1, (y + 1) * (w * 3 + 1));
  const table = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (b: Buffer) => { let c = 0xffffffff; for (const x of b) c = table[(c ^ x) & 0xff]! ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, data: Buffer) => {
    const t = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(t));
    return Buffer.concat([len, t, c]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-portal-bench-'));
process.env.JICHI_DEMO_RESIDENTS ??= '300';
const { PUBLIC_URL: _p, ...env } = process.env;
const config = loadConfig({ ...env, PORT: String(await freePort()), HOST: '127.0.0.1', JICHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', JICHI_SEED_DEMO: 'true',
  JICHI_DEMO_IDP_PORT: String(await freePort()), LOGIN_ATTEMPTS_PER_5_MIN: '200' });
const running = await startServer(config, new Writable({ write(_c, _e, done) { done(); } }));
const browser: Browser = await launchChromium();

const staff = (loginId: string): Promise<Page> => signedInStaff(browser, running.url, loginId);

const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const april = `${Number(today.slice(0, 4)) + (today.slice(5) >= '04-01' ? 1 : 0)}-04-01`;
const PHONE = '0263-52-0280';
const PURPOSE = '勤務先へ提出';

try {
  // Setup (not measured): the daycare section's open round with one facility.
  const hoiku = await staff('hoiku');
  await hoiku.goto('/console/daycare');
  await hoiku.locator('#roundId').fill('R9-BENCH');
  await hoiku.getByRole('button', { name: '回を作成する' }).click();
  await hoiku.waitForURL('**/console/daycare/rounds/R9-BENCH');
  await hoiku.goto('/console/daycare/rounds/R9-BENCH/facilities');
  await hoiku.locator('#facilityId').fill('F-MIDORI');
  await hoiku.locator('#facilityName').fill('みどり保育園');
  for (let age = 0; age <= 5; age++) await hoiku.locator(`#seats-${age}`).fill('5');
  await hoiku.getByRole('button', { name: '施設を登録・変更する' }).click();
  await hoiku.waitForURL('**/facilities?saved');
  const clerk = await staff('madoguchi');

  // The resident, on a phone.
  const phone = await (await browser.newContext({ baseURL: running.url, viewport: { width: 390, height: 844 }, locale: 'ja-JP' })).newPage();
  const resident = new Meter(phone);
  await phone.goto('/portal/login?municipality=202151');
  await resident.click(phone.getByRole('button', { name: 'この利用者でログイン' }));
  await phone.waitForURL('**/portal/**', { timeout: 15_000 });

  resident.section('住民票の写し（郵送）');
  await phone.goto('/portal/procedures/residence-certificate');
  await resident.click(phone.getByRole('button', { name: '申請を始める' }));
  await phone.waitForURL(/\/pages\/applicant/);
  const familyName = await phone.getByLabel('氏', { exact: false }).first().inputValue();
  const givenName = await phone.getByLabel('名', { exact: false }).first().inputValue();
  await resident.type(phone.getByLabel('日中の連絡先電話番号'), PHONE);
  await resident.click(phone.getByRole('button', { name: '次へ進む' }));
  await phone.waitForURL(/\/pages\/certificate/);
  await resident.check(phone.getByLabel('本人のみ'));
  await resident.type(phone.getByLabel('通数'), '1');
  await resident.click(phone.getByRole('button', { name: '次へ進む' }));
  await phone.waitForURL(/\/pages\/purpose/);
  await resident.type(phone.getByLabel('利用目的'), PURPOSE);
  await resident.click(phone.getByRole('button', { name: '次へ進む' }));
  await phone.waitForURL(/\/attachments$/);
  await resident.click(phone.getByRole('link', { name: '確認へ進む' }));
  await phone.waitForURL(/\/check$/);
  await resident.click(phone.getByRole('button', { name: '申請する' }));
  await phone.waitForURL(/done=submitted/);

  resident.section('保育所等利用申込');
  await phone.goto('/portal/procedures/daycare-application');
  await resident.click(phone.getByRole('button', { name: '申請を始める' }));
  await phone.waitForURL(/\/pages\/applicant/);
  await resident.type(phone.getByLabel('日中の連絡先電話番号'), PHONE);
  await resident.click(phone.getByRole('button', { name: '次へ進む' }));
  await phone.waitForURL(/\/pages\/children/);
  const childBox = phone.locator('input[name="children"]').first();
  const childLabel = (await phone.locator(`label[for="${await childBox.getAttribute('id')}"]`).textContent() ?? '').trim();
  await resident.check(childBox);
  await resident.type(phone.getByLabel('利用を始めたい日'), shortWareki(april));
  await resident.click(phone.getByRole('button', { name: '次へ進む' }));
  await phone.waitForURL(/\/pages\/facilities/);
  await resident.select(phone.getByLabel('第1希望'), { label: 'みどり保育園' });
  await resident.click(phone.getByRole('button', { name: '次へ進む' }));
  await phone.waitForURL(/\/pages\/need/);
  await resident.select(phone.getByLabel('保護者1の理由'), 'employed');
  await resident.type(phone.getByLabel('保護者1の1週間の就労時間'), '40');
  await resident.select(phone.getByLabel('保護者2の理由'), 'employed');
  await resident.type(phone.getByLabel('保護者2の1週間の就労時間'), '32');
  await resident.click(phone.getByRole('button', { name: '次へ進む' }));
  await phone.waitForURL(/\/attachments$/);
  await phone.getByLabel('ファイル', { exact: false }).setInputFiles({ name: 'shuro.png', mimeType: 'image/png', buffer: png() });
  await resident.click(phone.getByRole('button', { name: '添付する' }));
  await phone.waitForLoadState('load');
  await resident.click(phone.getByRole('link', { name: '確認へ進む' }));
  await phone.waitForURL(/\/check$/);
  await resident.click(phone.getByRole('button', { name: '申請する' }));
  await phone.waitForURL(/done=submitted/);
  const residentSeconds = resident.seconds();

  // Re-keying today: the same two applications typed by staff from paper (or from another product's print-out).
  const desk = new Meter(clerk);
  const office = new Meter(hoiku);
  const t0 = performance.now();
  desk.section('住民票の写し（証明書交付画面）');
  await clerk.goto('/console/registry');
  await desk.type(clerk.locator('input[name="q"]'), `${familyName} ${givenName}`);
  await desk.press('Enter');
  await clerk.waitForURL(/\/console\/registry\?/);
  await desk.click(clerk.getByRole('link', { name: new RegExp(`${familyName}\\s*${givenName}`) }).first());
  await clerk.waitForURL(/\/console\/registry\/persons\//);
  await desk.click(clerk.getByRole('link', { name: '証明書を交付' }));
  await clerk.waitForURL('**/console/certificates?personId=*');
  await desk.check(clerk.getByLabel('本人', { exact: true }));
  await desk.select(clerk.getByLabel(/本人確認書類/), { label: 'マイナンバーカード' });
  // 通数: 1 is the default.
  await desk.click(clerk.getByRole('button', { name: '確認へ進む' }));
  await clerk.waitForURL('**/console/certificates/preview?*');
  await desk.click(clerk.getByRole('button', { name: /交付する/ }));
  await clerk.waitForURL('**/console/certificates/issuances/*');

  office.section('保育所等利用申込（申込登録画面）');
  const guardian = `${familyName}${givenName}`;
  const child = childLabel.replace(/[（(].*$/, '').replace(/\s/g, '');
  await hoiku.goto('/console/daycare/rounds/R9-BENCH/applications/new');
  await office.type(hoiku.locator('#householdId'), 'H-0001');
  await office.type(hoiku.locator('#guardianName'), guardian);
  await office.type(hoiku.locator('#childId'), 'C-0001');
  await office.type(hoiku.locator('#childName'), child || 'こども');
  await office.select(hoiku.locator('#ageClass'), '1');
  await office.type(hoiku.locator('#preferences'), 'F-MIDORI');
  await office.select(hoiku.locator('#parent1Need'), 'employed');
  await office.type(hoiku.locator('#parent1Hours'), '40');
  await office.select(hoiku.locator('#parent2Need'), 'employed');
  await office.type(hoiku.locator('#parent2Hours'), '32');
  await office.click(hoiku.getByRole('button', { name: '登録する' }));
  await hoiku.waitForURL(/\/applications\/C-0001$/);
  const staffSeconds = (performance.now() - t0) / 1000;

  const klm = (k: number, p: number) => Math.round(k * 0.28 + p * 1.1);
  const st = { keys: desk.keys + office.keys, pointer: desk.pointer + office.pointer, pages: desk.pages + office.pages };
  console.log(`online procedures bench (issue #14) on ${config.databaseUrl ? 'PostgreSQL' : 'PGlite'}, Chromium ${browser.version()}: 住民票の写し (郵送) + 保育所等利用申込 with a photo`);
  console.log('');
  console.log('                                   keystrokes  pointer  pages  seconds (scripted)  time (KLM estimate)');
  const row = (name: string, k: number, p: number, pg: number, s: number) =>
    console.log(`${name.padEnd(35)}${String(k).padStart(10)}${String(p).padStart(9)}${String(pg).padStart(7)}${s.toFixed(1).padStart(20)}${`${klm(k, p)} s`.padStart(21)}`);
  row('resident online (phone, prefilled)', resident.keys, resident.pointer, resident.pages, residentSeconds);
  row('staff re-keying today', st.keys, st.pointer, st.pages, staffSeconds);
  row('staff after an online application', 0, 0, 0, 0);
  console.log('');
  console.log('by application (keystrokes):');
  for (const [k, n] of resident.byPart) console.log(`  resident  ${k}: ${n}`);
  for (const [k, n] of [...desk.byPart, ...office.byPart]) console.log(`  staff     ${k}: ${n}`);
  console.log('');
  console.log('the resident types only what the registry cannot know (phone, copies, purpose, start date, hours); name, address,');
  console.log('birth date and the household\'s children come from the registry. Staff re-keying also needs the paper in hand;');
  console.log('after an online application the case carries the data: staff type nothing (0 keystrokes), they decide.');
  console.log(`staff work saved per pair of applications: ${st.keys} keystrokes, ${st.pointer} pointer actions, ${st.pages} pages (${klm(st.keys, st.pointer)} s by KLM, ${staffSeconds.toFixed(1)} s scripted)`);
} finally {
  await browser.close();
  await running.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

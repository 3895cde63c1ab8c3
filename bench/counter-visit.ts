// SPDX-License-Identifier: EUPL-1.2
/**
 * The 書かない窓口 measured (issue #11): a scripted browser run (Debian Chromium via playwright-core) of a move-in
 * family of four at the counter — keystrokes, pointer actions, pages and seconds — against entering the same
 * procedures one by one in the separate staff screens, in the same run on the same server:
 *   - 転入: the registry's 転入 screen (/console/registry/changes/move-in), the whole household typed;
 *   - 保育: the daycare section's entry screen of a round (申込の登録);
 *   - 児童手当, 国保 資格取得, 印鑑登録 ×2, 子ども医療, 転入学: Jichi has no staff screen for these, so their forms' fields
 *     (the online form's where one exists, else the usual paper form) are typed into a generic entry and filed through
 *     the staff API. Said in the output.
 * The goal (issue #11): the counter under a quarter of the separate screens' keystrokes.
 *
 *   npx tsx bench/counter-visit.ts            (PGlite; DATABASE_URL=postgres://… for a PostgreSQL server)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signedInStaff } from './bench-browser.ts';
import { startServer } from '../src/main.ts';
import { loadConfig } from '../src/platform/config.ts';
import { FAMILY, genericForms, Meter, walkCounter, walkDaycareEntry, walkGenericEntry, walkRegistryMoveIn } from './counter-walk.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-counter-bench-'));
process.env.JICHI_DEMO_RESIDENTS ??= '300';
const { PUBLIC_URL: _p, ...env } = process.env;
const config = loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', JICHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', JICHI_SEED_DEMO: 'true', JICHI_DEMO_IDP_PORT: '0', LOGIN_ATTEMPTS_PER_5_MIN: '200' });
const running = await startServer(config, new Writable({ write(_c, _e, done) { done(); } }));
const browser: Browser = await launchChromium();

const signedIn = (loginId: string): Promise<Page> => signedInStaff(browser, running.url, loginId);

try {
  // Setup (not measured): the daycare section's open round with one facility.
  const hoiku = await signedIn('hoiku');
  await hoiku.goto('/console/daycare');
  await hoiku.locator('#roundId').fill('R9-BENCH');
  await hoiku.getByRole('button', { name: '回を作成する' }).click();
  await hoiku.waitForURL('**/console/daycare/rounds/R9-BENCH');
  await hoiku.goto('/console/daycare/rounds/R9-BENCH/facilities');
  await hoiku.locator('#facilityId').fill('F-DAIMON');
  await hoiku.locator('#facilityName').fill(FAMILY.daycarePreference);
  await hoiku.locator('#seats-3').fill('5');
  await hoiku.getByRole('button', { name: '施設を登録・変更する' }).click();
  await hoiku.waitForURL('**/facilities?saved');
  const clerk = await signedIn('madoguchi');
  const csrf = (await clerk.locator('input[name="_csrf"]').first().getAttribute('value'))!;

  // The counter.
  const counter = new Meter(clerk);
  const visit = await walkCounter(counter);
  const counterSeconds = counter.seconds();
  counter.stop();

  // The separate staff screens, one procedure after another (the registry and generic entry by the counter clerk,
  // the daycare entry by the daycare section's clerk; signed in before the clock starts).
  const sepClerk = new Meter(clerk);
  const sepHoiku = new Meter(hoiku);
  const t0 = performance.now();
  await walkRegistryMoveIn(sepClerk);
  await walkDaycareEntry(sepHoiku, 'R9-BENCH', 'F-DAIMON');
  const separateCases: string[] = [];
  for (const form of genericForms()) separateCases.push(await walkGenericEntry(sepClerk, form, csrf));
  const separateSeconds = (performance.now() - t0) / 1000;

  const sep = { keys: sepClerk.keys + sepHoiku.keys, pointer: sepClerk.pointer + sepHoiku.pointer, pages: sepClerk.pages + sepHoiku.pages };
  const parts = new Map([...sepClerk.byPart, ...sepHoiku.byPart]);
  const named = [...parts].filter(([k]) => /^(転入|保育|児童手当|国民健康保険|印鑑登録)/.test(k)).reduce((a, [, n]) => a + n, 0);
  // Keystroke-level model (Card, Moran & Newell): 0.28 s a keystroke (average typist), 1.1 s a pointer action; an estimate of a clerk's time.
  const klm = (k: number, p: number) => Math.round(k * 0.28 + p * 1.1);
  console.log(`counter bench (issue #11) on ${config.databaseUrl ? 'PostgreSQL' : 'PGlite'}, Chromium ${browser.version()}, family of four moving in (転入 + 児童手当 + 保育 + 国保 + 印鑑登録 ×2; the rules add 子ども医療 and 転入学)`);
  console.log(`filed at the counter: registry 仮登録 + ${visit.caseNos.length} cases in one transaction; separately: registry 仮登録 + daycare application + ${separateCases.length} cases`);
  console.log('');
  console.log('                        keystrokes  pointer  pages  seconds (scripted)  clerk time (KLM estimate)');
  const row = (name: string, k: number, p: number, pg: number, s: number) =>
    console.log(`${name.padEnd(24)}${String(k).padStart(10)}${String(p).padStart(9)}${String(pg).padStart(7)}${s.toFixed(1).padStart(20)}${`${klm(k, p)} s`.padStart(27)}`);
  row('counter (書かない窓口)', counter.keys, counter.pointer, counter.pages, counterSeconds);
  row('separate staff screens', sep.keys, sep.pointer, sep.pages, separateSeconds);
  console.log('');
  console.log('counter keystrokes by step:');
  for (const [k, n] of counter.byPart) console.log(`  ${k}: ${n}`);
  console.log('separate screens keystrokes by procedure:');
  for (const [k, n] of parts) console.log(`  ${k}: ${n}`);
  console.log('  (児童手当, 国保, 印鑑登録, 子ども医療, 転入学 have no staff screen in Jichi: their forms\' fields typed into a generic entry, filed by the staff API)');
  console.log('');
  const counterNamed = counter.keys - (counter.byPart.get('子ども医療・転入学') ?? 0);
  console.log(`ratio counter / separate keystrokes: ${(counter.keys / sep.keys).toFixed(3)} (goal < 0.25)`);
  console.log(`  the five named procedures only (転入, 児童手当, 保育, 国保, 印鑑登録): counter ${counterNamed} / separate ${named} = ${(counterNamed / named).toFixed(3)}`);
  console.log(`ratio counter / separate pages: ${(counter.pages / sep.pages).toFixed(3)}; pointer actions: ${(counter.pointer / sep.pointer).toFixed(3)}; seconds: ${(counterSeconds / separateSeconds).toFixed(3)}`);
} finally {
  await browser.close();
  await running.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

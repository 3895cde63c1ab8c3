// SPDX-License-Identifier: EUPL-1.2
/** The registry pages in English (lang cookie): fixed UI text translated, stored data as stored; Japanese unchanged. */
import { beforeAll, describe, expect, it } from 'vitest';
import { registryText } from '../src/web/pages/registry-i18n.ts';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get } = consoleSessions(t, CODE);

let clerk: ConsoleSession, approver: ConsoleSession;
let headId: string, householdId: string;
const en = (s: ConsoleSession, path: string) => get(s, path, { cookie: `${s.cookie}; lang=en` });

beforeAll(async () => {
  clerk = await signIn(['counter']);
  approver = await signIn(['approver']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '5-5', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '英語', givenName: '太郎', familyNameKana: 'エイゴ', givenNameKana: 'タロウ', birthDate: '1980-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }],
  });
  headId = plan.snapshots[0]!.personId;
  householdId = plan.snapshots[0]!.record.householdId;
});

describe('registry pages in English', () => {
  it('shows the search page and its results in English, with names and addresses as stored', async () => {
    const page = await (await en(clerk, `/console/registry?q=${encodeURIComponent('エイゴ')}`)).text();
    expect(page).toContain('<h1 class="text-std-32B-150">Resident search</h1>');
    expect(page).toContain('Search term');
    expect(page).toContain('>Results <');
    expect(page).toContain('Head of household');
    expect(page).toContain('英語　太郎');
    expect(page).toContain('大字広丘野村5-5');
    expect(page).toContain('Male');
    expect(page).not.toContain('住民検索</h1>');
  });

  it('shows the person and household records in English', async () => {
    const person = await (await en(clerk, `/console/registry/persons/${headId}`)).text();
    expect(person).toContain('Resident record: 英語　太郎');
    expect(person).toContain('Items of the resident record');
    expect(person).toContain('History');
    expect(person).toContain('Move-in');
    expect(person).not.toContain('住民票の記載事項');
    const household = await (await en(clerk, `/console/registry/households/${householdId}`)).text();
    expect(household).toContain('Household record: household no.');
    expect(household).toContain('Members');
  });

  it('shows the provisional list and statistics in English', async () => {
    expect(await (await en(approver, '/console/registry/provisional')).text()).toContain('Provisional changes');
    const stats = await (await en(approver, '/console/registry/statistics?asOf=2025-01-01')).text();
    expect(stats).toContain('Population statistics');
    expect(stats).toContain('大字広丘野村');
  });

  it('shows the change screens\' titles and buttons in English; fields not yet translated stay Japanese', async () => {
    const form = await (await en(clerk, `/console/registry/changes/move-within?householdId=${householdId}`)).text();
    expect(form).toContain('Move within the municipality: enter the change');
    expect(form).toContain('Continue to confirmation');
    expect(form).toContain('異動日');
    const ja = await (await get(clerk, `/console/registry/changes/move-within?householdId=${householdId}`)).text();
    expect(ja).toContain('転居の入力');
    expect(ja).toContain('確認へ進む');
  });

  it('keeps the Japanese pages as they were', async () => {
    const search = await (await get(clerk, `/console/registry?q=${encodeURIComponent('エイゴ')}`)).text();
    expect(search).toContain('<h1 class="text-std-32B-150">住民検索</h1>');
    expect(search).toContain('検索結果');
    expect(search).not.toContain('Resident search');
    const person = await (await get(clerk, `/console/registry/persons/${headId}`)).text();
    expect(person).toContain('個人票: 英語　太郎');
    expect(person).toContain('住民票の記載事項');
    expect(person).not.toContain('Items of the resident record');
  });

  it('falls back to Japanese for any text not translated into English', () => {
    const ja = registryText('ja');
    const english = registryText('en');
    expect(english.search.title).toBe('Resident search');
    expect(english.none).toBe(ja.none);
    expect(english.kinds['move-in']).toBe('Move-in');
    expect(ja.kinds).toEqual({});
    expect(english.statistics.totalColumns).toHaveLength(6);
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Issue #13 (spec §5.1, §5.8): the counter's certificate form offers the layout (世帯連記式/個人票, the municipality's
// default named) and the omittable foreign-resident items; the preview and the result page raise the over-length alert
// with the fields, in Japanese and in English.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);

const field = (html: string, name: string) => {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return m ? m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>') : undefined;
};

let clerk: Session;
let headId: string, wifeId: string, householdId: string;
const LONG = '東京都千代田区霞が関二丁目一番二号中央合同庁舎第二号館'.repeat(5);

beforeAll(async () => {
  clerk = await signIn(['counter']);
  await t.services.tenants.updateSettings(CODE, { mayorName: '塩尻　一郎' });
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: LONG,
    address: { townName: '大字広丘野村', banchi: '2-2', katagaki: '', unlisted: false },
    persons: [
      { residentKind: 'japanese', familyName: '様式', givenName: '一郎', familyNameKana: 'ヨウシキ', givenNameKana: 'イチロウ', birthDate: '1980-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: '様式', givenName: '花子', familyNameKana: 'ヨウシキ', givenNameKana: 'ハナコ', birthDate: '1982-05-05', sex: 'female', honseki: '長野県塩尻市', relationship: '妻' },
    ],
  });
  const by = (rel: string) => plan.snapshots.find((s) => s.record.relationship === rel)!.personId;
  headId = by('世帯主'); wifeId = by('妻');
  householdId = plan.snapshots[0]!.record.householdId;
});

const formQuery = (over: Record<string, string | string[]> = {}) => {
  const q = new URLSearchParams();
  const fields: Record<string, string | string[]> = {
    householdId, personId: headId, _form: '1', kind: 'residence-copy', persons: [headId, wifeId], requesterType: 'self', requesterPersonId: headId,
    identityDocument: 'my-number-card', copies: '1', items: ['householdHead', 'previousAddress'], purpose: '', ...over,
  };
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  return q.toString();
};

describe('certificate options and over-length alert on the counter screens (spec §5.1, §5.8)', () => {
  it('offers the layout with the municipality default and the omittable items, checked by default', async () => {
    const html = await (await get(clerk, `/console/certificates?personId=${headId}`)).text();
    expect(html).toContain('様式（住民票の写し）');
    expect(html).toContain('市区町村の既定（世帯連記式）');
    expect(html).toMatch(/id="layout-default" name="layout" value="" checked/);
    expect(html).toMatch(/id="item-nationality" name="items" value="nationality" checked/);
    expect(html).toMatch(/id="item-foreignCategory" name="items" value="foreignCategory" checked/);
    expect(html).toMatch(/id="item-aliasHistory" name="items" value="aliasHistory"\s*\/?>/);
    const en = await (await get(clerk, `/console/certificates?personId=${headId}`, { cookie: `${clerk.cookie}; lang=en` })).text();
    expect(en).toContain('Municipality default (Household form (世帯連記式))');
  });

  it('alerts to the value that does not fit before issue and on the result page, with the chosen layout', async () => {
    const preview = await get(clerk, `/console/certificates/preview?${formQuery({ layout: 'individual' })}`);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('data-testid="overflow-alert"');
    expect(html).toMatch(/data-testid="overflow-fields">前住所</);
    expect(html).toContain('欄の幅まで印字し');
    expect(html).toMatch(/data-testid="layout-printed">個人票</);
    const first = await post(clerk, '/console/certificates/issuances', { _csrf: clerk.csrf, _idem: field(html, '_idem')!, request: field(html, 'request')! });
    expect(first.status).toBe(303);
    const result = await (await get(clerk, first.headers.get('location')!)).text();
    expect(result).toContain('交付時に欄に収まらない記載事項がありました');
    expect(result).toMatch(/data-testid="overflow-fields">前住所</);
    expect(result).toMatch(/data-testid="issued-layout">個人票</);
    const en = await (await get(clerk, first.headers.get('location')!, { cookie: `${clerk.cookie}; lang=en` })).text();
    expect(en).toContain('Some items did not fit their field when this certificate was issued');
    // Without the over-length item there is no alert.
    const fits = await (await get(clerk, `/console/certificates/preview?${formQuery({ items: ['householdHead'] })}`)).text();
    expect(fits).not.toContain('data-testid="overflow-alert"');
    expect(fits).toMatch(/data-testid="layout-printed">世帯連記式</);
  });

  it('refuses a layout the standard does not know by ignoring it (the default applies), never a 5xx', async () => {
    const res = await get(clerk, `/console/certificates/preview?${formQuery({ layout: 'landscape', items: ['householdHead'] })}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/data-testid="layout-printed">世帯連記式</);
  });
});

// 見える化の設定 (issue #12): the manager's settings (population and band, hourly cost, counter baseline, consent to be
// named) and the KPI targets, saved by administrators only, checked before anything is written, safe to repeat, shown
// on the dashboard; the console form (post/redirect/get, Japanese messages, nothing changed on refusal).
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../../../test/test-app.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';

const M = '202151';
const OTHER = '202011';
const actor = (roles: Role[], m = M): Actor => ({ type: 'staff', municipalityCode: m, staffId: '00000000-0000-4000-8000-000000000001', loginId: 'kanri', displayName: '管理 良子', roles,
  csrfToken: '', sessionTokenHash: '', authMethod: 'password' });
const base = { population: 66_000, hourlyCostYen: 4200, counterBaselineMinutes: 25, namedConsent: true };

describe('insights settings and KPI targets', () => {
  const t = useTestApp();
  beforeAll(async () => {
    for (const m of [M, OTHER]) if (!(await t.services.tenants.isOnboarded(m))) await t.services.tenants.onboard(m);
  });
  const rows = () => withTenant(t.services.db, M, (trx) => trx.selectFrom('insights.kpiTarget').select(['metric', 'target']).orderBy('metric').execute());

  it('saves the profile and the targets, shows them back with the class and band, and removes a target left empty', async () => {
    await t.services.insights.saveSettings(actor(['admin']), { ...base, targets: { online_share: 0.4, lead_median_hours: 24, counter_wait_median_minutes: 15 } });
    const s = await t.services.insights.settings(actor(['analyst']));
    expect(s).toMatchObject({ municipalityClass: '一般市', band: '50k-100k', profile: base, targets: { online_share: 0.4, lead_median_hours: 24, counter_wait_median_minutes: 15 } });
    // Repeating the same save changes nothing; an empty target is removed.
    await t.services.insights.saveSettings(actor(['admin']), { ...base, targets: { online_share: 0.4, lead_median_hours: 24, counter_wait_median_minutes: 15 } });
    expect(await rows()).toHaveLength(3);
    await t.services.insights.saveSettings(actor(['admin']), { ...base, targets: { lead_median_hours: null } });
    expect((await rows()).map((r) => r.metric)).toEqual(['counter_wait_median_minutes', 'online_share']);
    expect((await t.services.insights.dashboard(actor(['analyst']))).targets).toEqual({ online_share: 0.4, counter_wait_median_minutes: 15 });
  });

  it('refuses bad values with a stable code and a Japanese message, writing nothing, and refuses non-administrators', async () => {
    const before = { rows: await rows(), settings: await t.services.insights.settings(actor(['analyst'])) };
    const bad: Array<[Partial<typeof base> & { targets: Record<string, number | null> }, string]> = [
      [{ targets: { online_share: 1.5 } }, 'invalid-kpi-target'],
      [{ targets: { cost_per_case_yen: -1 } }, 'invalid-kpi-target'],
      [{ targets: { no_such_metric: 1 } }, 'invalid-kpi-target'],
      [{ targets: { auto_share: Number.NaN } }, 'invalid-kpi-target'],
      [{ hourlyCostYen: 0, targets: {} }, 'invalid-insights-profile'],
      [{ population: 12.5, targets: { online_share: 0.9 } }, 'invalid-insights-profile'],
    ];
    for (const [input, code] of bad) {
      const err = await t.services.insights.saveSettings(actor(['admin']), { ...base, hourlyCostYen: 9999, ...input } as never).catch((e: unknown) => e);
      expect(err).toMatchObject({ code, status: 400 });
      expect((err as { title: string }).title).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
    await expect(t.services.insights.saveSettings(actor(['analyst']), { ...base, targets: {} })).rejects.toMatchObject({ status: 403 });
    expect(await rows()).toEqual(before.rows);
    expect(await t.services.insights.settings(actor(['analyst']))).toEqual(before.settings);
    // Another municipality sees none of these targets.
    const theirs = await withTenant(t.services.db, OTHER, (trx) => sql<{ n: number }>`SELECT count(*)::int AS n FROM insights.kpi_target`.execute(trx));
    expect(theirs.rows[0]!.n).toBe(0);
  });

  it('edits the settings in the console: administrators save (303), a bad value is refused in Japanese, analysts only read', async () => {
    const signIn = async (roles: Role[]) => {
      const { loginId } = await t.staff(M, roles);
      const res = await t.app.request('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams({ municipalityCode: M, loginId, password: TEST_PASSWORD }).toString() });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const page = await (await t.app.request('/console/insights/settings', { headers: { cookie } })).text();
      return { cookie, page, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
    };
    const post = (cookie: string, fields: Record<string, string>) => t.app.request('/console/insights/settings', { method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, body: new URLSearchParams(fields).toString() });
    const admin = await signIn(['admin']);
    expect(admin.page).toContain('見える化の設定');
    expect(admin.page).toContain('5万〜10万人');
    expect(admin.page).toMatch(/id="target\.online_share"[^>]*value="40"/);
    const fields = { _csrf: admin.csrf, population: '６６０００', hourlyCostYen: '4,500', counterBaselineMinutes: '20', namedConsent: 'no',
      'target.online_share': '55.5', 'target.within_legal_share': '98', 'target.lead_median_hours': '', 'target.auto_share': '', 'target.cost_per_case_yen': '1200', 'target.counter_wait_median_minutes': '15' };
    const ok = await post(admin.cookie, fields);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/console/insights/settings?saved=1');
    const s = await t.services.insights.settings(actor(['analyst']));
    expect(s.profile).toEqual({ population: 66_000, hourlyCostYen: 4500, counterBaselineMinutes: 20, namedConsent: false });
    expect(s.targets).toEqual({ online_share: 0.555, within_legal_share: 0.98, cost_per_case_yen: 1200, counter_wait_median_minutes: 15 });
    const refused = await post(admin.cookie, { ...fields, hourlyCostYen: '9000', 'target.online_share': '120' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('オンライン申請の割合の目標は0以上の数値で入力してください');
    expect(html).toMatch(/id="hourlyCostYen"[^>]*value="9000"/);
    expect((await t.services.insights.settings(actor(['analyst']))).profile.hourlyCostYen).toBe(4500);
    const analyst = await signIn(['analyst']);
    expect(analyst.page).toContain('設定の変更は管理者が行います');
    expect(analyst.page).not.toContain('設定を保存する');
    expect((await post(analyst.cookie, { ...fields, _csrf: analyst.csrf, hourlyCostYen: '1' })).status).toBe(403);
    expect((await post(admin.cookie, { ...fields, _csrf: 'wrong' })).status).toBe(403);
    expect((await t.services.insights.settings(actor(['analyst']))).profile.hourlyCostYen).toBe(4500);
  });
});

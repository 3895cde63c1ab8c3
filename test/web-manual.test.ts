// SPDX-License-Identifier: EUPL-1.2
/**
 * ヘルプ機能 (標準仕様書 §10.5; issue #13): every registry screen route has a page of the operation manual (Japanese and
 * English, docs/manual), the screen links to it and the link resolves; the change forms give a hint beside every field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANUAL_DIR, MANUAL_SCREENS, manualSlugFor } from '../src/web/manual/manual-index.ts';
import { CHANGE_KIND_LABELS } from '../src/web/registry/registry-ui.tsx';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get } = consoleSessions(t, CODE);
const UUID = '00000000-0000-4000-8000-000000000000';

/** The console's GET routes of registry screens (downloads left out), with a path to request for each. */
function registryScreens(): Array<{ route: string; sample: string }> {
  const routes = (t.app as unknown as { routes: Array<{ method: string; path: string }> }).routes
    .filter((r) => r.method === 'GET' && r.path.startsWith('/console/registry') && !/\.(csv|pdf)$|\/forms\/:file$/.test(r.path));
  return [...new Set(routes.map((r) => r.path))].map((route) => ({
    route,
    sample: route.replace(/:id\{[^}]*\}\}?/g, UUID).replace(/:kind/g, 'move-in').replace(/:id/g, UUID),
  }));
}

let clerk: ConsoleSession;
beforeAll(async () => { clerk = await signIn(['counter', 'reviewer']); });

describe('operation manual (console help)', () => {
  it('has a Japanese and an English page for every registry screen route, and each screen links to its page', async () => {
    const screens = registryScreens();
    expect(screens.length).toBeGreaterThanOrEqual(12);
    for (const s of screens) {
      const slug = manualSlugFor(s.sample);
      expect(slug, s.route).toBeDefined();
      for (const lang of ['ja', 'en']) expect(fs.existsSync(path.join(MANUAL_DIR, lang, `${slug}.md`)), `${lang}/${slug}.md`).toBe(true);
    }
    for (const m of MANUAL_SCREENS) for (const lang of ['ja', 'en']) expect(fs.existsSync(path.join(MANUAL_DIR, lang, `${m.slug}.md`)), `${lang}/${m.slug}.md`).toBe(true);
    // Screens that render for the clerk carry the link, and the link resolves to the manual page.
    for (const p of ['/console/registry', '/console/registry/changes/move-in', '/console/registry/provisional', '/console/registry/mine', '/console/registry/statistics', '/console/registry/glyphs', '/console/registry/batches', '/console/registry/address-changes']) {
      const html = await (await get(clerk, p)).text();
      const href = /<a class="link[^"]*" href="([^"]+)" data-testid="help-link">ヘルプ（操作マニュアル）<\/a>/.exec(html)?.[1];
      expect(href, p).toBe(`/console/manual/${manualSlugFor(p)}`);
      const manual = await get(clerk, href!);
      expect(manual.status, href).toBe(200);
      expect(await manual.text()).toContain('data-testid="manual-page"');
    }
  });

  it('serves a page as HTML in the console language, with a link to the other language; unknown pages are 404', async () => {
    const ja = await (await get(clerk, '/console/manual/change-entry')).text();
    expect(ja).toMatch(/<h1 class="text-std-32B-150">異動の入力（仮登録）<\/h1>/);
    expect(ja).toContain('<ol class="mt-3 list-decimal pl-6">');
    expect(ja).toContain('href="/console/manual/change-entry?lang=en"');
    expect(ja).toContain('<a class="link" href="/console/admin/messages">エラー・アラート一覧</a>');
    const en = await (await get(clerk, '/console/manual/change-entry?lang=en')).text();
    expect(en).toContain('Entering a change (provisional)');
    const byCookie = await (await get(clerk, '/console/manual/search', { cookie: `${clerk.cookie}; lang=en` })).text();
    expect(byCookie).toContain('<h1 class="text-std-32B-150">Resident search</h1>');
    expect(await (await get(clerk, '/console/manual')).text()).toContain('href="/console/manual/approval"');
    expect((await get(clerk, '/console/manual/no-such-page')).status).toBe(404);
    expect((await get(clerk, '/console/manual/..%2F..%2Fpackage')).status).toBe(404);
    expect((await t.app.request('/console/manual/search')).status).toBe(303);
  });

  it('gives every field of every change form a hint beside it (Japanese and English)', async () => {
    const reg = t.services.registry;
    const { plan } = await reg.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
      expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '3-3', katagaki: '', unlisted: false },
      persons: [{ residentKind: 'japanese', familyName: '案内', givenName: '一郎', familyNameKana: 'アンナイ', givenNameKana: 'イチロウ', birthDate: '1980-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }] } as never);
    const { personId } = plan.snapshots[0]!;
    const householdId = plan.snapshots[0]!.record.householdId;
    const missing: string[] = [];
    for (const lang of ['ja', 'en']) {
      for (const kind of Object.keys(CHANGE_KIND_LABELS)) {
        const res = await get(clerk, `/console/registry/changes/${kind}?personId=${personId}&householdId=${householdId}`, lang === 'en' ? { cookie: `${clerk.cookie}; lang=en` } : {});
        expect(res.status, kind).toBe(200);
        const html = await res.text();
        const form = html.slice(html.indexOf('<main'));
        for (const m of form.matchAll(/<(input|select|textarea)\b[^>]*class="form-control[^"]*"[^>]*>/g)) {
          const tag = m[0];
          if (/type="(hidden|checkbox|radio)"/.test(tag)) continue;
          const id = /\bid="([^"]+)"/.exec(tag)?.[1] ?? '?';
          const describedBy = /aria-describedby="([^"]+)"/.exec(tag)?.[1] ?? '';
          const hintId = describedBy.split(' ').find((x) => x.endsWith('-hint'));
          if (!hintId || !new RegExp(`id="${hintId}">[^<]{2,}`).test(form)) missing.push(`${lang} ${kind}: ${id}`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});

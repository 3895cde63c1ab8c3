// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue #9, "Clerks work with people, not identifiers": a crawler signs in as each demo role, follows the
 * console's links from /console (and from a search that lists demo residents) to depth 2, and fails on any
 * UUID, SHA-256 (or its name) or raw JSON in the text a person reads. Links and form values may carry ids;
 * the words on the screen may not.
 *
 * TARGETED (below): pages that showed identifiers on 84be6ac (世帯票, 仮登録一覧, the verify page), each checked
 * again directly; nothing is allowed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_CODE, DEMO_PASSWORD, DEMO_STAFF } from '../src/demo/demo-seed.ts';
import { useTestApp } from './test-app.ts';
import { demoAddressFiles } from '../src/domains/registry/index.ts';

const CODE = DEMO_MUNICIPALITY_CODE;
const t = useTestApp();

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const HASH = /sha-?256|\b[0-9a-f]{64}\b/i;
const RAW_JSON = /[{[]\s*"[A-Za-z_][\w-]*"\s*:/;

/**
 * Pages being fixed on other branches (issue #9): 世帯票 (registry pages engineer), 仮登録一覧 with its 入力者
 * (approval-queue engineer), the public certificate verify page (certificates engineer).
 */
const TARGETED: Array<{ pattern: RegExp; owner: string }> = [
  { pattern: /^\/console\/registry\/households\//, owner: '世帯票 (registry screens)' },
  { pattern: /^\/console\/registry\/(provisional|mine)/, owner: '仮登録一覧 and 自分の入力 (approval queue)' },
  { pattern: /^\/verify/, owner: 'certificate verify page (certificates)' },
];
const allowed = (_path: string) => false;

/** The words a person reads: the body without tags, scripts and the head, plus the attributes that are read aloud or shown. */
export function visibleText(html: string): string {
  const body = html.replace(/<head>[^]*?<\/head>/i, '').replace(/<script[^]*?<\/script>/gi, '');
  const spoken = [...body.matchAll(/\s(?:title|aria-label|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const text = body.replace(/<[^>]+>/g, ' ');
  return [text, ...spoken].join(' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** What is wrong with a page's text, or [] when it is clean. */
export function identifierProblems(html: string): string[] {
  const text = visibleText(html);
  const out: string[] = [];
  for (const [name, re] of [['UUID', UUID], ['SHA-256', HASH], ['raw JSON', RAW_JSON]] as const) {
    const m = re.exec(text);
    if (m) out.push(`${name}: …${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20).replace(/\s+/g, ' ')}…`);
  }
  return out;
}

async function signIn(loginId: string): Promise<string> {
  const res = await t.app.request('/login', {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    body: new URLSearchParams({ municipalityCode: CODE, loginId, password: DEMO_PASSWORD }).toString(),
  });
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Same-origin page links of a page (GET only; no sign-out, language switch, downloads or API). */
function links(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\s[^>]*href="([^"#]+)[^"]*"/g)) {
    const href = m[1]!.replace(/&amp;/g, '&');
    if (!href.startsWith('/console') || /\.(pdf|csv|json)(\?|$)/.test(href)) continue;
    out.push(href);
  }
  return out;
}

/** Crawls the console as one signed-in staff member; returns every visited page with its problems. */
async function crawl(cookie: string, starts: string[], maxDepth = 2, maxPages = 80) {
  const seen = new Set<string>();
  const perShape = new Map<string, number>();
  const pages: Array<{ path: string; status: number; problems: string[] }> = [];
  let frontier = starts.map((p) => ({ path: p, depth: p === '/console' ? 0 : 1 }));
  while (frontier.length > 0 && pages.length < maxPages) {
    const next: typeof frontier = [];
    for (const { path, depth } of frontier) {
      if (seen.has(path) || pages.length >= maxPages) continue;
      seen.add(path);
      // Many links of one shape (every resident of a list): three of each are enough.
      const shape = path.replace(/\?.*$/, '').replace(/\/[^/]*\d[^/]*/g, '/:id');
      const n = (perShape.get(shape) ?? 0) + 1;
      perShape.set(shape, n);
      if (n > 3) continue;
      const res = await t.app.request(path, { headers: { cookie, accept: 'text/html' } });
      const type = res.headers.get('content-type') ?? '';
      if (!type.includes('text/html')) { await res.body?.cancel(); continue; }
      const html = await res.text();
      pages.push({ path, status: res.status, problems: allowed(path.split('?')[0]!) ? [] : identifierProblems(html) });
      if (depth < maxDepth) for (const l of links(html)) if (!seen.has(l)) next.push({ path: l, depth: depth + 1 });
    }
    frontier = next;
  }
  return pages;
}

describe('no UUID, hash or raw JSON on the console screens (issue #9)', () => {
  beforeAll(async () => {
    await t.services.tenants.onboard(CODE, { mayorName: '百瀬 敬' });
    await t.services.registry.loadAddressMaster(CODE, demoAddressFiles(CODE)!, 'test');
    for (const s of DEMO_STAFF) {
      await t.services.identity.addStaff({ type: 'operator', id: 'test' }, CODE, { ...s, password: DEMO_PASSWORD }, { clientIp: '', requestId: 'test' });
    }
    await t.services.registry.seedDemoResidents(CODE, { persons: 120 });
    // A daycare round with a result, so that its pages (overview, applications, explanations) have content.
    const hoiku = await t.login(CODE, 'hoiku', DEMO_PASSWORD);
    expect((await hoiku.request('POST', '/api/v1/daycare-demo-rounds', { roundId: 'DEMO', name: 'デモ', preset: 'town', seed: 1 })).status).toBe(201);
    expect((await hoiku.request('POST', '/api/v1/daycare-rounds/DEMO/allocation-runs')).status).toBe(201);
  }, 120_000);

  for (const staff of DEMO_STAFF) {
    it(`${staff.displayName}（${staff.roles.join(', ')}）: every page to depth 2 is clean`, async () => {
      const cookie = await signIn(staff.loginId);
      const starts = ['/console', '/console/registry?q=%E6%98%AD%E5%92%8C50%E5%B9%B4', '/console/daycare/rounds/DEMO', '/console/daycare/rounds/DEMO/applications?status=HOLD', '/console/nonexistent'];
      const pages = await crawl(cookie, starts);
      if (process.env.CRAWL_DEBUG) console.log(staff.loginId, pages.map((p) => `${p.status} ${p.path}`).join("\n"));
      expect(pages.length).toBeGreaterThan(1);
      const bad = pages.filter((p) => p.problems.length > 0).map((p) => `${p.path} (${p.status}): ${p.problems.join('; ')}`);
      expect(bad).toEqual([]);
      expect(pages.filter((p) => p.status >= 500).map((p) => p.path)).toEqual([]);
    }, 120_000);
  }

  it('reaches the pages it checks (the crawl is not vacuous)', async () => {
    const pages = await crawl(await signIn('hoiku'), ['/console', '/console/daycare/rounds/DEMO', '/console/daycare/rounds/DEMO/applications?status=HOLD']);
    const paths = pages.map((p) => p.path);
    expect(paths).toContain('/console/daycare/rounds/DEMO');
    expect(paths.some((p) => p.includes('/explanations/'))).toBe(true);
    const registry = await crawl(await signIn('madoguchi'), ['/console/registry?q=%E6%98%AD%E5%92%8C50%E5%B9%B4']);
    expect(registry.some((p) => p.path.startsWith('/console/registry/persons/'))).toBe(true);
  }, 120_000);

  it('the sign-in page and the portal are clean too, and an error page shows a short 問い合わせ番号, not the request id', async () => {
    for (const path of ['/login', '/portal', '/guide', '/guide?go=1&e=move-in&a0=38&n0=1&h0=1&a1=3', '/login?next=%2Fconsole%2Fnonexistent']) {
      const res = await t.app.request(path, { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      expect(identifierProblems(await res.text()), path).toEqual([]);
    }
    const res = await t.app.request('/no-such-page', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(identifierProblems(html)).toEqual([]);
    expect(html).toMatch(/問い合わせ番号: <span class="font-mono">[0-9A-F]{8}<\/span>/);
  });

  it('catches an id, a hash and JSON in page text (the checker itself)', () => {
    expect(identifierProblems('<p>入力者 3f2b8c1e-1111-4222-8333-444455556666</p>')).toHaveLength(1);
    expect(identifierProblems('<dd>SHA-256</dd>')).toHaveLength(1);
    expect(identifierProblems('<pre>{"code":"not-found"}</pre>')).toHaveLength(1);
    expect(identifierProblems('<a href="/console/registry/persons/3f2b8c1e-1111-4222-8333-444455556666">山田 花子</a>')).toEqual([]);
  });

  // Turn these on (it.skip → it) once the branches fixing these pages are merged.
  for (const a of TARGETED) {
    it(`${a.owner}: clean too (issue #9)`, async () => {
      for (const loginId of ['madoguchi', 'shinsa', 'kessai']) {
        const cookie = await signIn(loginId);
        const pages = await crawl(cookie, ['/console/registry?q=%E6%98%AD%E5%92%8C50%E5%B9%B4', '/console/registry/provisional', '/console/registry/mine'], 3);
        const targets = [...pages.map((p) => p.path), '/verify', '/verify?code=AAAA-BBBB-CCCC-DDDD-EEEE'].filter((p) => a.pattern.test(p.split('?')[0]!));
        expect(targets.length).toBeGreaterThan(0);
        for (const path of targets) {
          const res = await t.app.request(path, { headers: { cookie } });
          expect(identifierProblems(await res.text()), path).toEqual([]);
        }
      }
    });
  }
});

// SPDX-License-Identifier: EUPL-1.2
// Issue #9: a reload or second click on a daycare form records nothing twice. Every daycare form carries a
// one-time token; the same token returns the first answer (the redirect) instead of a second round or run.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';

const M = '202151';

describe('daycare console forms are safe to repeat', () => {
  const t = useTestApp();
  const pages = consoleSessions(t, M);
  let s: ConsoleSession;
  beforeAll(async () => { s = await pages.signIn(['daycare']); });

  const tokenOf = (html: string, action: string) => {
    const form = html.slice(html.indexOf(`action="${action}"`));
    return /name="_idem" value="([^"]+)"/.exec(form)![1]!;
  };

  it('generates one demo round and runs one allocation for a repeated form', async () => {
    const home = await (await pages.get(s, '/console/daycare')).text();
    const token = tokenOf(home, '/console/daycare/demo-rounds');
    const fields = { _csrf: s.csrf, _idem: token, roundId: 'R-REPEAT', name: '繰り返しの確認', preset: 'town', seed: '3' };
    const first = await pages.post(s, '/console/daycare/demo-rounds', fields);
    const again = await pages.post(s, '/console/daycare/demo-rounds', fields);
    expect(first.status).toBe(303);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const round = await (await pages.get(s, first.headers.get('location')!)).text();
    // The round's 基準日 is shown in 和暦, never as an ISO day (issue #9).
    expect(round).toMatch(/基準日<\/dt><dd>令和\d+年\d+月\d+日<\/dd>/);
    const runAction = '/console/daycare/rounds/R-REPEAT/allocation-runs';
    const runToken = tokenOf(round, runAction);
    const a = await pages.post(s, runAction, { _csrf: s.csrf, _idem: runToken });
    const b = await pages.post(s, runAction, { _csrf: s.csrf, _idem: runToken });
    expect(a.status).toBe(303);
    expect(b.headers.get('location')).toBe(a.headers.get('location'));
    expect(a.headers.get('location')).toContain('ran=1');
    // A fresh token (a new page) is a deliberate second run.
    const fresh = tokenOf(await (await pages.get(s, '/console/daycare/rounds/R-REPEAT')).text(), runAction);
    const c = await pages.post(s, runAction, { _csrf: s.csrf, _idem: fresh });
    expect(c.headers.get('location')).toContain('ran=2');
  });

  it('refuses a second round under the same id without a token as before (nothing changes)', async () => {
    const fields = { _csrf: s.csrf, roundId: 'R-REPEAT', name: '重複', preset: 'town', seed: '3' };
    const res = await pages.post(s, '/console/daycare/demo-rounds', fields);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

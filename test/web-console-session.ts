// SPDX-License-Identifier: EUPL-1.2
/** Console sessions for HTTP-level page tests: sign in through the login form, then GET and POST forms with the cookie. */
import { expect } from 'vitest';
import type { Role } from '../src/platform/auth/permissions.ts';
import { TEST_PASSWORD, type TestApp } from './test-app.ts';

/** A signed-in console session: the cookie, the CSRF token of the console page and the staff id. */
export interface ConsoleSession { cookie: string; csrf: string; staffId: string }

/** Page helpers bound to a test app. */
export function consoleSessions(t: TestApp, code: string) {
  return {
    /** Adds a staff member with `roles` and signs in through the login form. */
    async signIn(roles: Role[]): Promise<ConsoleSession> {
      const { loginId, staffId } = await t.staff(code, roles);
      const res = await t.app.request('/login', {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams({ municipalityCode: code, loginId, password: TEST_PASSWORD }).toString(),
      });
      expect(res.status).toBe(303);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const page = await (await t.app.request('/console', { headers: { cookie } })).text();
      return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)![1]!, staffId };
    },
    get: (s: ConsoleSession, path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers: { cookie: s.cookie, ...headers } }),
    post: (s: ConsoleSession, path: string, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
      return t.app.request(path, { method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, body: body.toString() });
    },
  };
}

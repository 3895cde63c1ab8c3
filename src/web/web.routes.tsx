// SPDX-License-Identifier: EUPL-1.2
/** The web UI (placeholder until the console lands). */
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/app-env.ts';
import type { Services } from '../services.ts';

export interface WebOptions {
  secureCookies: boolean;
  publicUrl: string;
  oidc?: { issuer: string; clientId: string; clientSecret?: string; label: string };
}

/** Mounts the server-rendered pages. */
export function webRoutes(_services: Services, _opts: WebOptions) {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.html(<html lang="ja"><body><h1>Jichi</h1></body></html>));
  return app;
}

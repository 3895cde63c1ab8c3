// SPDX-License-Identifier: EUPL-1.2
/**
 * Starts the real server in-process once for all browser tests: a fresh PGlite data directory with the
 * demo seed (塩尻市 and its demo staff), or the PostgreSQL server of DATABASE_URL when it is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../src/main.ts';
import { loadConfig } from '../../src/platform/config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the running server, e.g. http://127.0.0.1:40123. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-e2e-'));
  // The port is chosen by the OS, so a PUBLIC_URL from the environment would be wrong: drop it.
  // A small demo population keeps the browser tests fast (the default is the whole of 塩尻市, 66,000);
  // the registry reads the count from the process environment when the server seeds.
  process.env.JICHI_DEMO_RESIDENTS ??= '300';
  const { PUBLIC_URL: _publicUrl, ...env } = process.env;
  const config = loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', JICHI_DATA_DIR: dataDir, LOG_LEVEL: env.LOG_LEVEL ?? 'warn', JICHI_SEED_DEMO: 'true',
    // Every browser test signs in from 127.0.0.1; the limit per address is tested in test/web-lockout.test.ts.
    LOGIN_ATTEMPTS_PER_5_MIN: env.LOGIN_ATTEMPTS_PER_5_MIN ?? '200' });
  const quiet = new Writable({ write(_chunk, _enc, done) { done(); } });
  const running = await startServer(config, quiet);
  project.provide('baseUrl', running.url);
  return async () => {
    await running.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

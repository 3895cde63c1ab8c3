// SPDX-License-Identifier: EUPL-1.2
/**
 * Start-up: `npm start` (jichi serve) to ready on an existing data directory, against a baseline in the
 * same run: a bare Hono server started through the same tsx loader.
 *
 *   npx tsx bench/startup.ts [--runs 5]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5) || 5;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-startup-'));

/** Starts a process, waits until `url` answers 200, kills it; returns milliseconds to ready. */
async function timeToReady(args: string[], port: number, readyPath: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, PORT: String(port), JICHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${readyPath}`);
        if (res.ok) return performance.now() - started;
      } catch { /* not yet listening */ }
      if (performance.now() - started > 120_000) throw new Error('not ready after 120 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
  }
}

const bareScript = path.join(dataDir, 'bare.ts');
fs.writeFileSync(bareScript, `import { serve } from '@hono/node-server'; import { Hono } from 'hono';
serve({ fetch: new Hono().get('/readyz', (c) => c.json({ ok: true })).fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) });`);
fs.symlinkSync(path.resolve('node_modules'), path.join(dataDir, 'node_modules'));

const first = await timeToReady(['bin/jichi.js', 'serve'], 39001, '/readyz');
console.log(`first start (migrate + national list + demo seed): ${first.toFixed(0)} ms`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const jichi: number[] = [];
const bare: number[] = [];
for (let i = 0; i < runs; i++) {
  bare.push(await timeToReady(['--import', 'tsx', bareScript], 39002, '/readyz'));
  jichi.push(await timeToReady(['bin/jichi.js', 'serve'], 39001, '/readyz'));
}
console.log(`bare Hono server via tsx (baseline): median ${median(bare).toFixed(0)} ms over ${runs} runs`);
console.log(`jichi serve on an existing data directory: median ${median(jichi).toFixed(0)} ms over ${runs} runs (ratio ${(median(jichi) / median(bare)).toFixed(2)}x)`);
fs.rmSync(dataDir, { recursive: true, force: true });

// SPDX-License-Identifier: EUPL-1.2
/** Runs the `jichi` command as a real process on an embedded database of its own (for CLI tests). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/jichi.js');

/** Exit code and output of one run. */
export interface JichiRun {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs `jichi <args>` asynchronously (a blocking spawn would starve the test worker), with PGlite under
 * `dataDir` (DATABASE_URL is removed), silent logs, and `input` on standard input.
 */
export function runJichi(args: string[], opts: { dataDir: string; input?: string; cwd?: string }): Promise<JichiRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, JICHI_DATA_DIR: opts.dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.DATABASE_APP_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, cwd: opts.cwd });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(opts.input ?? '');
  });
}

// SPDX-License-Identifier: EUPL-1.2
/**
 * PGlite is a single-process database: two processes on one data directory would corrupt it. A lock file
 * with the owner's PID keeps a second `jichi` process (e.g. `jichi backup` while the server runs) out.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Refused because another live process holds the data directory. */
export class DataDirBusyError extends Error {
  readonly exitCode = 1;
  constructor(dir: string, pid: number) {
    super(`データディレクトリ ${dir} は別のプロセス（PID ${pid}）が使用中です。サーバーを停止してから実行してください`);
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Takes the lock of `dir`, or throws DataDirBusyError; returns the release function. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'jichi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => { try { if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file); } catch { /* already gone */ } };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && alive(pid)) throw new DataDirBusyError(dir, pid);
      fs.unlinkSync(file); // stale lock of a process that died
    }
  }
  throw new Error(`cannot lock ${dir}`);
}

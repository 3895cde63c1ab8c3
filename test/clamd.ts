// SPDX-License-Identifier: EUPL-1.2
/**
 * A real ClamAV daemon for tests (Debian's clamav-daemon, /usr/sbin/clamd), with one signature of our own: the
 * EICAR test string (the anti-virus industry's harmless test file), so no signature download is needed.
 * Present in CI (.ci/run installs it); on a machine without it the tests that need it are skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const CLAMD = '/usr/sbin/clamd';
export const clamdAvailable = fs.existsSync(CLAMD);

/** The EICAR test file, assembled at run time so that no file of the repository carries it. */
export const EICAR = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

async function listening(port: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.createConnection({ host: '127.0.0.1', port }, () => { c.end('zPING\0'); resolve(true); }).on('error', () => resolve(false));
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Starts clamd on a free loopback port; `url` for JICHI_CLAMD_URL, `stop()` ends it and removes its files. */
export async function startClamd(): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-clamd-'));
  fs.mkdirSync(path.join(dir, 'db'));
  fs.writeFileSync(path.join(dir, 'db', 'jichi-test.ndb'), `Jichi.Test.EICAR:0:*:${EICAR.toString('hex')}\n`);
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'clamd.conf'), [
    'Foreground yes', `DatabaseDirectory ${dir}/db`, `TCPSocket ${port}`, 'TCPAddr 127.0.0.1', `LogFile ${dir}/clamd.log`,
    `TemporaryDirectory ${dir}`, 'StreamMaxLength 25M', ''].join('\n'));
  const child: ChildProcess = spawn(CLAMD, ['-c', path.join(dir, 'clamd.conf')], { stdio: 'ignore' });
  if (!(await listening(port, 30_000))) {
    child.kill('SIGKILL');
    throw new Error(`clamd did not start: ${fs.existsSync(path.join(dir, 'clamd.log')) ? fs.readFileSync(path.join(dir, 'clamd.log'), 'utf8').slice(-2000) : 'no log'}`);
  }
  return {
    url: `tcp://127.0.0.1:${port}`, port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

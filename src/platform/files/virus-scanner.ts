// SPDX-License-Identifier: EUPL-1.2
/**
 * Virus scanning of files residents upload (issue #14: "virus-scanned where a scanner is configured"), through a
 * ClamAV daemon (clamd) that the municipality runs: `JICHI_CLAMD_URL=tcp://host:3310`. The clamd protocol's
 * INSTREAM command: `zINSTREAM\0`, then chunks (4-byte big-endian length + bytes), a zero-length chunk, and one
 * reply line `stream: OK` or `stream: <signature> FOUND` (or `… ERROR`). Nothing of the file is kept or logged here.
 */
import net from 'node:net';

export type ScanVerdict = { verdict: 'clean' } | { verdict: 'infected'; signature: string };

export interface VirusScanner {
  /** Where the scanner runs (for the start-up line; no secret in it). */
  readonly describe: string;
  scan(bytes: Uint8Array): Promise<ScanVerdict>;
}

/** The scanner could not give a verdict (unreachable, timed out, refused the stream): the file is not accepted. */
export class VirusScannerUnavailableError extends Error {}

const CHUNK = 64 * 1024;

/** A clamd client for `tcp://host:port` (the default port 3310). */
export function createClamdScanner(url: string, timeoutMs = 30_000): VirusScanner {
  const u = new URL(url);
  if (u.protocol !== 'tcp:') throw new Error(`JICHI_CLAMD_URL must be tcp://host:port, not ${u.protocol}`);
  const host = u.hostname;
  const port = Number(u.port || 3310);
  return {
    describe: `clamd ${host}:${port}`,
    scan: (bytes) => new Promise<ScanVerdict>((resolve, reject) => {
      const socket = net.createConnection({ host, port });
      const replies: Buffer[] = [];
      let settled = false;
      const done = (f: () => void) => { if (!settled) { settled = true; socket.destroy(); f(); } };
      socket.setTimeout(timeoutMs, () => done(() => reject(new VirusScannerUnavailableError('clamd timed out'))));
      socket.on('error', (e) => done(() => reject(new VirusScannerUnavailableError(`clamd: ${e.message}`))));
      socket.on('data', (d) => replies.push(d));
      socket.on('end', () => done(() => {
        const reply = Buffer.concat(replies).toString('utf8').replace(/\0+$/, '').trim();
        const verdict = parseReply(reply);
        if (verdict) resolve(verdict); else reject(new VirusScannerUnavailableError(`clamd answered: ${reply.slice(0, 200)}`));
      }));
      socket.on('connect', () => {
        socket.write('zINSTREAM\0');
        for (let i = 0; i < bytes.length; i += CHUNK) {
          const part = bytes.subarray(i, i + CHUNK);
          const len = Buffer.alloc(4);
          len.writeUInt32BE(part.length);
          socket.write(len);
          socket.write(part);
        }
        socket.write(Buffer.alloc(4)); // end of stream
      });
    }),
  };
}

/** `stream: OK` → clean; `stream: Name FOUND` → infected; anything else (`… ERROR`, size limit) → no verdict. */
export function parseReply(reply: string): ScanVerdict | null {
  const m = /^(?:stream|\d+): (.*)$/.exec(reply);
  if (!m) return null;
  if (m[1] === 'OK') return { verdict: 'clean' };
  const found = /^(.+) FOUND$/.exec(m[1]!);
  return found ? { verdict: 'infected', signature: found[1]! } : null;
}

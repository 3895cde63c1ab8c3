// SPDX-License-Identifier: EUPL-1.2
/**
 * The boundary to the 出入国在留管理庁 (法務大臣), outside this machine. Outbound: the 市町村通知 (入管法61条の8の2: every
 * 記載, 消除 or 記載の修正 of a foreign resident's 住民票), one message at a time; `createFileImmigrationAdapter` hands
 * them over as files (one JSON file per message, written atomically) the way a file link does, a message written again
 * replaces the first (a resend is harmless). Inbound: the 法務大臣's notices (住基法30条の50), which
 * `createFileImmigrationInbox` reads from the files the link delivers into `<dir>/<municipality>/`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** What the sender hands to an adapter. */
export interface ImmigrationEnvelope {
  municipalityCode: string;
  /** Order key: feed number of the change and position in it. */
  feedSeq: string;
  position: number;
  kind: 'municipal-notice';
  content: Record<string, string>;
}

/** Sends one message; throws when the link did not take it (the sender then stops, keeping the order). */
export interface ImmigrationAdapter {
  send(message: ImmigrationEnvelope): Promise<{ reference: string }>;
}

/** Writes each message as `<dir>/<municipality>/<feedSeq 12 digits>-<position 4 digits>-municipal-notice.json`. */
export function createFileImmigrationAdapter(dir: string): ImmigrationAdapter {
  return {
    async send(m) {
      const folder = path.join(dir, m.municipalityCode);
      await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      const name = `${m.feedSeq.padStart(12, '0')}-${String(m.position).padStart(4, '0')}-${m.kind}.json`;
      const tmp = path.join(folder, `.${name}.tmp`);
      await fs.writeFile(tmp, `${JSON.stringify({ ...m }, null, 2)}\n`, { mode: 0o600 });
      await fs.rename(tmp, path.join(folder, name));
      return { reference: name };
    },
  };
}

/** One file as received: its name (the notice's fallback number) and its parsed content, or why it could not be read. */
export type ReceivedFile = { name: string; body: unknown } | { name: string; unreadable: string };

/** Lists the notices the link has delivered for a municipality (all of them; taking a notice in twice is harmless). */
export interface ImmigrationInbox {
  list(municipalityCode: string): Promise<ReceivedFile[]>;
}

/** Reads `<dir>/<municipality>/*.json` in name order; hidden and temporary files are skipped. */
export function createFileImmigrationInbox(dir: string): ImmigrationInbox {
  return {
    async list(municipalityCode) {
      if (!/^\d{6}$/.test(municipalityCode)) return [];
      let names: string[];
      try {
        names = (await fs.readdir(path.join(dir, municipalityCode))).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
      } catch {
        return [];
      }
      const out: ReceivedFile[] = [];
      for (const name of names) {
        try {
          out.push({ name, body: JSON.parse(await fs.readFile(path.join(dir, municipalityCode, name), 'utf8')) as unknown });
        } catch (e) {
          out.push({ name, unreadable: (e as Error).name });
        }
      }
      return out;
    },
  };
}

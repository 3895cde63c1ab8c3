// SPDX-License-Identifier: EUPL-1.2
/**
 * The boundary to the 住基ネット CS (コミュニケーションサーバ): an adapter sends one message and returns the CS's
 * reference. The real CS is outside this machine; `createFileJukinetAdapter` hands messages over as files in a
 * directory (one JSON file per message, written atomically: temporary file, then rename), the way a municipality's
 * file link to the CS works. A file of the same message written again replaces the first (a resend is harmless).
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** What the sender hands to an adapter. */
export interface JukinetEnvelope {
  municipalityCode: string;
  /** Order key: feed number of the change and position in it. */
  feedSeq: string;
  position: number;
  kind: string;
  content: Record<string, string>;
}

/** Sends one message; throws when the CS did not take it (the sender then stops, keeping the order). */
export interface JukinetAdapter {
  send(message: JukinetEnvelope): Promise<{ reference: string }>;
}

/** Writes each message as `<dir>/<municipality>/<feedSeq 12 digits>-<position 4 digits>-<kind>.json`. */
export function createFileJukinetAdapter(dir: string): JukinetAdapter {
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

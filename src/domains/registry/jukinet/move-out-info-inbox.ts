// SPDX-License-Identifier: EUPL-1.2
/**
 * 転出証明書情報 received through the 住基ネット CS (特例転入, 住基法24条の2, spec §4.1.1.3): the old municipality's 特例転出
 * sends it, the new one prefills the 転入 from it. The real CS is outside this machine; `createFileMoveOutInfoInbox`
 * reads the messages a file link delivers into `<dir>/<municipality>/` — the same envelope the outbox's file adapter
 * writes (jukinet-adapter.ts), kind `move-out-certificate-info`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** One received 転出証明書情報 (items named as in the outbox's content). */
export interface MoveOutInfo {
  /** 市区町村コード of the municipality the person moved out of. */
  fromMunicipalityCode: string;
  items: Record<string, string>;
}

/** Finds received 転出証明書情報 by 住民票コード. */
export interface MoveOutInfoInbox {
  find(municipalityCode: string, residentCode: string): Promise<MoveOutInfo | undefined>;
}

/** Reads `<dir>/<municipality>/*.json`; the latest file (by name) for a 住民票コード wins. */
export function createFileMoveOutInfoInbox(dir: string): MoveOutInfoInbox {
  return {
    async find(municipalityCode, residentCode) {
      if (!/^\d{6}$/.test(municipalityCode) || !/^\d{11}$/.test(residentCode)) return undefined;
      const folder = path.join(dir, municipalityCode);
      let names: string[];
      try {
        names = (await fs.readdir(folder)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort().reverse();
      } catch {
        return undefined;
      }
      for (const n of names) {
        try {
          const m = JSON.parse(await fs.readFile(path.join(folder, n), 'utf8')) as { kind?: string; municipalityCode?: string; content?: Record<string, string> };
          if (m.kind === 'move-out-certificate-info' && m.content?.['住民票コード'] === residentCode) {
            return { fromMunicipalityCode: m.municipalityCode ?? m.content['市区町村コード'] ?? '', items: m.content };
          }
        } catch { /* a garbled file is skipped (spec §4.1.3.1.2: an error list; here: not offered) */ }
      }
      return undefined;
    },
  };
}

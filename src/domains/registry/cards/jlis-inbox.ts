// SPDX-License-Identifier: EUPL-1.2
/**
 * Answers and notices J-LIS sends through the 住基ネット CS (spec §7.1.1.3, §7.1.2.1, §7.1.2.2, §7.1.2.4). The real CS
 * is outside this machine; `createFileJlisInbox` reads what the file link delivers into `<dir>/<municipality>/` — the
 * same folder and envelope as the 転出証明書情報 (move-out-info-inbox.ts; JICHI_JUKINET_INBOX_DIR), one JSON file per
 * message `{ "kind": …, "municipalityCode": "202151", "content": { … } }` with these kinds and items:
 *
 * - `my-number-change-answer` — 請求番号 (the request's id), 住民票コード, 個人番号 (the new number J-LIS generated)
 * - `token-answer` — 請求番号, 住民票コード, 符号
 * - `request-refusal` — 請求番号, 理由 (J-LIS could not do what was asked)
 * - `card-status-notice` — 住民票コード, 状態 (申請中|交付済|一時停止|失効|廃止|返納), 状態年月日, 交付年月日?, 有効期限?
 * - `jpki-certificate-notice` — 住民票コード, 証明書 (署名用|利用者証明用), シリアル番号, 事象 (発行|失効), 年月日
 *
 * Other kinds (the 転出証明書情報) are left to their own reader. Each file is applied once (by name; see
 * card.service.ts), in name order.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export const JLIS_INBOX_KINDS = ['my-number-change-answer', 'token-answer', 'request-refusal', 'card-status-notice', 'jpki-certificate-notice'] as const;
export type JlisInboxKind = (typeof JLIS_INBOX_KINDS)[number];

/** One delivered file: its name, and its kind and items (undefined when the file cannot be read). */
export interface JlisInboxFile { fileName: string; kind: JlisInboxKind | 'unreadable'; content: Record<string, string> }

/** Lists the delivered answers and notices of one municipality. */
export interface JlisInbox { list(municipalityCode: string): Promise<JlisInboxFile[]> }

/** Reads `<dir>/<municipality>/*.json` in name order. */
export function createFileJlisInbox(dir: string): JlisInbox {
  return {
    async list(municipalityCode) {
      if (!/^\d{6}$/.test(municipalityCode)) return [];
      const folder = path.join(dir, municipalityCode);
      let names: string[];
      try {
        names = (await fs.readdir(folder)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
      } catch {
        return [];
      }
      const out: JlisInboxFile[] = [];
      for (const fileName of names) {
        try {
          const m = JSON.parse(await fs.readFile(path.join(folder, fileName), 'utf8')) as { kind?: string; content?: Record<string, unknown> };
          if (!(JLIS_INBOX_KINDS as readonly string[]).includes(m.kind ?? '')) continue;
          const content = Object.fromEntries(Object.entries(m.content ?? {}).map(([k, v]) => [k, String(v ?? '')]));
          out.push({ fileName, kind: m.kind as JlisInboxKind, content });
        } catch {
          out.push({ fileName, kind: 'unreadable', content: {} });
        }
      }
      return out;
    },
  };
}

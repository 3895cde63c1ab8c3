// SPDX-License-Identifier: EUPL-1.2
/**
 * The catalogue of every error and alert code the registry raises (標準仕様書 §11 エラー・アラート項目): a data file,
 * `registry-messages.json`, with the Japanese and English message, the level (エラー blocks, アラート warns and allows),
 * the area of the registry and the item of the standard's annex lists it answers (none known: the annexes are not
 * available here). `registry-messages.test.ts` keeps it equal to the codes in src/domains/registry.
 */
import fs from 'node:fs';

/** エラー (blocks the change) or アラート (warns; the change goes ahead). */
export type MessageLevel = 'error' | 'alert';

/** One code of the catalogue. */
export interface RegistryMessage {
  code: string;
  level: MessageLevel;
  /** Where it arises: change (異動), review, batch, address-change, search, support-measure, suppression, feed, … */
  area: string;
  /** HTTP status of a refusal (errors of the rule catalogue). */
  status?: number;
  ja: string;
  en: string;
  /** Item of the standard's エラー項目一覧 / アラート項目一覧 (null: the annexes were not obtained). */
  annexItem: string | null;
}

/** The catalogue file. */
export const REGISTRY_MESSAGES_FILE = new URL('./registry-messages.json', import.meta.url);

/** The catalogue, in code order. */
export const REGISTRY_MESSAGES: readonly RegistryMessage[] = (JSON.parse(fs.readFileSync(REGISTRY_MESSAGES_FILE, 'utf8')) as { entries: RegistryMessage[] }).entries;

/** Areas in the order the catalogue page shows them, with their labels. */
export const MESSAGE_AREAS: Record<string, { ja: string; en: string }> = {
  change: { ja: '異動の入力', en: 'Entering changes' },
  review: { ja: '審査・決裁', en: 'Review and approval' },
  search: { ja: '検索', en: 'Search' },
  'support-measure': { ja: '支援措置', en: 'Support measures' },
  suppression: { ja: '抑止', en: 'Suppressions' },
  memo: { ja: 'メモ', en: 'Memos' },
  'address-change': { ja: '住所の一括変更', en: 'Bulk address change' },
  jukinet: { ja: '住基ネット', en: '住基ネット' },
  cards: { ja: '個人番号カード・電子証明書', en: 'My Number cards and certificates' },
  immigration: { ja: '法務大臣からの通知', en: 'Notices from the Minister of Justice' },
  guardianship: { ja: '成年後見の通知', en: 'Guardianship notices' },
  feed: { ja: '他業務システムへの連携', en: 'Feed to other systems' },
  forms: { ja: '帳票', en: 'Forms' },
  batch: { ja: 'バッチ処理', en: 'Batch work' },
  euc: { ja: 'EUC（データ抽出）', en: 'EUC data extraction' },
  migration: { ja: '移行データの取込', en: 'Migration import' },
};

/**
 * The text of a call's first argument, from `from` (just after the opening parenthesis) up to the first comma or
 * closing parenthesis outside nested parentheses.
 */
function firstArgument(source: string, from: number): string {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const ch = source[i];
    if (ch === '(') depth++;
    else if (ch === ')' && depth-- === 0) return source.slice(from, i);
    else if (ch === ',' && depth === 0) return source.slice(from, i);
  }
  return source.slice(from);
}

/**
 * The codes raised in one source file: the first argument of `fail(…)`, `alert(…)` and `refuse(…)` (ternaries
 * and nested calls included, literals compared with === left out), `new DomainError('…'` / `new RegistryRuleError('…'`,
 * `code: '…'` (a literal or a union of literals) as alerts and problem rows are written, and a union of code
 * literals as a function's return type (a function choosing the code another one fails with).
 */
export function codesRaisedIn(source: string): Set<string> {
  const out = new Set<string>();
  const literals = (s: string) => { for (const q of s.matchAll(/(?<![=!]==\s*)'([a-z0-9-]+)'/g)) out.add(q[1]!); };
  for (const m of source.matchAll(/\b(?:fail|alert|refuse)\(/g)) literals(firstArgument(source, m.index + m[0].length));
  for (const m of source.matchAll(/new (?:DomainError|RegistryRuleError)\('([a-z0-9-]+)'/g)) out.add(m[1]!);
  for (const m of source.matchAll(/\bcode: ('[a-z0-9-]+'(?:\s*\|\s*'[a-z0-9-]+')*)/g)) literals(m[1]!);
  // a function that picks the code another one fails with (its return type a union of code literals, maybe | null)
  for (const m of source.matchAll(/\)\s*:\s*('[a-z0-9-]+'(?:\s*\|\s*'[a-z0-9-]+')+)(?:\s*\|\s*null)?\s*\{/g)) literals(m[1]!);
  out.delete('custom'); // zod's issue code, not ours
  return out;
}

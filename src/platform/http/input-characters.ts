// SPDX-License-Identifier: EUPL-1.2
/**
 * Control characters in input (issue #9): a NUL or another control character in a search term, a name or
 * an uploaded file reached PostgreSQL (which refuses NUL in text) and came back as a 500. One check here,
 * used by the request middleware for every query parameter, path, form field, JSON string and text upload,
 * and by the zod string schemas and file parsers (CSV) that read input outside HTTP.
 */
import type { MiddlewareHandler } from 'hono';
import { DomainError } from './errors.ts';
import type { AppEnv } from './app-env.ts';

/** C0 controls (except tab, LF, CR), DEL and C1 controls: never part of a name, an address or a search term. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** The same plus tab and line breaks: for single-line values such as query parameters and path segments. */
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * True when `text` holds a control character. Multi-line text (form fields, JSON strings, files) may hold tab
 * and line breaks; a single line (query parameter, path, name) may not.
 * @example hasControlCharacter('山田\u0000') // true
 */
export function hasControlCharacter(text: string, opts: { multiline?: boolean } = {}): boolean {
  return (opts.multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(text);
}

/** Japanese labels of the field names that appear across forms and the API (the last segment of a path). */
const FIELD_LABELS: Record<string, string> = {
  q: '検索語', name: '氏名', mode: '検索方法', purpose: '利用目的', birthDate: '生年月日', address: '住所', townCode: '町字コード',
  townName: '町字', banchi: '番地', katagaki: '方書', familyName: '氏', givenName: '名', familyNameKana: '氏（フリガナ）',
  givenNameKana: '名（フリガナ）', romanName: 'ローマ字氏名', nationality: '国籍・地域', honseki: '本籍', hittosha: '筆頭者',
  relationship: '続柄', myNumber: '個人番号', residentCode: '住民票コード', residenceCardNo: '在留カード番号',
  residenceStatus: '在留資格', residencePeriod: '在留期間', residenceExpiry: '在留期間の満了日', oldSurname: '旧氏',
  oldSurnameKana: '旧氏（フリガナ）', alias: '通称', aliasKana: '通称（フリガナ）', movedOn: '異動日', notifiedOn: '届出日',
  occurredOn: '異動日', reason: '理由', note: '備考', destination: '転出先', loginId: 'ログインID', password: 'パスワード',
  displayName: '氏名', municipalityCode: '団体コード', guardianName: '保護者氏名', childName: '児童氏名', childId: '児童番号',
  householdId: '世帯番号', roundId: '回の番号', facilityId: '施設番号', preferences: '希望施設', csv: 'CSVファイル',
  reference: '参照ファイル', code: '番号', path: 'URL', body: '送信内容',
};

/** The Japanese name of a field for messages: 「氏」, 「2人目の氏」 (form row p1-…, JSON members.1.…), or the key itself. */
export function fieldLabel(path: string): string {
  const parts = path.split(/[.\-[\]]+/).filter(Boolean);
  const last = parts[parts.length - 1] ?? path;
  const label = FIELD_LABELS[last] ?? last;
  const row = parts.slice(0, -1).reverse().map((p) => /^p?(\d+)$/.exec(p)).find(Boolean);
  return row ? `${Number(row[1]) + 1}人目の${label}` : label;
}

/** The request holds a control character: refused before anything reads or stores it. */
export class InvalidCharactersError extends DomainError {
  constructor(readonly field: string) {
    const label = fieldLabel(field);
    super('invalid-characters', `「${label}」に使用できない文字（制御文字）が含まれています。入力し直してください`, 400,
      `Field "${field}" contains a control character`, { invalidParams: [{ name: field, code: 'invalid-characters', reason: `「${label}」に制御文字が含まれています` }] });
  }
}

/** Deepest nesting of a JSON body that any operation accepts (the deepest schema is a few levels). */
export const MAX_JSON_DEPTH = 32;

/** Refused: a JSON body nested deeper than any operation needs (a parser or validator could run out of stack). */
export class TooDeepError extends DomainError {
  constructor() {
    super('body-too-deep', `送信内容の入れ子が深すぎます（${MAX_JSON_DEPTH}段まで）`, 400, `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/**
 * Throws InvalidCharactersError for the first string (or key) of a JSON value that holds a control character, and
 * TooDeepError for a value nested deeper than MAX_JSON_DEPTH. Iterative: no input can exhaust the stack here.
 */
export function assertNoControlCharactersIn(value: unknown, path = 'body'): void {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path, depth: 0 }];
  while (stack.length > 0) {
    const { v, path: at, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (hasControlCharacter(v, { multiline: true })) throw new InvalidCharactersError(at);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) throw new TooDeepError();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${at}.${i}`, depth: depth + 1 });
    } else {
      const entries = Object.entries(v);
      for (const [k] of entries) if (hasControlCharacter(k)) throw new InvalidCharactersError(at);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        stack.push({ v: child, path: at === 'body' ? k : `${at}.${k}`, depth: depth + 1 });
      }
    }
  }
}

/** Paths served as HTML pages by the web UI (everything but the API and the OIDC callback). */
export function isWebPath(path: string): boolean {
  return !/^\/(api|auth)(\/|$)/.test(path) && path !== '/healthz' && path !== '/readyz';
}

const TEXT_UPLOAD = /^(text\/|application\/(json|csv)\b)|\.(csv|json|txt|tsv)$/i;

/**
 * Refuses (400 `invalid-characters`) a request whose path, query parameters, form fields, text uploads,
 * JSON string values or text body hold a control character. Bodies are read once and stay cached for the
 * route (Hono keeps the parsed body on the request).
 */
export function rejectControlCharacters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let path = c.req.path;
    try { path = decodeURIComponent(path); } catch { /* a malformed escape is the router's business */ }
    if (hasControlCharacter(path)) throw new InvalidCharactersError('path');
    const url = new URL(c.req.url);
    for (const [k, v] of url.searchParams) {
      if (hasControlCharacter(k) || hasControlCharacter(v)) throw new InvalidCharactersError(k);
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && c.req.raw.body) {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
        const form = await c.req.parseBody({ all: true });
        for (const [k, raw] of Object.entries(form)) {
          for (const v of Array.isArray(raw) ? raw : [raw]) {
            if (typeof v === 'string') {
              if (hasControlCharacter(v, { multiline: true })) throw new InvalidCharactersError(k);
            } else if (v instanceof File && (TEXT_UPLOAD.test(v.type) || TEXT_UPLOAD.test(v.name))) {
              if (hasControlCharacter(await v.text(), { multiline: true })) throw new InvalidCharactersError(k);
            }
          }
        }
      } else if (/^application\/([\w.-]+\+)?json$/.test(type) || type.startsWith('text/')) {
        // Read the bytes (cached as they came: a route that checks the encoding still sees the original).
        const text = new TextDecoder().decode(await c.req.arrayBuffer());
        if (type.startsWith('text/')) {
          if (hasControlCharacter(text, { multiline: true })) throw new InvalidCharactersError('body');
          return next();
        }
        let parsed: unknown;
        try { parsed = JSON.parse(text); } catch { parsed = undefined; } // malformed JSON: the validator answers
        if (parsed !== undefined) assertNoControlCharactersIn(parsed);
      }
    }
    await next();
  };
}

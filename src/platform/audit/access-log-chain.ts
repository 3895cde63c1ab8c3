// SPDX-License-Identifier: EUPL-1.2
/**
 * Verifies the access log's hash chain independently of the database: recomputes each entry's SHA-256
 * from its fields (the same canonical text as audit.entry_text in SQL) and checks the links.
 */
import crypto from 'node:crypto';
import type { AccessLogRow } from './access-log.repository.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** An entry's position as hashed: chain 0 (every entry before migration 0009) its number alone, others "chain.number". */
const position = (e: Pick<AccessLogRow, 'chain' | 'chainSeq'>) => (e.chain === 0 ? String(e.chainSeq) : `${e.chain}.${e.chainSeq}`);

/**
 * The canonical text of an entry: fields joined by U+001F (must match audit.entry_text). The fields added later
 * (migration 0021: the disclosed items; 0022: the terminal and place) follow only when not empty, so older entries
 * keep their text and hash.
 */
export function entryText(e: AccessLogRow): string {
  const fields = [
    e.prevHash, e.municipalityCode, position(e), e.occurredAt.toISOString(), e.actorType, e.actorId, e.action,
    e.subjectType, e.subjectId, e.purpose, e.myNumberAccessed ? '1' : '0', e.clientIp, e.requestId, e.outcome,
  ];
  // Migration 0035: an entry with a screen name appends four fields; 0022: one with a terminal or place three, one
  // without only its disclosed items.
  if (e.screenName) fields.push(e.disclosedItems ?? '', e.terminalCode ?? '', e.placeCode ?? '', e.screenName);
  else if (e.terminalCode || e.placeCode) fields.push(e.disclosedItems ?? '', e.terminalCode ?? '', e.placeCode ?? '');
  else if (e.disclosedItems) fields.push(e.disclosedItems);
  return fields.join('\u001f');
}

/** SHA-256 hex of the entry's canonical text. */
export function entryHash(e: AccessLogRow): string {
  return crypto.createHash('sha256').update(entryText(e), 'utf8').digest('hex');
}

/**
 * A problem found in the chain. `truncated`: the entry a checkpoint recorded as the head (and so every entry
 * after it) is gone; `checkpoint-mismatch`: that entry exists with another hash (issue #15).
 */
export interface ChainBreak {
  municipalityCode: string;
  chain: number;
  /** Position in the chain (chain_seq). */
  seq: number;
  reason: 'hash-mismatch' | 'broken-link' | 'gap' | 'truncated' | 'checkpoint-mismatch';
}

/**
 * The newest entry of one of a municipality's chains: what a checkpoint anchors outside the database. A
 * municipality has several chains (migration 0009); `chain` is 0 in checkpoints written before them.
 */
export interface ChainHead {
  municipalityCode: string;
  chain: number;
  /** Position in the chain (chain_seq). */
  seq: number;
  hash: string;
}

/** Result of verifying the chain. */
export interface ChainReport {
  entries: number;
  municipalities: number;
  breaks: ChainBreak[];
  /** The head of each chain of each municipality, in (municipality, chain) order. */
  heads: ChainHead[];
}

/**
 * Verifies entries given in (municipality, chain, position) order. With `checkpoint` (heads recorded earlier), also
 * proves that no entry up to each recorded head was deleted: a chain alone cannot show that its newest entries are
 * missing, since what remains still links up.
 */
export async function verifyChain(entries: AsyncIterable<AccessLogRow> | Iterable<AccessLogRow>, opts: { checkpoint?: ChainHead[] } = {}): Promise<ChainReport> {
  const report: ChainReport = { entries: 0, municipalities: 0, breaks: [], heads: [] };
  const key = (m: string, chain: number) => `${m}/${chain}`;
  const anchors = new Map((opts.checkpoint ?? []).map((h) => [key(h.municipalityCode, h.chain ?? 0), { ...h, chain: h.chain ?? 0 }]));
  const anchored = new Set<string>();
  let municipality = '';
  let current = '';
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let last: AccessLogRow | undefined;
  const head = (e: AccessLogRow): ChainHead => ({ municipalityCode: e.municipalityCode, chain: e.chain, seq: e.chainSeq, hash: e.hash });
  for await (const e of entries) {
    const k = key(e.municipalityCode, e.chain);
    if (k !== current) {
      if (last) report.heads.push(head(last));
      current = k;
      prev = GENESIS_HASH;
      expectedSeq = 1;
      if (e.municipalityCode !== municipality) report.municipalities += 1;
      municipality = e.municipalityCode;
    }
    report.entries += 1;
    const at = { municipalityCode: e.municipalityCode, chain: e.chain, seq: e.chainSeq };
    if (e.chainSeq !== expectedSeq) report.breaks.push({ ...at, reason: 'gap' });
    if (e.prevHash !== prev) report.breaks.push({ ...at, reason: 'broken-link' });
    if (entryHash(e) !== e.hash) report.breaks.push({ ...at, reason: 'hash-mismatch' });
    const anchor = anchors.get(k);
    if (anchor && anchor.seq === e.chainSeq) {
      anchored.add(k);
      if (anchor.hash !== e.hash) report.breaks.push({ ...at, reason: 'checkpoint-mismatch' });
    }
    prev = e.hash;
    expectedSeq = e.chainSeq + 1;
    last = e;
  }
  if (last) report.heads.push(head(last));
  for (const [k, a] of anchors) if (!anchored.has(k)) report.breaks.push({ municipalityCode: a.municipalityCode, chain: a.chain, seq: a.seq, reason: 'truncated' });
  return report;
}

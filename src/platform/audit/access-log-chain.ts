// SPDX-License-Identifier: EUPL-1.2
/**
 * Verifies the access log's hash chain independently of the database: recomputes each entry's SHA-256
 * from its fields (the same canonical text as audit.entry_text in SQL) and checks the links.
 */
import crypto from 'node:crypto';
import type { AccessLogRow } from './access-log.repository.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The canonical text of an entry: fields joined by U+001F (must match audit.entry_text). */
export function entryText(e: AccessLogRow): string {
  return [
    e.prevHash, e.municipalityCode, String(e.seq), e.occurredAt.toISOString(), e.actorType, e.actorId, e.action,
    e.subjectType, e.subjectId, e.purpose, e.myNumberAccessed ? '1' : '0', e.clientIp, e.requestId, e.outcome,
  ].join('\u001f');
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
  seq: number;
  reason: 'hash-mismatch' | 'broken-link' | 'gap' | 'truncated' | 'checkpoint-mismatch';
}

/** The newest entry of a municipality's chain: what a checkpoint anchors outside the database. */
export interface ChainHead {
  municipalityCode: string;
  seq: number;
  hash: string;
}

/** Result of verifying the chain. */
export interface ChainReport {
  entries: number;
  municipalities: number;
  breaks: ChainBreak[];
  /** The head of each municipality's chain, in municipality order. */
  heads: ChainHead[];
}

/**
 * Verifies entries given in (municipality, seq) order. With `checkpoint` (heads recorded earlier), also proves
 * that no entry up to each recorded head was deleted: the chain alone cannot show that its newest entries are
 * missing, since what remains still links up.
 */
export async function verifyChain(entries: AsyncIterable<AccessLogRow> | Iterable<AccessLogRow>, opts: { checkpoint?: ChainHead[] } = {}): Promise<ChainReport> {
  const report: ChainReport = { entries: 0, municipalities: 0, breaks: [], heads: [] };
  const anchors = new Map((opts.checkpoint ?? []).map((h) => [h.municipalityCode, h]));
  const anchored = new Set<string>();
  let current = '';
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let last: AccessLogRow | undefined;
  for await (const e of entries) {
    if (e.municipalityCode !== current) {
      if (last) report.heads.push({ municipalityCode: last.municipalityCode, seq: last.seq, hash: last.hash });
      current = e.municipalityCode;
      prev = GENESIS_HASH;
      expectedSeq = 1;
      report.municipalities += 1;
    }
    report.entries += 1;
    if (e.seq !== expectedSeq) report.breaks.push({ municipalityCode: current, seq: e.seq, reason: 'gap' });
    if (e.prevHash !== prev) report.breaks.push({ municipalityCode: current, seq: e.seq, reason: 'broken-link' });
    if (entryHash(e) !== e.hash) report.breaks.push({ municipalityCode: current, seq: e.seq, reason: 'hash-mismatch' });
    const anchor = anchors.get(current);
    if (anchor && anchor.seq === e.seq) {
      anchored.add(current);
      if (anchor.hash !== e.hash) report.breaks.push({ municipalityCode: current, seq: e.seq, reason: 'checkpoint-mismatch' });
    }
    prev = e.hash;
    expectedSeq = e.seq + 1;
    last = e;
  }
  if (last) report.heads.push({ municipalityCode: last.municipalityCode, seq: last.seq, hash: last.hash });
  for (const a of anchors.values()) if (!anchored.has(a.municipalityCode)) report.breaks.push({ municipalityCode: a.municipalityCode, seq: a.seq, reason: 'truncated' });
  return report;
}

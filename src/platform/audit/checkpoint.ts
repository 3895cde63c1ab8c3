// SPDX-License-Identifier: EUPL-1.2
/**
 * Signed checkpoints of the access log (issue #15): the head (sequence and hash) of every municipality's chain,
 * written to a file outside the database and signed with HMAC-SHA-256. Someone who can delete the newest entries
 * of the log (and recompute nothing, since what remains still links up) is caught by `jichi audit verify
 * --checkpoint FILE`: an entry recorded as a head is missing. Without the key the file cannot be forged.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChainHead } from './access-log-chain.ts';

const FORMAT = 'jichi-access-log-checkpoint' as const;

/** A checkpoint file. */
export interface Checkpoint {
  format: typeof FORMAT;
  /** 1: one chain per municipality (heads without `chain`); 2: several chains (migration 0009). */
  version: 1 | 2;
  createdAt: string;
  heads: ChainHead[];
  /** HMAC-SHA-256 (hex) of the canonical JSON of the fields above. */
  signature: string;
}

/** Refused: not a checkpoint, or its signature does not verify (forged, altered, or another key). */
export class CheckpointInvalidError extends Error {
  readonly exitCode = 2;
  constructor(reason: string) { super(`チェックポイントを使えません: ${reason}`); }
}

/**
 * The signing key from `JICHI_AUDIT_CHECKPOINT_KEY` (base64, at least 32 bytes); a fixed development key
 * otherwise, with `dev` set so that the command can warn.
 */
export function checkpointKey(env: Record<string, string | undefined> = process.env): { key: Buffer; dev: boolean } {
  const raw = env.JICHI_AUDIT_CHECKPOINT_KEY;
  if (!raw) return { key: crypto.createHash('sha256').update('jichi-development-checkpoint-key').digest(), dev: true };
  const key = Buffer.from(raw, 'base64');
  if (key.length < 32) throw new CheckpointInvalidError('JICHI_AUDIT_CHECKPOINT_KEY は32バイト以上の base64 で指定してください');
  return { key, dev: false };
}

const canonical = (c: Omit<Checkpoint, 'signature'>) => JSON.stringify({
  format: c.format, version: c.version, createdAt: c.createdAt,
  heads: c.heads.map((h) => (c.version === 1 ? { municipalityCode: h.municipalityCode, seq: h.seq, hash: h.hash } : { municipalityCode: h.municipalityCode, chain: h.chain, seq: h.seq, hash: h.hash })),
});

/** Signs the heads as a checkpoint. */
export function signCheckpoint(heads: ChainHead[], key: Buffer, now = new Date()): Checkpoint {
  const body = { format: FORMAT, version: 2 as const, createdAt: now.toISOString(), heads };
  return { ...body, signature: crypto.createHmac('sha256', key).update(canonical(body)).digest('hex') };
}

/** Reads and checks a checkpoint file's text; returns its heads. @throws CheckpointInvalidError */
export function readCheckpoint(text: string, key: Buffer): Checkpoint {
  let c: Checkpoint;
  try { c = JSON.parse(text) as Checkpoint; } catch { throw new CheckpointInvalidError('JSON として読めません'); }
  if (c?.format !== FORMAT || (c.version !== 1 && c.version !== 2) || !Array.isArray(c.heads) || typeof c.signature !== 'string') throw new CheckpointInvalidError('チェックポイントの形式ではありません');
  for (const h of c.heads) {
    if (typeof h?.municipalityCode !== 'string' || !Number.isInteger(h.seq) || typeof h.hash !== 'string') throw new CheckpointInvalidError('先頭の記録が正しくありません');
    if (c.version === 2 ? !Number.isInteger(h.chain) : h.chain !== undefined) throw new CheckpointInvalidError('先頭の記録が正しくありません');
  }
  const expected = crypto.createHmac('sha256', key).update(canonical(c)).digest();
  const given = Buffer.from(c.signature, 'hex');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new CheckpointInvalidError('署名が一致しません（改変されたか、別の鍵で署名されています）');
  // A version-1 checkpoint anchored the single chain, which is chain 0 since migration 0009.
  return c.version === 1 ? { ...c, heads: c.heads.map((h) => ({ ...h, chain: 0 })) } : c;
}

const FILE = /^access-log-checkpoint-[0-9]{8}T[0-9]{6}Z\.json$/;

/**
 * Writes a checkpoint into `dir` as `access-log-checkpoint-<UTC time>.json` (atomically: written aside, then
 * renamed) and keeps the newest `keep` files there. Ship the directory to another store (object storage with
 * retention, another host): a checkpoint kept only beside the database proves less.
 */
export function writeCheckpointFile(dir: string, c: Checkpoint, keep = 168): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = c.createdAt.replace(/[-:]/g, '').replace(/\.[0-9]+Z$/, 'Z');
  const file = path.join(dir, `access-log-checkpoint-${stamp}.json`);
  const tmp = `${file}.partial-${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify(c, null, 2)}\n`);
  fs.renameSync(tmp, file);
  const old = fs.readdirSync(dir).filter((f) => FILE.test(f)).sort().reverse().slice(keep);
  for (const f of old) fs.rmSync(path.join(dir, f), { force: true });
  return file;
}

/** The newest checkpoint file in a directory written by `writeCheckpointFile`, or undefined. */
export function newestCheckpointFile(dir: string): string | undefined {
  const files = fs.readdirSync(dir).filter((f) => FILE.test(f)).sort();
  return files.length > 0 ? path.join(dir, files[files.length - 1]!) : undefined;
}

// SPDX-License-Identifier: EUPL-1.2
/**
 * Registry key configuration. `JICHI_MY_NUMBER_KEYS` holds `id:base64key[,id:base64key…]` (32-byte keys; the
 * first is current, the others decrypt older rows until rotation), `JICHI_MY_NUMBER_INDEX_KEY` a base64 key
 * of at least 32 bytes for the blind index. Without them a fixed development key is used and `devKeys` is
 * true, so a demo runs out of the box; production must set both.
 */
import crypto from 'node:crypto';
import type { MyNumberKeys } from './numbers/my-number-cipher.ts';

/** Parses the key settings; falls back to deterministic development keys. */
export function loadMyNumberKeys(env: Record<string, string | undefined>): MyNumberKeys & { devKeys: boolean } {
  const spec = env.JICHI_MY_NUMBER_KEYS;
  const index = env.JICHI_MY_NUMBER_INDEX_KEY;
  if (!spec || !index) {
    const dev = (label: string) => crypto.createHash('sha256').update(`jichi-development-only:${label}`).digest();
    return { currentKeyId: 'dev1', keys: { dev1: dev('data') }, indexKey: dev('index'), devKeys: true };
  }
  const keys: Record<string, Buffer> = {};
  let currentKeyId = '';
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, b64] = part.split(':');
    if (!id || !b64) throw new Error('JICHI_MY_NUMBER_KEYS must be id:base64key[,id:base64key…]');
    keys[id] = Buffer.from(b64, 'base64');
    currentKeyId ||= id;
  }
  return { currentKeyId, keys, indexKey: Buffer.from(index, 'base64'), devKeys: false };
}

/** Number of demo residents seeded on first start (`JICHI_DEMO_RESIDENTS`, default 66,000 ≈ 塩尻市). */
export function demoResidentCount(env: Record<string, string | undefined>): number {
  const n = Number(env.JICHI_DEMO_RESIDENTS ?? 66_000);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 66_000;
}

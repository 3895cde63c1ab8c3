// SPDX-License-Identifier: EUPL-1.2
/**
 * TOTP secrets sealed at rest (標準仕様書 §10.3, issue #13), like 個人番号 (registry/numbers/my-number-cipher.ts):
 * AES-256-GCM under a key from configuration, never from the database, bound to the staff member (associated data), so
 * a copied column or backup gives no authenticator. `JICHI_TOTP_KEYS` holds `id:base64key[,id:base64key…]` (32-byte
 * keys; the first seals, the others still open older values until they are sealed again); without it a fixed
 * development key is used (`devKey`), as for 個人番号. A stored value is `v1:<key id>:<iv>.<tag>.<ciphertext>`; a value
 * without that form is a secret kept as text before sealing (migration 0024) and is opened as it is, then sealed.
 */
import crypto from 'node:crypto';

/** The key material. */
export interface TotpKeys { currentKeyId: string; keys: Record<string, Buffer>; devKey: boolean }

/** Parses `JICHI_TOTP_KEYS`; falls back to a deterministic development key. */
export function loadTotpKeys(env: Record<string, string | undefined>): TotpKeys {
  const spec = env.JICHI_TOTP_KEYS;
  if (!spec) return { currentKeyId: 'dev1', keys: { dev1: crypto.createHash('sha256').update('jichi-development-only:totp').digest() }, devKey: true };
  const keys: Record<string, Buffer> = {};
  let currentKeyId = '';
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, b64] = part.split(':');
    if (!id || !b64 || !/^[A-Za-z0-9_-]{1,20}$/.test(id)) throw new Error('JICHI_TOTP_KEYS must be id:base64key[,id:base64key…]');
    keys[id] = Buffer.from(b64, 'base64');
    if (keys[id]!.length !== 32) throw new Error(`TOTP key ${id} must be 32 bytes`);
    currentKeyId ||= id;
  }
  return { currentKeyId, keys, devKey: false };
}

const PREFIX = 'v1:';

/** Creates the vault. */
export function createTotpVault(k: TotpKeys) {
  const key = (id: string) => {
    const x = k.keys[id];
    if (!x) throw new Error(`unknown TOTP key id ${id}`);
    return x;
  };
  return {
    /** True when the stored value is sealed under the current key (nothing to do). */
    isCurrent: (stored: string) => stored.startsWith(`${PREFIX}${k.currentKeyId}:`),
    /** True when the stored value is sealed (under any key). */
    isSealed: (stored: string) => stored.startsWith(PREFIX),
    /** Seals a base32 secret for a staff member. */
    seal(secret: string, staffId: string): string {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key(k.currentKeyId), iv);
      c.setAAD(Buffer.from(`totp:${staffId}`));
      const ct = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
      return `${PREFIX}${k.currentKeyId}:${iv.toString('base64')}.${c.getAuthTag().toString('base64')}.${ct.toString('base64')}`;
    },
    /** Opens a stored value (a text secret from before sealing is returned as it is); throws when tampered or moved. */
    open(stored: string, staffId: string): string {
      if (!stored.startsWith(PREFIX)) return stored;
      const [, id, body] = /^v1:([^:]+):(.*)$/.exec(stored) ?? [];
      const [iv, tag, ct] = (body ?? '').split('.').map((p) => Buffer.from(p, 'base64'));
      const d = crypto.createDecipheriv('aes-256-gcm', key(id ?? ''), iv!);
      d.setAAD(Buffer.from(`totp:${staffId}`));
      d.setAuthTag(tag!);
      return Buffer.concat([d.update(ct!), d.final()]).toString('utf8');
    },
  };
}

export type TotpVault = ReturnType<typeof createTotpVault>;

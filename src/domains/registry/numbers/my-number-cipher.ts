// SPDX-License-Identifier: EUPL-1.2
/**
 * Encryption of 個人番号 at rest: AES-256-GCM with a key id per ciphertext (rotation re-encrypts under the
 * current key), and a keyed blind index (HMAC-SHA256) so equality search and 再転入 detection never need
 * the plaintext. Keys come from configuration (`registry.config.ts`), never from the database.
 */
import crypto from 'node:crypto';

/** Key material: data keys by id (the current one encrypts), and the blind-index key. */
export interface MyNumberKeys {
  currentKeyId: string;
  keys: Record<string, Buffer>;
  indexKey: Buffer;
}

/** A ciphertext with the id of the key that produced it. */
export interface SealedMyNumber {
  keyId: string;
  ciphertext: string;
}

/** Creates the cipher; throws when a key is not 32 bytes or the current key is missing. */
export function createMyNumberCipher(k: MyNumberKeys) {
  for (const [id, key] of Object.entries(k.keys)) {
    if (key.length !== 32) throw new Error(`my-number key ${id} must be 32 bytes`);
  }
  if (!k.keys[k.currentKeyId]) throw new Error('current my-number key missing');
  if (k.indexKey.length < 32) throw new Error('my-number index key must be at least 32 bytes');

  return {
    currentKeyId: k.currentKeyId,
    /** Keyed hash used as the lookup key; stable across data-key rotations. */
    blindIndex(myNumber: string): string {
      return crypto.createHmac('sha256', k.indexKey).update(`my-number:${myNumber}`).digest('hex');
    },
    /** Encrypts under the current key; the blind index is bound as associated data. */
    seal(myNumber: string, index: string): SealedMyNumber {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', k.keys[k.currentKeyId]!, iv);
      c.setAAD(Buffer.from(index));
      const ct = Buffer.concat([c.update(myNumber, 'utf8'), c.final()]);
      return { keyId: k.currentKeyId, ciphertext: `${iv.toString('base64')}.${c.getAuthTag().toString('base64')}.${ct.toString('base64')}` };
    },
    /** Decrypts; throws if the key is unknown or the ciphertext was tampered with. */
    open(sealed: SealedMyNumber, index: string): string {
      const key = k.keys[sealed.keyId];
      if (!key) throw new Error(`unknown my-number key id ${sealed.keyId}`);
      const [iv, tag, ct] = sealed.ciphertext.split('.').map((p) => Buffer.from(p, 'base64'));
      const d = crypto.createDecipheriv('aes-256-gcm', key, iv!);
      d.setAAD(Buffer.from(index));
      d.setAuthTag(tag!);
      return Buffer.concat([d.update(ct!), d.final()]).toString('utf8');
    },
  };
}

export type MyNumberCipher = ReturnType<typeof createMyNumberCipher>;

// SPDX-License-Identifier: EUPL-1.2
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTotpVault, loadTotpKeys } from './totp-vault.ts';

const b64 = () => crypto.randomBytes(32).toString('base64');

describe('TOTP secrets sealed at rest', () => {
  it('seals a secret under the current key, bound to the staff member; opens text secrets from before sealing as they are', () => {
    const vault = createTotpVault(loadTotpKeys({ JICHI_TOTP_KEYS: `k1:${b64()}` }));
    const sealed = vault.seal('JBSWY3DPEHPK3PXP', 'staff-a');
    expect(sealed).toMatch(/^v1:k1:/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(vault.open(sealed, 'staff-a')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => vault.open(sealed, 'staff-b')).toThrow();
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => vault.open(tampered, 'staff-a')).toThrow();
    expect(vault.open('JBSWY3DPEHPK3PXP', 'staff-a')).toBe('JBSWY3DPEHPK3PXP');
    expect(vault.isSealed('JBSWY3DPEHPK3PXP')).toBe(false);
  });

  it('rotates: an older key still opens, the new one seals; a missing key refuses', () => {
    const [k1, k2] = [b64(), b64()];
    const old = createTotpVault(loadTotpKeys({ JICHI_TOTP_KEYS: `k1:${k1}` })).seal('SECRET', 's');
    const rotated = createTotpVault(loadTotpKeys({ JICHI_TOTP_KEYS: `k2:${k2},k1:${k1}` }));
    expect(rotated.open(old, 's')).toBe('SECRET');
    expect(rotated.isCurrent(old)).toBe(false);
    expect(rotated.isCurrent(rotated.seal('SECRET', 's'))).toBe(true);
    expect(() => createTotpVault(loadTotpKeys({ JICHI_TOTP_KEYS: `k2:${k2}` })).open(old, 's')).toThrow(/unknown TOTP key/);
    expect(() => loadTotpKeys({ JICHI_TOTP_KEYS: 'k1:c2hvcnQ=' })).toThrow(/32 bytes/);
    expect(loadTotpKeys({}).devKey).toBe(true);
  });
});

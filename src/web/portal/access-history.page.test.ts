// SPDX-License-Identifier: EUPL-1.2
// The 閲覧履歴 shows purposes in words: a certificate's code becomes what was issued for whom; no code on screen.
import { describe, expect, it } from 'vitest';
import { purposeText } from './access-history.page.tsx';

describe('purposeText', () => {
  it('turns a certificate code into words and hides other codes', () => {
    expect(purposeText('residence-copy/self/1', 'ja', '（記録なし）')).toBe('住民票の写しの交付（本人からの請求）');
    expect(purposeText('move-out/household', 'ja', '（記録なし）')).toBe('転出証明書の交付（同一世帯員からの請求）');
    expect(purposeText('certificate-request', 'ja', '（記録なし）')).toBe('（記録なし）');
    expect(purposeText('住民ポータルへのログイン時の本人照合', 'ja', '（記録なし）')).toBe('住民ポータルへのログイン時の本人照合');
    expect(purposeText('', 'ja', '（記録なし）')).toBe('（記録なし）');
  });
});

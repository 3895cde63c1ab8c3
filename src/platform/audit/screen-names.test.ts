import { describe, expect, it } from 'vitest';
import { screenNameOf } from './screen-names.ts';

describe('screenNameOf (画面名, spec §10.2)', () => {
  it('names the console screen of a path, the most specific first', () => {
    expect(screenNameOf('/console/registry')).toBe('住民記録 住民検索');
    expect(screenNameOf('/console/registry/persons/7b0c3a52-0000-4000-8000-000000000000')).toBe('住民記録 個人票');
    expect(screenNameOf('/console/registry/changes/7b0c3a52-0000-4000-8000-000000000000/forms/notice.pdf')).toBe('住民記録 帳票印刷');
    expect(screenNameOf('/console/registry/changes/7b0c3a52-0000-4000-8000-000000000000')).toBe('住民記録 異動の詳細');
    expect(screenNameOf('/console/registry/changes/move-in')).toBe('住民記録 異動入力');
    expect(screenNameOf('/console/registry/euc/7b0c3a52-0000-4000-8000-000000000000/run')).toBe('住民記録 データ抽出（EUC）');
    expect(screenNameOf('/console/admin/access-log')).toBe('管理 アクセスログ');
    expect(screenNameOf('/console')).toBe('ホーム');
    expect(screenNameOf('/console/something-new')).toBe('職員コンソール');
  });
  it('names no screen for the API or the resident portal', () => {
    expect(screenNameOf('/api/v1/persons')).toBe('');
    expect(screenNameOf('/portal')).toBe('');
  });
});

// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { CardFaceError, parseCardFace, SIMULATED_CARDS, simulatedCardReader } from './card-face.ts';

describe('券面事項 through the card adapter', () => {
  it('reads the four basic items, names exactly as on the card, 和暦 to ISO', async () => {
    const text = await simulatedCardReader().read(0);
    expect(parseCardFace(text!)).toEqual({ familyName: '桔梗', givenName: '大樹', birthDate: '1988-05-10', sex: 'male', address: '東京都世田谷区桜丘二丁目3番4号' });
    expect(parseCardFace('氏名: 髙橋 﨑子\n住所: 大阪府\n生年月日: 2001-02-03\n性別: 女')).toMatchObject({ familyName: '髙橋', givenName: '﨑子', birthDate: '2001-02-03' });
    expect(await simulatedCardReader().read(SIMULATED_CARDS.length)).toBeNull();
  });

  it('refuses a text it cannot read, with a code', () => {
    const code = (t: string) => { try { parseCardFace(t); return null; } catch (e) { return (e as CardFaceError).code; } };
    expect(code('氏名 山田\n住所 x\n生年月日 昭和60年1月1日\n性別 男')).toBe('card-name-missing');
    expect(code('氏名 山田 一\n住所 x\n生年月日 昭和60年2月30日\n性別 男')).toBe('card-birth-date-invalid');
    expect(code('氏名 山田 一\n住所 x\n生年月日 昭和60年頃\n性別 男')).toBe('card-birth-date-invalid');
    expect(code('氏名 山田 一\n住所 x\n生年月日 昭和60年1月1日\n性別 ?')).toBe('card-sex-invalid');
    expect(code('氏名 山田 一\n生年月日 昭和60年1月1日\n性別 女')).toBe('card-address-missing');
  });
});

// SPDX-License-Identifier: EUPL-1.2
/**
 * マイナンバーカードの券面事項 (the four basic items as the card's 券面事項入力補助 application gives them) through
 * an adapter: a `CardReader` yields the text, `parseCardFace` reads it. Demo and tests use the simulated reader;
 * a municipality plugs in its reader (the text format is the same). Pure except the reader.
 */
import { parseLegalDate } from '../../../platform/dates/jp-date.ts';

/** The four basic items (基本4情報) of a card. */
export interface CardFace { familyName: string; givenName: string; birthDate: string; sex: 'male' | 'female'; address: string }

/** Where the 券面事項 text comes from. */
export interface CardReader { read(slot: number): Promise<string | null> }

export class CardFaceError extends Error {
  constructor(readonly code: 'card-name-missing' | 'card-birth-date-invalid' | 'card-sex-invalid' | 'card-address-missing') { super(code); }
}

const item = (text: string, label: string) => {
  const m = new RegExp(`^\\s*${label}\\s*[:：]?[\\s　]*(.+?)\\s*$`, 'm').exec(text);
  return m ? m[1]! : '';
};

/** Reads 氏名 / 住所 / 生年月日 / 性別 lines; names are kept exactly as on the card (split at the first space). */
export function parseCardFace(text: string): CardFace {
  const name = item(text, '氏名');
  const parts = name.split(/[\s　]+/);
  if (!name || parts.length < 2) throw new CardFaceError('card-name-missing');
  let birthDate: string;
  try {
    const d = parseLegalDate(item(text, '生年月日'));
    if (d.precision !== 'day') throw new Error('vague');
    birthDate = d.sortKey;
  } catch { throw new CardFaceError('card-birth-date-invalid'); }
  const sexText = item(text, '性別');
  const sex = sexText === '男' ? 'male' : sexText === '女' ? 'female' : null;
  if (!sex) throw new CardFaceError('card-sex-invalid');
  const address = item(text, '住所');
  if (!address) throw new CardFaceError('card-address-missing');
  return { familyName: parts[0]!, givenName: parts.slice(1).join(' '), birthDate, sex, address };
}

/** The simulated card reader of demo and tests: a family of four moving in from 東京都. */
export const SIMULATED_CARDS = [
  '氏名　桔梗　大樹\n住所　東京都世田谷区桜丘二丁目3番4号\n生年月日　昭和63年5月10日\n性別　男',
  '氏名　桔梗　結衣\n住所　東京都世田谷区桜丘二丁目3番4号\n生年月日　平成2年8月21日\n性別　女',
  '氏名　桔梗　蒼\n住所　東京都世田谷区桜丘二丁目3番4号\n生年月日　平成31年4月2日\n性別　男',
  '氏名　桔梗　陽葵\n住所　東京都世田谷区桜丘二丁目3番4号\n生年月日　令和5年1月15日\n性別　女',
];

export function simulatedCardReader(cards: string[] = SIMULATED_CARDS): CardReader {
  return { read: async (slot) => cards[slot] ?? null };
}

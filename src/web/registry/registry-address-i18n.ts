// SPDX-License-Identifier: EUPL-1.2
/** Words of the address pick (本籍・転入前住所・転出先: 郵便番号 → 都道府県・市区町村 → 町字, spec §1.3.3), Japanese first. */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  legend: (what: string) => `${what}の郵便番号・市区町村・町字（住所辞書）`,
  postal: '郵便番号', postalHint: '7桁を入力すると市区町村と町字を補います（例: 100-0013）',
  city: '都道府県・市区町村', cityHint: '読み（ひらがな）又は漢字で入力し、候補から選んでください（例: ちよだ → 東京都千代田区）',
  town: '町字', townHint: '町字マスターのある市区町村は候補から選べます。ない市区町村は町字も番地以下に書いてください',
  rest: '番地以下', restHint: '番地・号と方書（建物名・部屋番号）を数字で入力します（例: 1番2号 広丘ハイツ101）。本籍は番地までです',
  unknownCity: '都道府県・市区町村が一覧にありません。候補から選んでください',
  addressPostal: '郵便番号', addressPostalHint: '空欄なら町字の郵便番号を記録します。7桁を入力すると町字を補います',
  previousAddress: '従前の住所', destination: '転出先', honseki: '本籍',
};
export type AddressPickDictionary = typeof ja;

const en: AddressPickDictionary = {
  legend: (what: string) => `${what}: postal code, municipality and town (address dictionary)`,
  postal: 'Postal code', postalHint: 'Seven digits fill in the municipality and town (e.g. 100-0013)',
  city: 'Prefecture and municipality', cityHint: 'Type the reading (hiragana) or the name and pick a suggestion (e.g. ちよだ → 東京都千代田区)',
  town: 'Town (町字)', townHint: 'Towns can be picked where the municipality\'s town master is loaded; elsewhere write the town in the rest',
  rest: 'Block, lot and building', restHint: 'Block and lot numbers, then the building and room (方書), in digits (e.g. 1番2号 広丘ハイツ101). For a 本籍, up to the lot number only',
  unknownCity: 'The prefecture or municipality is not in the list. Pick a suggestion',
  addressPostal: 'Postal code', addressPostalHint: 'Left blank, the town\'s postal code is recorded. Seven digits fill in the town',
  previousAddress: 'Previous address', destination: 'Destination', honseki: 'Registered domicile (本籍)',
};

export const addressPickText = (lang: Lang): AddressPickDictionary => (lang === 'en' ? en : ja);

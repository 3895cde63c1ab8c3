// SPDX-License-Identifier: EUPL-1.2
/** Name pools for synthetic residents (invented people; common surnames of 長野県 and Japan, with readings). */

/** [surname, reading, weight]; includes variant glyphs (髙, 﨑, 邊, 澤) on purpose, to exercise search folding. */
export const SURNAMES: Array<[string, string, number]> = [
  ['小松', 'コマツ', 30], ['丸山', 'マルヤマ', 30], ['百瀬', 'モモセ', 25], ['上條', 'カミジョウ', 22], ['赤羽', 'アカハネ', 20],
  ['中村', 'ナカムラ', 22], ['田中', 'タナカ', 20], ['佐藤', 'サトウ', 20], ['鈴木', 'スズキ', 18], ['高橋', 'タカハシ', 14],
  ['髙橋', 'タカハシ', 4], ['渡辺', 'ワタナベ', 12], ['渡邊', 'ワタナベ', 4], ['渡邉', 'ワタナベ', 3], ['山崎', 'ヤマザキ', 10],
  ['山﨑', 'ヤマザキ', 3], ['伊藤', 'イトウ', 12], ['小林', 'コバヤシ', 28], ['宮澤', 'ミヤザワ', 8], ['宮沢', 'ミヤザワ', 8],
  ['太田', 'オオタ', 10], ['大池', 'オオイケ', 6], ['古畑', 'フルハタ', 8], ['塩原', 'シオハラ', 10], ['横山', 'ヨコヤマ', 10],
  ['降旗', 'フリハタ', 8], ['中野', 'ナカノ', 8], ['青木', 'アオキ', 10], ['藤森', 'フジモリ', 10], ['清水', 'シミズ', 12],
  ['手塚', 'テヅカ', 6], ['胡桃', 'クルミ', 2], ['犬飼', 'イヌカイ', 4], ['等々力', 'トドロキ', 3], ['征矢', 'ソヤ', 3],
  ['齋藤', 'サイトウ', 4], ['斉藤', 'サイトウ', 6], ['濱田', 'ハマダ', 3], ['浜田', 'ハマダ', 5], ['大野', 'オオノ', 6], ['王野', 'オウノ', 1],
];

/** Given names by sex and birth decade: [name, reading]. */
export const GIVEN: Record<'male' | 'female', Array<{ from: number; names: Array<[string, string]> }>> = {
  male: [
    { from: 1900, names: [['清', 'キヨシ'], ['茂', 'シゲル'], ['勇', 'イサム'], ['実', 'ミノル'], ['正', 'タダシ'], ['博', 'ヒロシ']] },
    { from: 1950, names: [['誠', 'マコト'], ['浩', 'ヒロシ'], ['健一', 'ケンイチ'], ['和彦', 'カズヒコ'], ['修', 'オサム'], ['隆', 'タカシ']] },
    { from: 1975, names: [['大輔', 'ダイスケ'], ['拓也', 'タクヤ'], ['翔太', 'ショウタ'], ['健太', 'ケンタ'], ['直樹', 'ナオキ'], ['剛', 'ツヨシ']] },
    { from: 2000, names: [['蓮', 'レン'], ['湊', 'ミナト'], ['悠真', 'ユウマ'], ['陽翔', 'ハルト'], ['大翔', 'ヒロト'], ['颯太', 'ソウタ'], ['優斗', 'ユウト']] },
  ],
  female: [
    { from: 1900, names: [['和子', 'カズコ'], ['幸子', 'サチコ'], ['節子', 'セツコ'], ['静江', 'シズエ'], ['ふみ', 'フミ'], ['ヨシ', 'ヨシ']] },
    { from: 1950, names: [['恵子', 'ケイコ'], ['洋子', 'ヨウコ'], ['久美子', 'クミコ'], ['由美', 'ユミ'], ['真由美', 'マユミ'], ['裕子', 'ユウコ']] },
    { from: 1975, names: [['愛', 'アイ'], ['彩', 'アヤ'], ['美咲', 'ミサキ'], ['麻衣', 'マイ'], ['舞', 'マイ'], ['千尋', 'チヒロ']] },
    { from: 2000, names: [['陽菜', 'ヒナ'], ['結衣', 'ユイ'], ['葵', 'アオイ'], ['凜', 'リン'], ['芽依', 'メイ'], ['紬', 'ツムギ'], ['さくら', 'サクラ']] },
  ],
};

/** Foreign residents: nationality, weight, typical statuses, roman family names and given names. */
export const FOREIGN: Array<{ nationality: string; weight: number; statuses: string[]; family: string[]; given: string[] }> = [
  { nationality: 'ベトナム', weight: 30, statuses: ['技能実習', '特定技能', '技術・人文知識・国際業務'], family: ['NGUYEN', 'TRAN', 'LE', 'PHAM'], given: ['VAN AN', 'THI HOA', 'MINH DUC', 'THI LAN'] },
  { nationality: '中国', weight: 20, statuses: ['永住者', '技術・人文知識・国際業務', '家族滞在'], family: ['WANG', 'LI', 'ZHANG', 'LIU'], given: ['WEI', 'FANG', 'JING', 'LEI'] },
  { nationality: 'フィリピン', weight: 18, statuses: ['永住者', '定住者', '日本人の配偶者等'], family: ['SANTOS', 'REYES', 'CRUZ', 'BAUTISTA'], given: ['MARIA', 'JOSE', 'ANA', 'MARK'] },
  { nationality: 'ブラジル', weight: 12, statuses: ['定住者', '永住者'], family: ['SILVA', 'SOUZA', 'OLIVEIRA', 'PEREIRA'], given: ['LUCAS', 'GABRIEL', 'JULIANA', 'FERNANDA'] },
  { nationality: '韓国', weight: 8, statuses: ['特別永住者', '永住者'], family: ['KIM', 'LEE', 'PARK', 'CHOI'], given: ['MINJUN', 'SEOYEON', 'JIHO', 'HAYOON'] },
  { nationality: 'ネパール', weight: 6, statuses: ['技能', '家族滞在', '留学'], family: ['GURUNG', 'TAMANG', 'SHRESTHA'], given: ['RAM', 'SITA', 'BIKASH'] },
  { nationality: 'インドネシア', weight: 6, statuses: ['技能実習', '特定技能'], family: ['SAPUTRA', 'WIJAYA', 'HIDAYAT'], given: ['ADI', 'SRI', 'PUTRI'] },
];

/** Share of each 5-year age band (0–4 … 100+) in the population, roughly a 2020s regional Japanese pyramid. */
export const AGE_BAND_WEIGHTS = [3.9, 4.2, 4.4, 4.5, 4.0, 4.0, 4.6, 5.3, 6.1, 7.2, 6.7, 6.1, 6.0, 6.9, 7.7, 5.7, 4.6, 3.2, 1.6, 0.5, 0.1];

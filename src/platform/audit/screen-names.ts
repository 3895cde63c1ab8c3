// SPDX-License-Identifier: EUPL-1.2
/**
 * 画面名 (標準仕様書 §10.2: the operation log records the function and screen): the screen of a console request, from
 * its path. Every tenant transaction of the request records it on its access-log entries (migration 0035,
 * `app.screen_name`). API requests and requests of no screen record none (''). Pure.
 */

/** Console path prefixes and their screen names, longest first where one prefix contains another. */
const SCREENS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/console\/registry\/persons\//, '住民記録 個人票'],
  [/^\/console\/registry\/households\//, '住民記録 世帯'],
  [/^\/console\/registry\/changes\/[0-9a-f-]{36}\/forms\//, '住民記録 帳票印刷'],
  [/^\/console\/registry\/changes\/[0-9a-f-]{36}/, '住民記録 異動の詳細'],
  [/^\/console\/registry\/changes\//, '住民記録 異動入力'],
  [/^\/console\/registry\/provisional/, '住民記録 仮登録一覧'],
  [/^\/console\/registry\/mine/, '住民記録 自分の入力'],
  [/^\/console\/registry\/address-changes/, '住民記録 住所一括変更'],
  [/^\/console\/registry\/statistics/, '住民記録 人口統計'],
  [/^\/console\/registry\/batches/, '住民記録 バッチ処理・統計'],
  [/^\/console\/registry\/euc/, '住民記録 データ抽出（EUC）'],
  [/^\/console\/registry\/glyphs/, '住民記録 文字コード参照'],
  [/^\/console\/registry\/memos/, '住民記録 メモ'],
  [/^\/console\/registry\/imports/, '住民記録 CSV取込'],
  [/^\/console\/registry\/?$/, '住民記録 住民検索'],
  [/^\/console\/registry\//, '住民記録'],
  [/^\/console\/certificates\/issuances/, '証明書 交付記録'],
  [/^\/console\/certificates\/postal/, '証明書 郵送待ち'],
  [/^\/console\/certificates/, '証明書 発行'],
  [/^\/console\/counter\/visits/, '窓口 来庁受付'],
  [/^\/console\/counter/, '窓口 呼出'],
  [/^\/console\/cases/, '案件'],
  [/^\/console\/daycare/, '保育'],
  [/^\/console\/procedures/, 'オンライン手続'],
  [/^\/console\/insights/, '見える化'],
  [/^\/console\/closure-days/, '閉庁日'],
  [/^\/console\/admin\/access-log/, '管理 アクセスログ'],
  [/^\/console\/admin\/(terminals|places)/, '管理 端末・場所'],
  [/^\/console\/admin/, '管理'],
  [/^\/console\/help/, 'ヘルプ'],
  [/^\/console\/?$/, 'ホーム'],
];

/** The screen name of a request path; '' outside the console (API, resident portal). */
export function screenNameOf(path: string): string {
  if (!path.startsWith('/console')) return '';
  for (const [re, name] of SCREENS) if (re.test(path)) return name;
  return '職員コンソール';
}

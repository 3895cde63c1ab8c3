// SPDX-License-Identifier: EUPL-1.2
/**
 * Errors (block the change) and alerts (warn, allow) of the registry, each with a stable code and a Japanese
 * message that states the cause and the remedy (spec §11.1). Messages never contain personal data.
 */
import { DomainError, type ErrorStatus } from '../../platform/http/errors.ts';
import { READING_FIELDS, type ReadingField } from './readings.ts';

/** A rule of the registry refused the change. */
export class RegistryRuleError extends DomainError {
  constructor(code: string, title: string, status: ErrorStatus = 422, extra?: Record<string, unknown>) {
    super(code, title, status, `Registry rule: ${code}`, extra);
  }
}

/** Error catalogue: code → [status, Japanese message]. */
export const ERRORS = {
  'change-date-in-future': [422, '異動日が未来の日付です。転出以外は本日以前の異動日を入力してください'],
  'notification-date-in-future': [422, '届出日が未来の日付です。本日以前の日付を入力してください'],
  'change-date-before-last': [422, '異動日が前回の異動日より前です。過去の異動を訂正する場合は異動の取消し又は誤記修正を行ってください'],
  'invalid-date': [422, '日付を読み取れません。「令和7年4月1日」又は「2025-04-01」の形式で入力してください'],
  'person-not-found': [404, '住民が見つかりません。宛名番号又は個人IDを確認してください'],
  'household-not-found': [404, '世帯が見つかりません。世帯を確認してください'],
  'change-not-found': [404, '異動が見つかりません'],
  'person-removed': [422, '消除された住民（死亡・転出等）は異動できません。記録を確認してください'],
  'person-not-in-household': [422, '指定した住民はこの世帯の世帯員ではありません'],
  'persons-in-different-households': [422, '異なる世帯の住民を一度に処理することはできません。世帯ごとに処理してください'],
  'household-head-required': [422, '一つの世帯に世帯主が二人以上になります。世帯主は一人だけ指定してください'],
  'new-household-head-required': [422, '転居する方で新しい世帯を作ります。新しい世帯の世帯主を転居する方の中から指定してください'],
  'notification-before-change': [422, '届出日が異動日より前です。転出以外の届出は異動の後に行われます。届出日と異動日を確認してください'],
  'move-out-date-confirm': [422, '転出予定日が14日より先の日付です。予定日に誤りがないか確認し、よければ「この転出予定日で登録する」を選んでください'],
  'birth-after-change-date': [422, '生年月日が異動日より後です。生年月日と異動日を確認してください'],
  'invalid-reading': [422, 'フリガナはカタカナで入力してください（ひらがな・半角カナは自動でカタカナにします。英字・漢字は使えません）'],
  'head-must-be-member': [422, '世帯主に指定した住民がこの世帯の世帯員ではありません'],
  'relationship-required': [422, '続柄が入力されていない世帯員がいます。全員の続柄を入力してください'],
  'invalid-relationship': [422, '続柄が標準仕様で認められていません（例: 世帯主、妻、子、子の妻、父、母、縁故者、同居人。祖父・孫等は使用できません）'],
  'family-link-invalid': [422, '「どの子の家族か」に指定した方が、この世帯の続柄「子」の世帯員ではありません'],
  'family-link-not-applicable': [422, '「どの子の家族か」は続柄が子の夫・子の妻・子の子の方にだけ指定できます'],
  'single-head-required': [422, '新しい世帯には世帯主をちょうど一人指定してください'],
  'head-in-existing-household': [422, '既存の世帯に加わる住民を世帯主にすることはできません。世帯主変更を行ってください'],
  'birth-before-parent': [422, '子の生年月日が親の生年月日より前です。生年月日を確認してください'],
  'birth-date-in-future': [422, '生年月日が未来の日付です'],
  'invalid-my-number': [422, '個人番号が正しくありません（12桁の数字で、検査用数字が一致しません）'],
  'invalid-resident-code': [422, '住民票コードが正しくありません（11桁の数字で、検査用数字が一致しません）'],
  'invalid-residence-card-no': [422, '在留カード番号の形式が正しくありません（英字2桁・数字8桁・英字2桁）'],
  'foreign-items-required': [422, '外国人住民の必須項目（国籍・地域、第30条の45区分、在留資格・在留期間・満了日・在留カード番号）を入力してください'],
  'foreign-item-category': [422, '上陸期間は一時庇護許可者、仮滞在期間は仮滞在許可者、経過滞在の事由（出生・国籍喪失）は経過滞在者についてのみ、かつ必ず入力してください'],
  'alien-registration-date-after-law': [422, '旧外国人登録法による登録年月日は平成24年7月8日以前の日付です（外国人登録法は平成24年7月9日に廃止されました）'],
  'stay-period-before-since': [422, '上陸期間・仮滞在期間の末日が外国人住民となった年月日より前です。日付を確認してください'],
  'honseki-required': [422, '日本人住民の本籍を入力してください（ない場合は「なし」、分からない場合は「不明」）'],
  'name-required': [422, '氏名を入力してください（外国人住民はアルファベット氏名）'],
  'forbidden-name-symbol': [422, '氏名に使用できない記号（（株）（有）等）が含まれています'],
  'unknown-town': [422, '町字が町字一覧にありません。町字を確認するか、一覧にない町字として明示して登録してください'],
  'town-not-found': [404, '町字が町字マスターにありません。町字コードを確認してください（町字マスターは jichi registry addresses load で取り込みます）'],
  'invalid-postal-code': [422, '郵便番号は7桁の数字で入力してください（例: 399-0702）'],
  'unknown-municipality': [422, '都道府県又は市区町村が全国地方公共団体コードの一覧にありません。一覧から選んでください'],
  'unknown-dictionary-town': [422, '町字がその市区町村の町字マスターにありません。町字を一覧から選ぶか、町字を選ばずに番地以下を入力してください'],
  'postal-code-mismatch': [422, '郵便番号がその市区町村・町字の郵便番号と一致しません。郵便番号を確認してください'],
  'postal-code-not-found': [404, 'この郵便番号はこの自治体の郵便番号マスターにありません。郵便番号を確認してください'],
  'invalid-address-number': [422, '住居表示は「1番2号」、地番は「1234番地」又は「1234番地5」の形で、数字で入力してください'],
  'address-required': [422, '新しい世帯の住所を入力してください'],
  'address-not-allowed': [422, '既存の世帯に加わる場合は住所を入力しないでください（世帯の住所になります）'],
  'duplicate-resident': [409, '同じ個人番号・住民票コード又は在留カード番号の住民が既に登録されています'],
  'provisional-change-pending': [409, 'この住民又は世帯には審査中（仮登録）の異動があります。先に決裁又は取下げを行ってください'],
  'household-version-required': [400, '世帯の版（version）を指定してください。世帯を再表示してから操作してください'],
  'household-version-conflict': [409, '他の職員がこの世帯を更新しました。最新の内容を再表示してから操作してください'],
  'cancellation-not-latest': [409, 'この異動の後に別の異動があるため取り消せません。後の異動から順に取り消してください'],
  'change-not-final': [409, '本登録されていない異動です'],
  'change-not-provisional': [409, 'この異動は仮登録ではありません（既に決裁又は取下げ済みです）'],
  'self-approval': [403, '自分が入力した異動を決裁することはできません'],
  'withdraw-others-change': [403, '他の職員が入力した仮登録は、入力した職員本人又は審査・決裁の担当者だけが取り下げられます'],
  'household-address-mismatch': [422, '世帯員の住所が一致しなくなります。世帯の全員を同じ住所に異動してください'],
  'same-household': [422, '同じ世帯を合併することはできません'],
  'empty-patch': [422, '修正する項目を入力してください'],
  'already-reformed': [409, 'この住民票は同じ日に改製済みです。改製後の住民票を確認してください'],
  'purpose-required': [422, '個人番号を表示するには利用目的を入力してください'],
  'search-criteria-required': [400, '検索条件を入力してください（氏名、生年月日、異動日、住所、宛名番号、世帯番号、消除事由、住民票コード、個人番号又は在留カード番号のいずれか。性別・続柄は他の条件と組み合わせてください）'],
  'invalid-date-range': [422, '期間の開始日が終了日より後です。開始日と終了日を確認してください'],
  'search-history-not-found': [404, '検索履歴が見つかりません（保存期間を過ぎたか、他の職員の履歴です）'],
  'search-history-not-rerunnable': [422, '個人番号による検索は番号を保存しないため再実行できません。個人番号を入力して検索し直してください'],
  'memo-not-found': [404, 'メモが見つかりません'],
  'immigration-notice-not-found': [404, '法務大臣からの通知が見つかりません'],
  'immigration-notice-unmatched': [409, 'この通知に該当する住民がいないため処理できません。在留カード等番号と住民の記録を確認してください'],
  'de-facto-head-required': [422, '事実上の世帯主の氏名を入力してください'],
  'de-facto-head-is-head': [422, '事実上の世帯主が住民票上の世帯主と同じです。記載の必要はありません'],
  'de-facto-head-unchanged': [422, '同じ事実上の世帯主が既に記載されています'],
  'de-facto-head-not-recorded': [422, 'この世帯には事実上の世帯主が記載されていません'],
  'memo-not-author': [403, '他の職員が書いたメモは、書いた職員又は決裁者のみ修正・削除できます'],
  'memo-version-conflict': [409, 'メモが他の職員によって更新されています。画面を開き直して最新の内容を確認してください'],
  'too-many-changes': [422, '一括決裁は一度に100件までです'],
  'old-surname-japanese-only': [422, '旧氏は日本人住民にのみ記載できます'],
  'old-surname-required': [422, '記載する旧氏を入力してください'],
  'old-surname-same-as-surname': [422, '旧氏が現在の氏と同じです。戸籍に記載されている過去の氏を入力してください'],
  'old-surname-not-recorded': [422, '旧氏が記載されていないため削除できません'],
  'reading-japanese-only': [422, '振り仮名の記載は日本人住民についてのみ行えます（外国人住民の振り仮名は公証されません）'],
  'reading-required': [422, '記載する振り仮名を入力してください'],
  'alias-foreign-only': [422, '通称は外国人住民にのみ記載できます'],
  'alias-required': [422, '記載する通称を入力してください'],
  'alias-already-recorded': [422, '既に通称が記載されています。変更する場合は先に通称の削除を行ってください'],
  'alias-not-recorded': [422, '通称が記載されていないため削除できません'],
  'not-foreign-resident': [422, '外国人住民ではありません（在留資格等の変更・帰化は外国人住民についてのみ行えます）'],
  'not-japanese-resident': [422, '日本人住民ではありません（国籍喪失は日本人住民についてのみ行えます）'],
  'residence-expiry-before-change': [422, '在留期間の満了日が異動日（許可日）より前です。満了日を確認してください'],
  'no-residence-period': [422, '特別永住者には在留資格・在留期間がありません。第30条の45区分を確認してください'],
  'household-change-address-differs': [422, '住所の異なる世帯には世帯変更で加わることはできません。転居として処理してください'],
  'head-change-required': [422, '世帯主の続柄は世帯変更では変更できません。世帯主変更を行ってください'],
  'no-move-out-record': [422, '国内転出の記録がない住民です。転入通知は国内転出した方についてのみ受理できます'],
  'move-in-notice-date-order': [422, '転出年月日（確定）が転入通知の受理日より後です。日付を確認してください'],
  'address-rule-invalid': [422, '住所一括変更の対応表が正しくありません（変更前の町字と番地の範囲、変更後の町字を確認してください）'],
  'address-csv-invalid': [422, '住所一括変更のCSVが正しくありません（見出し行「世帯番号,変更前町字,変更前番地,変更前方書,変更後町字,変更後番地,変更後方書」と各行の列数・必須の値・世帯番号の重複を確認してください）'],
  'too-many-households': [422, '住所一括変更は一度に2,000世帯までです。対応表を分けて実行してください'],
  'support-measure-not-found': [404, '支援措置が見つかりません'],
  'support-measure-ended': [409, 'この支援措置は既に終了しています'],
  'return-reason-required': [422, '差戻しの理由を入力してください（入力者に表示されます。1,000字以内）'],
  'change-returned': [409, 'この異動は差戻し中です。入力者が再提出するまで本登録・差戻しはできません'],
  'change-not-returned': [409, 'この異動は差戻し中ではないため再提出できません'],
  'not-own-change': [403, '自分が入力した異動ではないため再提出できません。入力者に依頼してください'],
  'self-return': [403, '自分が入力した異動を差し戻すことはできません'],
  'change-not-open': [409, 'この異動は既に本登録又は取下げ済みです'],
  'support-measure-dates': [422, '支援措置の終了日が開始日より前です。期間を確認してください'],
  'support-measure-extension-too-early': [422, '延長の申出は支援の終了日の1か月前から受け付けます'],
  'support-measure-not-provisional': [409, 'この支援措置は仮支援措置ではありません'],
  'support-measure-party-invalid': [422, '併せて支援を求める者は住民から選択してください（加害者は氏名が必要です）'],
  'suppressed': [403, '抑止が設定されているため、この処理はできません（抑止の一時解除が必要です）'],
  'suppression-not-found': [404, '抑止が見つかりません'],
  'suppression-ended': [409, 'この抑止は既に解除されています'],
  'suppression-dates': [422, '抑止の解除日が開始日より前です。日付を確認してください'],
  'suppression-not-active': [409, 'この抑止は現在かかっていないため一時解除できません'],
  'suppression-lift-minutes': [422, '一時解除の時間は1分から480分（8時間）までで指定してください'],
  'feed-consumer-unauthenticated': [401, '連携先の認証に失敗しました。発行された連携用トークンを Authorization: Bearer で送ってください（失効した連携先は利用できません）'],
  'feed-consumer-not-found': [404, '連携先が見つかりません'],
  'feed-consumer-name-taken': [409, '同じ名前の連携先が既に登録されています。別の名前にしてください'],
  'feed-consumer-revoked': [409, 'この連携先は既に失効しています'],
  'feed-consumer-invalid': [422, '連携先の名前（英小文字・数字・ハイフン、40字以内）、利用目的、提供項目を確認してください'],
  'feed-my-number-scope-forbidden': [422, '個人番号（特定個人情報）を提供できるのは団体内統合宛名システムの連携先だけです。種別を「団体内統合宛名」にするか、提供項目から個人番号を外してください'],
  'eligibility-person-unknown': [404, 'この宛名番号の住民が見つかりません。宛名番号を確認してください'],
  'eligibility-kind-out-of-scope': [403, 'この連携先には、この種類の資格を登録する権限がありません。連携先の登録内容（資格の登録）を確認してください'],
  'eligibility-date-in-future': [422, '取得日・喪失日又は基準日時が未来です。本日以前（基準日時は現在以前）を指定してください'],
  'eligibility-dates-invalid': [422, '資格の日付が正しくありません。資格ありは取得日を指定し喪失日を空欄に、資格なしは喪失日を取得日以後の日付にしてください'],
  'eligibility-conflict': [409, '同じ基準日時で内容の異なる資格が既に登録されています。基準日時を確認し、新しい状態は新しい基準日時で送ってください'],
  'fuhyo-consumer-only': [403, '戸籍附票への通知を読めるのは種別「戸籍附票」の連携先だけです'],
  'guardianship-invalid': [422, '後見の通知の内容を確認してください（種別は開始又は終了、効力発生日・通知日は日付、登記番号は40文字まで）'],
  'guardianship-date-in-future': [422, '効力発生日又は通知日が未来の日付です。法務局の通知の日付を確認してください'],
  'guardianship-already-started': [409, 'この日には既に後見開始の通知が記録されています。後見終了の通知を先に記録するか、日付を確認してください'],
  'guardianship-not-started': [409, 'この日より前に後見開始の通知が記録されていないため、後見終了を記録できません。日付を確認してください'],
  'guardianship-conflict': [409, '同じ住民・種別・効力発生日の通知が異なる登記番号で既に記録されています。法務局の通知を確認してください'],
  'guardianship-file-invalid': [422, '後見登記の通知ファイルに誤りがあります。示された行を直して、もう一度取り込んでください（何も記録していません）'],
  'resident-code-stock-empty': [409, '住民票コードの在庫（払出しを受けたコード）が不足しています。住基ネットから追加の払出しを受け、jichi registry resident-codes load で登録してください'],
  'feed-cursor-invalid': [422, '連携の位置（cursor）が正しくありません。前回の応答の cursor をそのまま送るか、全件抽出からやり直してください'],
  'cancellation-conflict': [409, 'この異動の後に、同じ項目を変更した異動（又は消除）があるため取り消せません。後の異動を先に取り消すか、誤記修正で訂正してください'],
  'person-not-in-change': [422, '指定した住民はこの異動の対象者ではありません。取り消す方を異動の対象者の中から選んでください'],
  'special-move-out-abroad': [422, '国外への転出は特例転出として処理できません。通常の国外転出として処理してください'],
  'special-move-out-late': [422, '転出の日から14日を超えた届出は特例転出として処理できません。職権で処理し、転出証明書に準ずる証明書を交付してください'],
  'move-out-info-not-found': [404, 'この住民票コードの転出証明書情報を受信していません。転出元の市区町村で特例転出の処理が済んでいるか確認し、済んでいない場合は転出証明書による転入として処理してください'],
  'masked-value': [422, '表示が制限された項目（＊＊＊＊）はそのまま登録できません。変更する場合は正しい値を入力し、変更しない項目は空欄のままにしてください'],
  'item-cannot-be-blank': [422, '本籍・住民票コード・個人番号は修正で空欄にできません。本籍がない場合は「なし」、分からない場合は「不明」と入力し、番号はそれぞれの変更の手続で変更してください'],
  'requested-on-required': [422, '申出を受けた職権には申出日を入力してください'],
  'requested-on-without-request': [422, '申出日は申出を受けた職権の場合にだけ入力します。申出を受けた職権として処理するか、申出日を消してください'],
  'requested-on-in-future': [422, '申出日が未来の日付です。本日以前の日付を入力してください'],
  'my-number-already-recorded': [422, '既に個人番号が記載されています。職権記載ではなく変更請求又は職権修正を選んでください'],
  'my-number-not-recorded': [422, '個人番号が記載されていません。職権記載を選んでください'],
  'my-number-unchanged': [422, '新しい個人番号が現在の番号と同じです。機構から通知された新しい番号を入力してください'],
  'resident-code-from-stock': [422, '住民票コードの変更請求では、新しいコードは払出しを受けた在庫から自動で割り当てます。コードを入力しないでください'],
  'resident-code-required': [422, '職権記載する住民票コードを入力してください（11桁）'],
  'resident-code-unchanged': [422, '入力した住民票コードが現在のコードと同じです'],
  'unreported-move-in-abroad': [422, '未届転入は国内の住所からの転入についてだけ処理します。国外からの転入は国外転入として処理してください'],
  'unreported-previous-address-required': [422, '未届転入では、届出をしないまま住んでいた住所（転入前住所）を入力してください'],
} as const satisfies Record<string, readonly [ErrorStatus, string]>;

export type ErrorCode = keyof typeof ERRORS;

/** Throws the catalogue error `code`. */
export function fail(code: ErrorCode, extra?: Record<string, unknown>): never {
  const [status, title] = ERRORS[code];
  throw new RegistryRuleError(code, title, status, extra);
}

/** Throws `invalid-reading` naming the reading field (「氏のフリガナはカタカナで…」); `field` in the problem says which. */
export function failReading(field: ReadingField): never {
  throw new RegistryRuleError('invalid-reading', `${READING_FIELDS[field]}は${ERRORS['invalid-reading'][1].replace(/^フリガナは/, '')}`, 422, { field });
}

/** The field of an entered person that a refusal is about (issue #9: messages name the person and the field). */
export const PERSON_ERROR_FIELD: Partial<Record<ErrorCode, string>> = {
  'invalid-my-number': 'myNumber', 'invalid-resident-code': 'residentCode', 'invalid-relationship': 'relationship',
  'invalid-date': 'birthDate', 'birth-date-in-future': 'birthDate', 'birth-before-parent': 'birthDate', 'duplicate-resident': 'myNumber',
  'name-required': 'familyName', 'forbidden-name-symbol': 'familyName', 'honseki-required': 'honseki',
  'foreign-items-required': 'nationality', 'invalid-residence-card-no': 'residenceCardNo', 'head-in-existing-household': 'relationship',
  'alien-registration-date-after-law': 'alienRegistrationDate', 'stay-period-before-since': 'foreignResidentSince',
  'family-link-invalid': 'familyOf', 'family-link-not-applicable': 'familyOf',
};

/** `extra` of a refusal about the entered person at `index` (`path` in the request, e.g. `persons.1`): index, field and invalidParams. */
export function personExtra(code: ErrorCode, index: number, path: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const field = PERSON_ERROR_FIELD[code];
  return { ...extra, personIndex: index, ...(field ? { field, invalidParams: [{ name: `${path}.${field}`, code, reason: ERRORS[code][1] }] } : {}) };
}

/** The same refusal, marked as about the entered person at `index`; anything else unchanged. */
export function aboutPerson(err: unknown, index: number, path: string): unknown {
  if (!(err instanceof RegistryRuleError) || err.extra?.personIndex !== undefined || !(err.code in ERRORS)) return err;
  return new RegistryRuleError(err.code, err.title, err.status, personExtra(err.code as ErrorCode, index, path, err.extra));
}

/** A warning that does not block the change (spec §11.1 アラート). */
export interface Alert {
  code: string;
  message: string;
}

/** Alert catalogue. */
export const ALERTS = {
  'resident-code-stock-low': '住民票コードの在庫が基準を下回りました。住基ネットに追加の払出しを依頼してください',
  'late-notification': '異動日から14日を超えた届出です（住基法第22条等）。届出期間経過の理由を確認してください',
  'move-out-ex-officio': '転出日から14日を超えた転出届です。職権で処理し、転出証明書に準ずる証明書を交付してください',
  'readmitted': '以前この市区町村に住民登録があった方です。新規登録ではなく再転入として以前の記録を引き継ぎました',
  'possible-readmission': '氏名・性別・生年月日が一致する除票があります。再転入でないか確認してください',
  'residence-period-expired': '在留期間の満了日を過ぎています。在留資格を確認してください',
  'town-unlisted': '町字一覧にない町字で登録します',
  'household-head-missing': '世帯主のいない世帯になりました。残る世帯員の届出により世帯主変更を行ってください（世帯主変更依頼通知書）',
  'non-calendar-date': '暦にない日付（2月29日等）を戸籍の記載どおりに記録しました',
  'head-set-ex-officio': '残る世帯員が一人のため、その方を世帯主としました（世帯主変更通知書を作成してください）',
  'alias-deleted-on-naturalization': '帰化により通称を削除しました（通称の削除として履歴に残ります）',
  'old-surname-deleted-on-nationality-loss': '国籍喪失により旧氏を削除しました',
  'move-in-notice-replaced': '既に受理した転入通知があります。新しい通知の内容で記録します（以前の通知は履歴に残ります）',
  'alias-restored': '国外転出前にこの市区町村で記載していた通称を、通称の記載として復活しました（通称の記載及び削除に関する事項に残ります）',
  'support-measure-subject': 'この住民は支援措置（DV等）の対象者です。写しの交付・閲覧・住所の回答に注意してください',
  'support-measure-expiring': '支援措置の終了日が近い（1か月以内）又は過ぎています。延長の申出又は終了の手続を確認してください',
  'suppression-alert': 'この住民（世帯）には抑止（アラート）が設定されています。抑止の理由を確認してから処理してください',
} as const;

/** Builds an alert from the catalogue. */
export function alert(code: keyof typeof ALERTS): Alert {
  return { code, message: ALERTS[code] };
}

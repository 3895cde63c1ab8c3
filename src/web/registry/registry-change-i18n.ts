// SPDX-License-Identifier: EUPL-1.2
/**
 * Fixed UI text of the registry's change forms (異動の入力) and the 住所一括変更 screen: field labels, hints,
 * options, the confirmation summary and the field errors of the form check. Japanese first; the English
 * dictionary may leave anything out (it falls back to Japanese, as in registry-i18n.ts). Stored data (names,
 * addresses, 町字, 続柄) and the messages of the registry service are never translated.
 */
import type { Lang } from '../ui/i18n.ts';
import { mergeDictionary, type DeepPartial } from './registry-i18n.ts';

const DATE_HINT = '和暦又は西暦（例: 令和7年4月1日、R7.4.1、2025-04-01）';

const ja = {
  dateHint: DATE_HINT,
  choose: '選択してください', noChoice: '指定しない', keep: '変更しない', yes: 'はい', none: 'なし', listSeparator: '、',
  /** Labels of the shared fields (form, error summary, confirmation). */
  fields: {
    occurredOn: '異動日', notifiedOn: '届出日', notifier: '届出人', note: '備考', previousAddress: '前住所', townName: '町字', banchi: '番地・号', katagaki: '方書',
    destination: '転出先', newHeadPersonId: '新しい世帯主', remainingHeadPersonId: '残る世帯の世帯主', toHouseholdId: '合併先の世帯番号', changeId: '取り消す異動',
    personIds: '対象の世帯員', parentPersonIds: '父母',
  },
  /** 世帯変更 names two of the fields differently. */
  householdChangeFields: { toHouseholdId: '加わる世帯の世帯番号', personIds: '別の世帯に加わる世帯員' },
  /** The fields of a new person (転入, 出生, 職権記載). */
  person: {
    familyName: '氏', givenName: '名', familyNameKana: '氏（フリガナ）', givenNameKana: '名（フリガナ）', birthDate: '生年月日', sex: '性別', relationship: '続柄',
    residentKind: '住民の種別', honseki: '本籍', hittosha: '筆頭者', myNumber: '個人番号', residentCode: '住民票コード', romanName: 'アルファベット氏名',
    nationality: '国籍・地域', category: '第30条の45区分', residenceStatus: '在留資格', residencePeriod: '在留期間', residenceExpiry: '在留期間の満了日', residenceCardNo: '在留カード番号',
    landingPeriodEnd: '上陸期間の末日（一時庇護許可者）', provisionalStayEnd: '仮滞在期間の末日（仮滞在許可者）', transitionalCause: '経過滞在の事由（経過滞在者）',
    alienRegistrationDate: '旧外国人登録法による登録年月日', residenceNotified: '住居地の届出', landingPermitMoveIn: '上陸許可証による転入',
    causeBirth: '出生', causeLoss: '国籍喪失', notifiedYes: '有', notifiedNo: '無', 
  },
  /** Label of a field of the n-th person row (n ≥ 2). */
  nthPerson: (n: number, label: string) => `${n}人目の${label}`,
  /** The items a correction (誤記修正・職権修正) can change. */
  patch: {
    familyName: '氏', givenName: '名', familyNameKana: '氏（フリガナ）', givenNameKana: '名（フリガナ）', birthDate: '生年月日', sex: '性別', honseki: '本籍', hittosha: '筆頭者', banchi: '番地・号', katagaki: '方書',
  },
  corrected: (label: string) => `修正後の${label}`,
  /** The fields of the person items and households without a move (registry-change-forms.tsx). */
  items: {
    action: '記載・削除', oldSurname: '旧氏', oldSurnameKana: '旧氏（フリガナ）', alias: '通称', aliasKana: '通称（フリガナ）', deFactoHead: '事実上の世帯主',
    nationality: '国籍・地域', category: '第30条の45区分', residenceStatus: '在留資格', residencePeriod: '在留期間', residenceExpiry: '在留期間の満了日',
    residenceCardNo: '在留カード番号', romanName: 'アルファベット氏名', honseki: '本籍', hittosha: '筆頭者',
    landingPeriodEnd: '上陸期間の末日（一時庇護許可者）', provisionalStayEnd: '仮滞在期間の末日（仮滞在許可者）', transitionalCause: '経過滞在の事由（経過滞在者）',
    alienRegistrationDate: '旧外国人登録法による登録年月日', residenceNotified: '住居地の届出', landingPermitMoveIn: '上陸許可証による転入',
    causeBirth: '出生', causeLoss: '国籍喪失', notifiedYes: '有', notifiedNo: '無', 
    'new-familyName': '氏', 'new-givenName': '名', 'new-familyNameKana': '氏（フリガナ）', 'new-givenNameKana': '名（フリガナ）',
    ground: '軽微な修正の事由', movedOn: '転出年月日（確定）', cause: '変更の事由',
    readingStatus: '振り仮名の状態', familyNameKana: '氏の振り仮名', givenNameKana: '名の振り仮名',
  },
  /** Coded values as shown (options and confirmation). */
  itemValues: {
    action: { enter: '記載（変更）', delete: '削除' },
    cause: { 住居表示: '住居表示の実施', 区画整理: '土地区画整理事業等' },
    readingStatus: { certified: '公証（戸籍に記載済み）', notified: '通知済（戸籍への記載前）' },
  },
  /** The occurredOn label of kinds that name the date after its legal meaning. */
  dates: {
    'move-out': '異動日（転出予定日）', cancellation: '処理の基準日',
    'old-surname': '異動日（請求日）', alias: '異動日（申出日）', 'residence-status-change': '異動日（許可の日）', naturalization: '異動日（帰化の日）',
    'nationality-loss': '異動日（国籍喪失の日）', 'move-in-notice': '転入通知の受理日', 'address-renaming': '異動日（住居表示の実施日等）',
    reading: '異動日（本籍地からの通知の日）', 'de-facto-head': '異動日（申出日）',
    reform: '改製年月日', remake: '再製年月日',
  },
  /** Option labels of the 第30条の45 categories and the 軽微な修正 grounds (legal terms; Japanese shows the value). */
  categories: {} as Record<string, string>,
  grounds: {} as Record<string, string>,
  common: {
    legend: '異動日・届出', notifiedHint: (hint: string) => `空欄の場合は本日。${hint}`, notifierHint: '例: 本人、世帯主、代理人 氏名',
    alwaysExOfficio: 'この異動は職権で処理します。', exOfficio: '職権で処理する（届出によらない）',
    vagueDateHint: '和暦又は西暦（例: 令和7年4月1日、R7.4.1）。戸籍等で日が分からない場合は「推定令和7年3月」「令和7年頃」「年月日不詳」',
    confirmPlannedDate: 'この転出予定日で登録する（14日より先の予定日であることを確認しました）',
  },
  address: { townHint: '町字一覧から選ぶか入力します（例: 大字広丘野村）', unlisted: '町字一覧にない町字として登録する' },
  personForm: {
    birthHint: '和暦又は西暦（例: 昭和55年3月1日、S55.3.1）', relationshipBirthHint: '世帯主から見た続柄（例: 子）', relationshipHint: '新しい世帯では一人を「世帯主」にします',
    familyOf: 'どの子の家族か（子の夫・子の妻・子の子）', familyOfHint: '世帯に「子」が複数いるときに選びます。並び順でその子の次に記載します（子が一人なら自動）',
    familyOfNone: '指定しない',
    honseki: '本籍（日本人住民）', honsekiHint: 'ない場合は「なし」、不明の場合は「不明」', myNumberHint: '12桁（ある場合）', residentCodeHint: '11桁。空欄なら新たに付番します',
    foreign: '外国人住民の記載事項（第30条の45）', periodHint: '例: 3年', expiryHint: '西暦（例: 2027-03-31）', cardHint: '英字2桁・数字8桁・英字2桁',
  },
  member: {
    check: (name: string, relationship: string, birth: string) => `${name}（${relationship}・${birth}）`,
    option: (name: string, relationship: string) => `${name}（${relationship}）`,
    relationshipOf: (name: string) => `${name}の続柄`,
  },
  /** Legends and hints of the kinds of change. */
  kind: {
    joinHousehold: (head: string) => `この世帯（世帯主: ${head}）に加わります。住所は世帯の住所になります。`,
    newHouseholdAddress: '住所（新しい世帯）', fromAbroad: '国外からの転入', firstPerson: '転入する人（1人目）', addPerson: (n: number) => `${n}人目を追加`,
    child: '生まれた子', parents: '父母（世帯員の場合）',
    splitMembers: '新しい世帯に移る世帯員', moveOutMembers: '転出する世帯員', moveWithinMembers: '転居する世帯員', newAddress: '新しい住所', abroad: '国外への転出',
    movingHead: '移る世帯員の新しい世帯主', movingHeadHint: '世帯の一部が転居する場合に指定します（全員の場合は不要）',
    remainingHeadHint: '世帯主が世帯を離れ、2人以上が残る場合に指定します。指定しない場合は世帯主のいない世帯となり、後で世帯主変更を行います', relationshipsAfter: '異動後の続柄',
    relationshipsAfterHint: '世帯が分かれる場合、新しい世帯主から見た続柄を入力します（世帯主になる人は空欄で構いません）',
    deathHeadHint: '世帯主の死亡等で2人以上が残る場合に指定します', remainingRelationships: '残る世帯員の続柄', remainingRelationshipsHint: '新しい世帯主から見た続柄（世帯主が変わる場合のみ）',
    headChangeRelationships: '新しい世帯主から見た続柄', headChangeHint: '新しい世帯主になる人の欄は空欄にします。前の世帯主の続柄を必ず入力してください（例: 夫、父）',
    mergeHint: '合併先の世帯票に表示される世帯番号（住民検索で世帯主を探し、世帯票で確認できます）', mergeTarget: (no: string, names: string) => `合併先: 世帯番号 ${no}（${names}）`,
    mergeRelationships: '合併先の世帯主から見た続柄', mergeRelationshipsHint: 'この世帯の全員について入力します',
    correction: '修正後の記載（変更する項目だけ書き換えます）', birthDateHint: '和暦又は西暦',
    cancelHint: '直近の異動から順に取り消せます', cancelOption: (date: string, kind: string, no: number) => `${date} ${kind}（履歴番号 ${no}）`,
  },
  item: {
    enter: (item: string) => `${item}を記載する（変更を含む）`, remove: (item: string) => `${item}を削除する`,
    oldSurnameBox: '旧氏（戸籍に記載されている過去の氏）', enterHint: '記載する場合に入力します',
    readingBox: '本籍地から通知された振り仮名（公証されたものだけが証明書に振り仮名として印字されます）', readingHint: 'カタカナ。通知のない振り仮名は空欄のままにします',
    readingCertified: '公証（戸籍に記載済み）', readingNotified: '通知済（戸籍への記載前）', aliasBox: '通称（記載と削除は履歴として住民票に残ります）',
    deFactoHeadBox: '事実上の世帯主（住民票上の世帯主と異なる場合に、世帯の備考として記載します。証明書には印字されません）', deFactoHeadHint: '氏名を戸籍・在留カード等の表記どおりに入力します',
    foreignBox: '外国人住民の記載事項（第30条の45）', statusBox: '変更後の在留資格等', romanNameHint: '在留カード等の表記', statusHint: '例: 技術・人文知識・国際業務',
    cardHint: 'カードが新しくなった場合は書き換えます（英字2桁・数字8桁・英字2桁）',
    register: '戸籍の表示', honsekiHint: '帰化の届出又は通知に記載された本籍', nameAfter: '帰化後の氏名',
    nameAfterHint: '氏名が変わる項目だけ入力します（アルファベット氏名だけが記載されている方は、氏名を入力します）。通称と第30条の45の記載事項は削除されます',
    joinHint: '同じ住所の別の世帯に加わる場合に、その世帯票の世帯番号を入力します。この世帯の中で続柄だけが変わる場合は空欄にします',
    joinTarget: (no: string, names: string) => `加わる世帯: 世帯番号 ${no}（${names}）`, joinHeadHint: '世帯主が別の世帯に加わり、2人以上が残る場合に指定します',
    relationshipsAfter: '変更後の続柄',
    relationshipsAfterHint: '別の世帯に加わる世帯員は、加わる世帯の世帯主から見た続柄を入力します。この世帯の中で続柄が変わる場合は、その世帯員の続柄を書き換えます（世帯主の欄は、世帯主が別の世帯に加わる場合だけ入力します）',
    groundHint: '住民基本台帳法施行規則第11条第3項第2号', nameCorrected: '修正後の氏名（文字の修正）', correctHint: '修正する項目だけ書き換えます',
    addressCorrected: '修正後の住所の表記（世帯の全員に適用。住所を定めた年月日は変わりません）',
    notice: '転入通知の内容', noticeDestination: '転出先（確定）', noticeDestinationHint: '転入通知に記載された住所', movedOnHint: (hint: string) => `転入通知に記載された転入日。${hint}`,
    addressAfter: '変更後の住所（世帯の全員に適用）',
    reformBox: '改製', reformText: '現在効力のある記載事項だけで住民票を新しく作成します。今の住民票は改製原住民票として保存され、除票の写しと同様に交付できます。改製年月日が新しい住民票に記載されます',
    remakeBox: '再製', remakeGround: '再製の理由', remakeGroundHint: '例: 滅失、き損（汚損）。住民票を最新の記載事項から作り直し、再製年月日と理由を記録します',
  },
  /** Who the form is about. */
  subject: {
    person: '対象者', household: '世帯', address: '住所',
    householdLine: (no: string, head: string) => `世帯番号 ${no}（世帯主: ${head}）`,
    personLine: (name: string, birth: string) => `${name}（${birth}）`,
  },
  /** The confirmation summary. */
  summary: {
    kind: '異動の種類', exOfficio: '職権', unlisted: '町字一覧外', fromAbroad: '国外からの転入', abroad: '国外への転出', foreignResident: '外国人住民', entered: '（入力あり）',
  },
  /** Field errors of the form check (the service's own messages stay as they are). */
  errors: {
    personRequired: '対象の住民を個人票から選んでください', householdRequired: '対象の世帯を世帯票から選んでください',
    remakeGround: '再製の理由を入力してください',
    date: '日付を入力してください', fullDate: '年月日をすべて入力してください', invalidDate: (reason: string) => `${reason}（例: 令和7年4月1日、2025-04-01）`,
    townName: '町字を入力してください', banchi: '番地・号を入力してください', familyName: '氏を入力してください', romanName: 'アルファベット氏名を入力してください',
    sex: '性別を選択してください', relationship: '続柄を入力してください', personIds: '対象の世帯員を選択してください', newHead: '新しい世帯主を選択してください',
    destination: '転出先を入力してください', mergeTarget: '合併先の世帯番号を入力してください', householdNoUnknown: 'この世帯番号の世帯が見つかりません。世帯票の世帯番号を確認してください', patch: '修正する項目を書き換えてください', changeId: '取り消す異動を選択してください',
    checkInput: '入力内容を確認してください',
    action: '記載か削除かを選択してください', readingStatus: '振り仮名の状態を選択してください', oldSurname: '旧氏を入力してください', alias: '通称を入力してください', deFactoHead: '事実上の世帯主の氏名を入力してください', residenceStatus: '在留資格を入力してください',
    residencePeriod: '在留期間を入力してください', honseki: '本籍を入力してください', nationality: '国籍・地域を入力してください', category: '第30条の45区分を選択してください',
    householdChange: '加わる世帯の世帯番号を入力するか、続柄を書き換えてください', joinTargetMissing: '加わる世帯が見つかりません。世帯番号を確認してください',
    joiningMembers: '加わる世帯員を選択してください', joiningRelationship: '加わる世帯の世帯主から見た続柄を入力してください', ground: '軽微な修正の事由を選択してください',
    minorCorrection: '修正する氏名又は住所の表記を書き換えてください', noticeDestination: '転入通知に記載された住所を入力してください', cause: '住居表示の実施か区画整理かを選択してください',
    conflict: (title: string) => `${title}（世帯の最新の内容を表示しています。確認してから、もう一度送信してください）`,
  },
  /** 住所一括変更 (registry-address-change.page.tsx and its routes). */
  batch: {
    title: '住所一括変更', heading: '住所一括変更（住居表示の実施・区画整理）',
    lead: '対応表の町字・番地に住む世帯の住所を一括で変更します。まず試行して対象の世帯を確認し、その後に一括で仮登録します（世帯ごとに職権の異動になります）。',
    dateAndCause: '実施日・事由', occurredOn: '実施日', rules: '対応表', rule: (n: number) => `対応表 ${n}行目`, optional: '（必要な場合）', rowLabel: (n: number, label: string) => `${n}行目の${label}`,
    labels: { fromTown: '変更前の町字', banchiFrom: '番地（から）', banchiTo: '番地（まで）', fromBanchi: '変更前の番地', toTown: '変更後の町字', toBanchi: '変更後の番地' },
    fromBanchiMatch: '変更前の番地（一致）', banchiFromHint: '番地の範囲の最初（数字）', banchiToHint: '範囲の最後（数字）', fromBanchiHint: '一つの番地だけを対象にする場合（例: 1-1）',
    toBanchiHint: '空欄なら番地は変わりません', unlisted: '変更後の町字を町字一覧にない町字として登録する', trial: '試行する（記録しません）',
    households: (households: number, persons: number) => `対象の世帯（${households}世帯・${persons}人）`,
    columns: { householdNo: '世帯番号', from: '変更前の住所', to: '変更後の住所', rule: '対応表' }, row: (n: number) => `${n}行目`,
    skipped: (n: number) => `変更しない世帯（${n}世帯）`, unused: (rows: string) => `該当する世帯がない行: ${rows}`,
    conflicts: {
      'ambiguous-rule': '対応表の二つ以上の行に該当します', 'provisional-change-pending': '審査中（仮登録）の異動があります',
      'household-version-conflict': '試行の後に世帯が更新されました', 'household-address-mismatch': '世帯員の住所が一致しません', 'change-date-before-last': '実施日より後の異動があります', 'unknown-town': '新しい町字が町字一覧にありません',
    } as Record<string, string>,
    trialTitle: '住所一括変更の試行結果', trialLead: '試行では何も記録していません。一括で仮登録すると、世帯ごとの異動が決裁者の本登録を待ちます。試行の後に更新された世帯は変更しません。',
    run: (n: number) => `${n}世帯を一括で仮登録する`, edit: '対応表を修正する',
    resultTitle: '住所一括変更を仮登録しました', recorded: (households: number, persons: number) => `${households}世帯（${persons}人）の住所の変更を仮登録しました。決裁者の本登録を待っています。`,
    range: (from: string, to: string) => ` ${from}〜${to}番地`, wholeTown: '（全域）',
    errors: {
      lot: '番地は数字で入力してください', fromTown: '変更前の町字を入力してください', toTown: '変更後の町字を入力してください', range: '番地の範囲は最初と最後の両方を入力してください',
      rangeOrder: '範囲の最後が最初より小さくなっています', noRules: '対応表を1行以上入力してください', noTrial: '試行の結果がありません。もう一度試行してください',
    },
  },
};

/** The change-form dictionary (Japanese is complete; English is checked against it). */
export type ChangeFormDictionary = typeof ja;

const en: DeepPartial<ChangeFormDictionary> = {
  dateHint: 'Japanese era or Western calendar (e.g. 令和7年4月1日, R7.4.1, 2025-04-01)',
  choose: 'Please choose', noChoice: 'Not specified', keep: 'No change', yes: 'Yes', none: 'none', listSeparator: ', ',
  fields: {
    occurredOn: 'Date of change', notifiedOn: 'Date of notification', notifier: 'Notifier (届出人)', note: 'Note', previousAddress: 'Previous address', townName: 'Town (町字)',
    banchi: 'Lot and number (番地・号)', katagaki: 'Building and room (方書)', destination: 'Moving to (転出先)', newHeadPersonId: 'New head of household',
    remainingHeadPersonId: 'Head of the remaining household', toHouseholdId: 'Household no. to merge into', changeId: 'Change to cancel', personIds: 'Members concerned',
    parentPersonIds: 'Parents',
  },
  householdChangeFields: { toHouseholdId: 'Household no. to join', personIds: 'Members joining another household' },
  person: {
    familyName: 'Surname (氏)', givenName: 'Given name (名)', familyNameKana: 'Surname in furigana', givenNameKana: 'Given name in furigana', birthDate: 'Date of birth', sex: 'Sex',
    relationship: 'Relationship to head (続柄)', residentKind: 'Kind of resident', honseki: 'Registered domicile (本籍)', hittosha: 'Head of family register (筆頭者)',
    myNumber: 'My Number (個人番号)', residentCode: 'Resident record code (住民票コード)', romanName: 'Name in alphabet', nationality: 'Nationality or region',
    category: 'Category (Art. 30-45)', residenceStatus: 'Status of residence (在留資格)', residencePeriod: 'Period of stay (在留期間)', residenceExpiry: 'Period of stay ends on',
    residenceCardNo: 'Residence card number',
    landingPeriodEnd: 'Landing period ends on (temporary refuge)', provisionalStayEnd: 'Provisional stay ends on (仮滞在)', transitionalCause: 'Transitional stay by (経過滞在)',
    alienRegistrationDate: 'Registered under the old Alien Registration Act on', residenceNotified: 'Place of residence notified (住居地の届出)', landingPermitMoveIn: 'Moved in on a landing permit (上陸許可証)',
    causeBirth: 'Birth (出生)', causeLoss: 'Loss of nationality (国籍喪失)', notifiedYes: 'Yes', notifiedNo: 'No', 
  },
  nthPerson: (n: number, label: string) => `Person ${n}: ${label}`,
  patch: {
    familyName: 'Surname (氏)', givenName: 'Given name (名)', familyNameKana: 'Surname in furigana', givenNameKana: 'Given name in furigana', birthDate: 'Date of birth', sex: 'Sex',
    honseki: 'Registered domicile (本籍)', hittosha: 'Head of family register (筆頭者)', banchi: 'Lot and number (番地・号)', katagaki: 'Building and room (方書)',
  },
  corrected: (label: string) => `${label}, corrected`,
  items: {
    action: 'Enter or delete', oldSurname: 'Former surname (旧氏)', oldSurnameKana: 'Former surname in furigana', alias: 'Alias (通称)', aliasKana: 'Alias in furigana', deFactoHead: 'De facto head (事実上の世帯主)',
    nationality: 'Nationality or region', category: 'Category (Art. 30-45)', residenceStatus: 'Status of residence (在留資格)', residencePeriod: 'Period of stay (在留期間)',
    residenceExpiry: 'Period of stay ends on', residenceCardNo: 'Residence card number', romanName: 'Name in alphabet', honseki: 'Registered domicile (本籍)',
    landingPeriodEnd: 'Landing period ends on (temporary refuge)', provisionalStayEnd: 'Provisional stay ends on (仮滞在)', transitionalCause: 'Transitional stay by (経過滞在)',
    alienRegistrationDate: 'Registered under the old Alien Registration Act on', residenceNotified: 'Place of residence notified (住居地の届出)', landingPermitMoveIn: 'Moved in on a landing permit (上陸許可証)',
    causeBirth: 'Birth (出生)', causeLoss: 'Loss of nationality (国籍喪失)', notifiedYes: 'Yes', notifiedNo: 'No', 
    hittosha: 'Head of family register (筆頭者)', 'new-familyName': 'Surname (氏)', 'new-givenName': 'Given name (名)', 'new-familyNameKana': 'Surname in furigana',
    'new-givenNameKana': 'Given name in furigana', ground: 'Ground for the minor correction', movedOn: 'Date of moving out (confirmed)', cause: 'Cause of the change',
    readingStatus: 'Status of the reading', familyNameKana: 'Reading of the surname', givenNameKana: 'Reading of the given name',
  },
  itemValues: {
    action: { enter: 'Enter (or change)', delete: 'Delete' },
    cause: { 住居表示: 'Residential address indication (住居表示の実施)', 区画整理: 'Land readjustment (土地区画整理事業等)' },
    readingStatus: { certified: 'Certified (recorded in the family register)', notified: 'Notified (not yet recorded in the family register)' },
  },
  dates: {
    'move-out': 'Date of change (planned move-out)', cancellation: 'Reference date of the processing',
    'old-surname': 'Date of change (date of request)', alias: 'Date of change (date of application)', 'residence-status-change': 'Date of change (date of permission)',
    naturalization: 'Date of change (date of naturalisation)', 'nationality-loss': 'Date of change (date of loss of nationality)',
    'move-in-notice': 'Date the move-in notice was received', 'address-renaming': 'Date of change (date the address indication took effect)',
    reading: 'Date of change (date of the notice from the domicile)',
    reform: 'Date of rewriting (改製年月日)', remake: 'Date of re-making (再製年月日)',
  },
  categories: {
    中長期在留者: 'Mid- to long-term resident (中長期在留者)', 特別永住者: 'Special permanent resident (特別永住者)', 一時庇護許可者: 'Temporary refuge (一時庇護許可者)',
    仮滞在許可者: 'Provisional stay (仮滞在許可者)', 経過滞在者: 'Transitional stay (経過滞在者)',
  },
  grounds: {
    常用平易な文字への置換: 'Replacement with a common character (常用平易な文字への置換)', 文字の同定: 'Identification of a character (文字の同定)',
    町字の名称変更: 'Renaming of the town (町字の名称変更)', 地番の変更: 'Change of the lot number (地番の変更)', 住居表示の実施: 'Residential address indication (住居表示の実施)',
    方書の変更: 'Change of building and room (方書の変更)', その他大臣が認めるもの: 'Other, recognised by the Minister (その他大臣が認めるもの)',
  },
  common: {
    legend: 'Dates and notification', notifiedHint: (hint: string) => `Today if left empty. ${hint}`, notifierHint: 'e.g. 本人 (the resident), 世帯主 (head of household), 代理人 and name',
    alwaysExOfficio: 'This change is processed ex officio (職権).', exOfficio: 'Process ex officio (職権; not on a notification)',
    vagueDateHint: 'Japanese era or Western calendar (e.g. 令和7年4月1日, R7.4.1); if the day is not known 「推定令和7年3月」「令和7年頃」「年月日不詳」',
    confirmPlannedDate: 'Record with this planned move-out date (confirmed: more than 14 days ahead)',
  },
  address: { townHint: 'Choose from the town list or type it (e.g. 大字広丘野村)', unlisted: 'Register as a town not in the town list' },
  personForm: {
    birthHint: 'Japanese era or Western calendar (e.g. 昭和55年3月1日, S55.3.1)', relationshipBirthHint: 'Relationship to the head of household (e.g. 子)',
    familyOf: "Whose family (for 子の夫, 子の妻, 子の子)", familyOfHint: 'Choose when the household has several children (子): the person is listed right after that child (automatic with one child)',
    familyOfNone: 'Not specified',
    relationshipHint: 'In a new household, one person is 世帯主 (head of household)', honseki: 'Registered domicile (本籍; Japanese residents)',
    honsekiHint: 'なし if there is none, 不明 if unknown', myNumberHint: '12 digits (if any)', residentCodeHint: '11 digits. Left empty, a new code is assigned',
    foreign: 'Items of foreign residents (Art. 30-45)', periodHint: 'e.g. 3年', expiryHint: 'Western calendar (e.g. 2027-03-31)', cardHint: '2 letters, 8 digits, 2 letters',
  },
  member: {
    check: (name: string, relationship: string, birth: string) => `${name} (${relationship}, ${birth})`,
    option: (name: string, relationship: string) => `${name} (${relationship})`,
    relationshipOf: (name: string) => `Relationship of ${name}`,
  },
  kind: {
    joinHousehold: (head: string) => `Joins this household (head: ${head}). The address is the household's address.`,
    newHouseholdAddress: 'Address (new household)', fromAbroad: 'Moving in from abroad', firstPerson: 'Person moving in (1st)', addPerson: (n: number) => `Add person ${n}`,
    child: 'The child born', parents: 'Parents (if members of the household)',
    splitMembers: 'Members moving to the new household', moveOutMembers: 'Members moving out', moveWithinMembers: 'Members moving', newAddress: 'New address', abroad: 'Moving abroad',
    movingHead: 'New head of the members who move', movingHeadHint: 'When part of the household moves (not needed when everyone moves)',
    remainingHeadHint: 'When the head leaves and two or more members remain', relationshipsAfter: 'Relationships after the change',
    relationshipsAfterHint: 'When the household splits, enter each relationship to the new head (leave the new head empty)',
    deathHeadHint: 'When two or more remain after the death of the head, for example', remainingRelationships: 'Relationships of the remaining members',
    remainingRelationshipsHint: 'Relationship to the new head (only when the head changes)',
    headChangeRelationships: 'Relationships to the new head', headChangeHint: 'Leave the new head empty. Always enter the relationship of the former head (e.g. 夫, 父)',
    mergeHint: 'The household number shown on the household record to merge into', mergeTarget: (no: string, names: string) => `Merging into household no. ${no} (${names})`,
    mergeRelationships: 'Relationships to the head of the household merged into', mergeRelationshipsHint: 'Enter it for every member of this household',
    correction: 'Corrected entries (change only the items to correct)', birthDateHint: 'Japanese era or Western calendar',
    cancelHint: 'Changes can be cancelled from the latest one back', cancelOption: (date: string, kind: string, no: number) => `${date} ${kind} (history no. ${no})`,
  },
  item: {
    reformBox: 'Rewriting (改製)', reformText: 'A new record is written with the items in force only. The present record is kept as the original record (改製原住民票) and can be issued like a removed record. The date of rewriting is entered on the new record.',
    remakeBox: 'Re-making (再製)', remakeGround: 'Reason for re-making', remakeGroundHint: 'E.g. lost, damaged. The record is re-made from its latest items; the date and the reason are recorded.',
    enter: (item: string) => `Enter or change: ${item}`, remove: (item: string) => `Delete: ${item}`,
    oldSurnameBox: 'Former surname (旧氏; a past surname in the family register)', enterHint: 'Enter it when recording one',
    readingBox: 'Readings notified by the domicile (only certified ones print as furigana on certificates)', readingHint: 'Katakana. Leave a reading that was not notified empty',
    readingCertified: 'Certified (recorded in the family register)', readingNotified: 'Notified (not yet recorded in the family register)', aliasBox: 'Alias (通称; entries and deletions stay in the record\'s history)',
    deFactoHeadBox: 'De facto head of the household (事実上の世帯主), recorded as a remark when it differs from the registered head; not printed on certificates', deFactoHeadHint: 'The name as written in the family register or residence card',
    foreignBox: 'Items of foreign residents (Art. 30-45)', statusBox: 'Status of residence after the change', romanNameHint: 'As written on the residence card', statusHint: 'e.g. 技術・人文知識・国際業務',
    cardHint: 'Change it when a new card was issued (2 letters, 8 digits, 2 letters)',
    register: 'Family register (戸籍の表示)', honsekiHint: 'The registered domicile in the naturalisation notification', nameAfter: 'Name after naturalisation',
    nameAfterHint: 'Enter only the parts of the name that change (for a person recorded with an alphabet name only, enter the name). The alias and the Art. 30-45 items are deleted',
    joinHint: 'To join another household at the same address, enter the household number from its household record. Leave it empty when only relationships within this household change',
    joinTarget: (no: string, names: string) => `Joining household no. ${no} (${names})`, joinHeadHint: 'When the head joins another household and two or more members remain',
    relationshipsAfter: 'Relationships after the change',
    relationshipsAfterHint: 'For members joining another household, enter the relationship to the head of that household. For changes within this household, change the member\'s relationship (fill in the head only when the head joins another household)',
    groundHint: 'Art. 11(3)(ii) of the Enforcement Regulations of the Basic Resident Registration Act', nameCorrected: 'Corrected name (characters)',
    correctHint: 'Change only the items to correct', addressCorrected: 'Corrected spelling of the address (for the whole household; the date the address was fixed stays)',
    notice: 'Contents of the move-in notice', noticeDestination: 'Moved to (confirmed)', noticeDestinationHint: 'The address in the move-in notice',
    movedOnHint: (hint: string) => `The move-in date in the notice. ${hint}`, addressAfter: 'Address after the change (for the whole household)',
  },
  subject: {
    person: 'Resident', household: 'Household', address: 'Address',
    householdLine: (no: string, head: string) => `Household no. ${no} (head: ${head})`,
    personLine: (name: string, birth: string) => `${name} (born ${birth})`,
  },
  summary: {
    kind: 'Kind of change', exOfficio: 'Ex officio (職権)', unlisted: 'Not in the town list', fromAbroad: 'Moving in from abroad', abroad: 'Moving abroad',
    foreignResident: 'Foreign resident', entered: '(entered)',
  },
  errors: {
    personRequired: 'Choose the resident from a resident record first', householdRequired: 'Choose the household from a household record first',
    date: 'Enter a date', fullDate: 'Enter the year, month and day', invalidDate: (reason: string) => `${reason} (e.g. 令和7年4月1日, 2025-04-01)`,
    townName: 'Enter the town (町字)', banchi: 'Enter the lot and number (番地・号)', familyName: 'Enter the surname', romanName: 'Enter the name in alphabet',
    sex: 'Choose the sex', relationship: 'Enter the relationship (続柄)', personIds: 'Choose the members concerned', newHead: 'Choose the new head of household',
    destination: 'Enter where the resident moves to', mergeTarget: 'Enter the household number to merge into', householdNoUnknown: 'No household has this number. Check the household record', patch: 'Change the items to correct', changeId: 'Choose the change to cancel',
    checkInput: 'Please check your input',
    action: 'Choose enter or delete', readingStatus: 'Choose the status of the reading', oldSurname: 'Enter the former surname (旧氏)', alias: 'Enter the alias (通称)', residenceStatus: 'Enter the status of residence',
    residencePeriod: 'Enter the period of stay', honseki: 'Enter the registered domicile (本籍)', nationality: 'Enter the nationality or region', category: 'Choose the Art. 30-45 category',
    householdChange: 'Enter the household number to join, or change relationships', joinTargetMissing: 'The household to join was not found. Check the household number',
    joiningMembers: 'Choose the members who join', joiningRelationship: 'Enter the relationship to the head of the household joined', ground: 'Choose the ground for the minor correction',
    minorCorrection: 'Change the name or the spelling of the address to correct', noticeDestination: 'Enter the address in the move-in notice',
    cause: 'Choose residential address indication or land readjustment',
    conflict: (title: string) => `${title} (the household is shown as it is now; check it and submit again)`,
  },
  batch: {
    title: 'Address changes in bulk', heading: 'Address changes in bulk (residential address indication, land readjustment)',
    lead: 'Changes the address of every household living at the towns and lots in the table. Run a trial first to see the households, then record them as provisional (one ex officio change per household).',
    dateAndCause: 'Date and cause', occurredOn: 'Date of effect', rules: 'Table of changes', rule: (n: number) => `Table row ${n}`, optional: ' (if needed)', rowLabel: (n: number, label: string) => `Row ${n}: ${label}`,
    labels: { fromTown: 'Town before (町字)', banchiFrom: 'Lot from (番地)', banchiTo: 'Lot to (番地)', fromBanchi: 'Lot before (番地)', toTown: 'Town after (町字)', toBanchi: 'Lot after (番地)' },
    fromBanchiMatch: 'Lot before (番地, exact)', banchiFromHint: 'First lot of the range (a number)', banchiToHint: 'Last lot of the range (a number)',
    fromBanchiHint: 'To change a single lot only (e.g. 1-1)', toBanchiHint: 'Left empty, the lot does not change', unlisted: 'Register the new town as a town not in the town list',
    trial: 'Run a trial (nothing is recorded)',
    households: (households: number, persons: number) => `Households concerned (${households} ${households === 1 ? 'household' : 'households'}, ${persons} ${persons === 1 ? 'person' : 'persons'})`,
    columns: { householdNo: 'Household no.', from: 'Address before', to: 'Address after', rule: 'Table row' }, row: (n: number) => `Row ${n}`,
    skipped: (n: number) => `Households not changed (${n})`, unused: (rows: string) => `Rows without any household: ${rows}`,
    conflicts: {
      'ambiguous-rule': 'Matches two or more rows of the table', 'provisional-change-pending': 'A change awaits approval (provisional)',
      'household-version-conflict': 'The household was updated after the trial', 'household-address-mismatch': 'The members\' addresses differ', 'change-date-before-last': 'There is a change after the date of effect',
      'unknown-town': 'The new town (町字) is not in the town list',
    },
    trialTitle: 'Address changes in bulk: trial', trialLead: 'Nothing has been recorded by the trial. Recorded in bulk, each household\'s change awaits an approver. Households updated after the trial are not changed.',
    run: (n: number) => `Record ${n} ${n === 1 ? 'household' : 'households'} as provisional`, edit: 'Edit the table',
    resultTitle: 'Address changes in bulk: recorded as provisional',
    recorded: (households: number, persons: number) => `Address changes of ${households} ${households === 1 ? 'household' : 'households'} (${persons} ${persons === 1 ? 'person' : 'persons'}) recorded as provisional. Awaiting approval.`,
    range: (from: string, to: string) => ` lots ${from}–${to}`, wholeTown: ' (whole town)',
    errors: {
      lot: 'Enter the lot as a number', fromTown: 'Enter the town before', toTown: 'Enter the town after', range: 'Enter both the first and the last lot of the range',
      rangeOrder: 'The last lot is smaller than the first', noRules: 'Enter at least one row of the table', noTrial: 'There is no trial result. Run the trial again',
    },
  },
};

const english = mergeDictionary(ja, en);

/** The change-form dictionary of a language; English falls back to Japanese for anything not translated. */
export function changeFormText(lang: Lang): ChangeFormDictionary {
  return lang === 'en' ? english : ja;
}

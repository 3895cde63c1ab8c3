// SPDX-License-Identifier: EUPL-1.2
/**
 * Fixed UI text of the resident registry pages (住民記録), Japanese first with English. Stored data (names,
 * addresses, 続柄, 異動事由 labels from the service, messages of the service) is never translated. The English
 * dictionary may leave anything out: a missing English text falls back to the Japanese one, so new screens
 * stay usable before they are translated. The fields of the change forms are in registry-change-i18n.ts.
 */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  menu: { label: '住民記録のメニュー', search: '住民検索', moveIn: '転入（新しい世帯）', addressChanges: '住所一括変更', mine: '自分の入力', provisional: '仮登録一覧', statistics: '人口統計', batches: 'バッチ処理・統計', euc: 'データ抽出（EUC）', immigration: '入管通知', glyphs: '文字コード参照' },
  required: '（必須）',
  checkInput: '入力内容を確認してください',
  none: '—',
  personStatus: { resident: '住民', leaving: '転出予定', removed: '除票' } as Record<string, string>,
  sex: { male: '男', female: '女' } as Record<string, string>,
  /** Kinds of change in another language; Japanese uses CHANGE_KIND_LABELS (registry-ui.tsx). */
  kinds: {} as Record<string, string>,
  search: {
    title: '住民検索', failed: '検索できませんでした', formLabel: '住民検索', q: '検索語',
    qHint: '氏名（漢字・カナ、前方一致）、生年月日（例: 昭和55年3月1日、S55.3.1、1980-03-01）、個人番号（12桁）、住民票コード（11桁）、町字（例: 大字広丘野村）。氏名と生年月日は空白で区切って同時に指定できます。',
    mode: '氏名の一致方法', modes: { prefix: '前方一致', partial: '部分一致', exact: '完全一致' } as Record<string, string>,
    purpose: '利用目的', includeRemoved: '除票を含む', submit: '検索',
    results: '検索結果', count: (n: number) => `${n}件`, interpretedAs: (as: string) => `（${as}で検索）`,
    noHits: '該当する住民はいません。検索語又は「除票を含む」を見直してください。',
    keyHelp: '↑↓キーで行を移動し、Enterで個人票を開きます。',
    columns: { name: '氏名', kana: '読み', birthDate: '生年月日', sex: '性別', address: '住所', head: '世帯主', status: '状態' },
    self: '本人',
    as: { 個人番号: '個人番号', 住民票コード: '住民票コード', 在留カード番号: '在留カード番号', 生年月日: '生年月日', 氏名と生年月日: '氏名と生年月日', 住所: '住所', '氏名（カナ）': '氏名（カナ）', 氏名: '氏名' } as Record<string, string>,
  },
  person: {
    title: (name: string) => `個人票: ${name}`, failed: '表示できませんでした',
    asOfBadge: (date: string, no: number) => `${date}現在の記録（履歴番号 ${no}）`, pending: '審査中の異動（仮登録）があります',
    issue: '証明書を交付する', householdLink: (no: string) => `世帯票（世帯番号 ${no}）`,
    changes: '異動を入力する', personChanges: 'この住民の異動', householdChanges: 'この世帯の異動', moveInHere: '転入（この世帯に加わる）', itemChanges: 'この住民の記載事項の変更', moveInNotice: '転出先からの通知',
    record: '住民票の記載事項',
    fields: {
      name: '氏名', kana: 'フリガナ', romanName: 'アルファベット氏名', oldSurname: '旧氏', alias: '通称', birthDate: '生年月日', sex: '性別', relationship: '続柄',
      address: '住所', unlisted: '（町字一覧外）', becameResidentOn: '住民となった年月日', addressFixedOn: '住所を定めた年月日', notifiedOn: '届出日', previousAddress: '前住所',
      honseki: '本籍', hittosha: '筆頭者', myNumber: '個人番号', noMyNumber: '（なし）', residentCode: '住民票コード', atenaNo: '宛名番号', residentKind: '住民の種別',
      removedOn: '消除日', removalReason: '消除事由', destination: '転出先',
      readingStatus: { unconfirmed: '未確認', notified: '通知済', certified: '公証' } as Record<string, string>,
      readingOf: (family: string, given: string) => `氏: ${family}・名: ${given}`,
    },
    residentKinds: { japanese: '日本人住民', foreign: '外国人住民' } as Record<string, string>,
    foreign: {
      nationality: '国籍・地域', category: '第30条の45に規定する区分', residenceStatus: '在留資格', residencePeriod: '在留期間',
      residenceExpiry: '在留期間の満了の日', residenceCardNo: '在留カード等の番号', foreignResidentSince: '外国人住民となった年月日',
      landingPeriodEnd: '上陸期間（末日）', provisionalStayEnd: '仮滞在期間（末日）', transitionalCause: '経過滞在の事由',
      alienRegistrationDate: '旧外国人登録法による登録年月日', residenceNotified: '住居地の届出の有無', landingPermitMoveIn: '上陸許可証による転入',
    } as Record<string, string>,
    foreignFlags: { yes: '有', no: '無', landingPermit: '有', transitional: (c: string) => `${c}による経過滞在者` },
    restricted: '（表示の権限がありません）',
    restrictedNote: '伏せ字（＊）の項目は、あなたの役割では表示できません（戸籍の表示・住民票コード・在留資格等）。表示した項目はアクセスログに記録されます。',
    unmaskLabel: '個人番号の表示', unmaskPurpose: '個人番号を表示する利用目的', unmask: '個人番号を表示（記録されます）',
    asOf: '過去の時点の記録', asOfDate: '基準日', showAsOf: 'この日の記録を表示', backToCurrent: '現在の記録に戻る',
    history: '履歴',
    historyColumns: { historyNo: '履歴番号', reason: '異動事由', occurredOn: '異動日', notifiedOn: '届出日', processedOn: '処理日', status: '状態', cancel: '取消', state: '住所・続柄（この時点）' },
    exOfficio: '（職権）', cancelled: '取消済', cancels: '取消し',
    changeStatus: { provisional: '仮登録', returned: '差戻し中', final: '本登録', withdrawn: '取下げ' } as Record<string, string>,
  },
  household: {
    title: (no: string) => `世帯票: 世帯番号 ${no}`,
    head: '世帯主', noHead: '（世帯主なし）', address: '住所', householdNo: '世帯番号', pending: '審査中の異動', pendingYes: 'あり（仮登録）', pendingNo: 'なし',
    pendingNotice: 'この世帯には仮登録中の異動があります', pendingLink: (receipt: string) => `異動の詳細を見る（受付番号 ${receipt}）`, pendingLinkNoReceipt: '異動の詳細を見る',
    issue: '世帯の証明書を交付する', includeRemoved: '除票の世帯員も表示', members: '世帯員',
    headMissing: '世帯主のいない世帯です。残る世帯員の届出により世帯主変更を行ってください。', headChange: '世帯主変更を入力する',
    columns: { relationship: '続柄', name: '氏名', kana: '読み', birthDate: '生年月日', sex: '性別', status: '状態' },
  },
  provisional: {
    title: '仮登録一覧', failed: '処理できませんでした',
    lead: '審査中の異動です。本登録されるまで、検索・証明書・統計には反映されません。', approverOnly: '本登録は決裁者が行います。',
    none: '仮登録の異動はありません。', select: '選択', selectAll: 'すべて選択',
    columns: { change: '異動', persons: '対象者', occurredOn: '異動日', notifiedOn: '届出日', processedOn: '処理日', operator: '入力者', alerts: 'アラート', actions: '操作' },
    exOfficio: '（職権）', selectRow: (label: string) => `${label}を選択`, approveRow: (label: string) => `${label}を本登録`, withdrawRow: (label: string) => `${label}を取下げ`,
    approve: '本登録', withdraw: '取下げ', approveSelected: '選択した異動を一括本登録',
    done: { '本登録しました。': '本登録しました。', '取り下げました。': '取り下げました。' } as Record<string, string>,
  },
  statistics: {
    title: '人口統計', asOf: '基準日', show: '表示', csv: 'CSVをダウンロード', asOfLine: (wareki: string) => `${wareki}現在`,
    total: '総数', totalColumns: ['人口', '男', '女', '日本人', '外国人', '世帯数'], byAge: '年齢（5歳階級）・男女別',
    ageColumns: ['年齢', '男', '女', '計', '日本人', '外国人'], chart: '男 ／ 女', chartSr: 'グラフ（表の数値と同じ）',
    byTown: '町字別', townColumns: ['町字', '世帯数', '人口', '男', '女', '日本人', '外国人'],
  },
  /** The change screens: page titles, headings and buttons (their fields, hints and summaries: registry-change-i18n.ts). */
  change: {
    formTitle: (kind: string) => `${kind}の入力`, confirmTitle: (kind: string) => `${kind}の確認`, resultTitle: (kind: string) => `${kind}を仮登録しました`,
    toConfirm: '確認へ進む', content: '記録する内容',
    confirmLead: '記録すると仮登録になります。決裁者が本登録するまで、検索・証明書・統計には反映されません。アラートは仮登録一覧でも確認できます。',
    previewAlerts: 'アラート（記録できますが、確認してください）', record: '仮登録する', edit: '入力を修正する',
    recorded: (label: string, code: string) => `仮登録しました（${label}・異動事由コード ${code}）。決裁者の本登録を待っています。`,
    alerts: 'アラート（確認してください）', records: '対象の記録', newPersonsLater: '新たに記載した住民の個人票は、本登録の後に表示できます。',
    personRecord: (name: string) => `${name}の個人票`, householdRecord: '世帯票', toSearch: '住民検索へ', toProvisional: '仮登録一覧へ',
  },
  suppression: {
    heading: '抑止が設定されています',
    operations: { certificate: '証明書発行', inquiry: '照会・検索', change: '異動入力', feed: '他システム連携', inspection: '閲覧', export: '抽出' } as Record<string, string>,
    levels: { error: 'エラー（処理不可）', alert: 'アラート（確認して処理）' } as Record<string, string>,
    item: (op: string, level: string, since: string, household: boolean) => `${op}: ${level}（${since}から${household ? '、世帯に設定' : ''}）`,
    lifted: ' — 現在一時解除中',
  },
  supportMeasure: {
    heading: '支援措置対象者です。証明書の交付・閲覧に注意してください',
    householdHeading: '支援措置対象者がいます。証明書の交付・閲覧に注意してください',
    lead: 'DV等支援措置により、加害者等からの住民票の写し等の交付・閲覧の請求は拒否されます。第三者・代理人からの請求は厳格に審査してください。',
    period: (from: string, to: string) => `支援措置期間: ${from}〜${to}`,
    overdue: '終了日を過ぎていますが、終了の手続が行われるまで保護は続きます。延長の申出又は終了の手続を確認してください。',
    expiring: '終了日が近づいています（1か月以内）。延長の申出を確認してください。',
    badge: '支援措置対象',
  },
};

/** The registry dictionary (Japanese is complete; every other language is checked against it). */
export type RegistryDictionary = typeof ja;

/** A dictionary with any entry left out (typos in keys are still type errors). */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

const en: DeepPartial<RegistryDictionary> = {
  menu: { label: 'Resident registry menu', search: 'Resident search', moveIn: 'Move-in (new household)', addressChanges: 'Address changes in bulk', mine: 'My entries', provisional: 'Provisional changes', statistics: 'Population statistics', batches: 'Batch work', euc: 'Data extraction (EUC)', immigration: 'Immigration notices', glyphs: 'Character codes' },
  required: ' (required)',
  checkInput: 'Please check your input',
  personStatus: { resident: 'Resident', leaving: 'Moving out', removed: 'Removed (除票)' },
  sex: { male: 'Male', female: 'Female' },
  kinds: {
    'move-in': 'Move-in', 'move-within': 'Move within the municipality', 'move-out': 'Move-out', birth: 'Birth', death: 'Death', 'head-change': 'Change of household head',
    'household-split': 'Household split', 'household-merge': 'Household merger', 'clerical-correction': 'Correction of a clerical error', 'ex-officio-correction': 'Correction ex officio',
    'ex-officio-entry': 'Entry ex officio', 'ex-officio-removal': 'Removal ex officio', cancellation: 'Cancellation of a change', 'old-surname': 'Former surname', alias: 'Alias',
    'residence-status-change': 'Change of status of residence', naturalization: 'Naturalisation', 'nationality-loss': 'Loss of nationality', 'household-change': 'Change of household',
    'minor-correction': 'Minor correction', 'move-in-notice': 'Move-in notice', 'address-renaming': 'Address renaming', 'de-facto-head': 'De facto head of household', reading: 'Reading (furigana) notified by the domicile',
    reform: 'Rewriting of the record (改製)', remake: 'Re-making of the record (再製)',
  },
  search: {
    title: 'Resident search', failed: 'Could not search', formLabel: 'Resident search', q: 'Search term',
    qHint: 'Name (kanji or kana, prefix), birth date (e.g. 昭和55年3月1日, S55.3.1, 1980-03-01), My Number (12 digits), resident record code (11 digits) or town (e.g. 大字広丘野村). A name and a birth date can be combined, separated by a space.',
    mode: 'Name matching', modes: { prefix: 'Starts with', partial: 'Contains', exact: 'Exact' },
    purpose: 'Purpose of use', includeRemoved: 'Include removed records (除票)', submit: 'Search',
    results: 'Results', count: (n: number) => `${n} ${n === 1 ? 'hit' : 'hits'}`, interpretedAs: (as: string) => ` (searched by ${as})`,
    noHits: 'No resident matches. Check the search term or include removed records.',
    keyHelp: 'Use ↑↓ to move between rows and Enter to open the record.',
    columns: { name: 'Name', kana: 'Reading', birthDate: 'Date of birth', sex: 'Sex', address: 'Address', head: 'Head of household', status: 'Status' },
    self: 'Self',
    as: { 個人番号: 'My Number', 住民票コード: 'resident record code', 在留カード番号: 'residence card number', 生年月日: 'birth date', 氏名と生年月日: 'name and birth date', 住所: 'address', '氏名（カナ）': 'name (kana)', 氏名: 'name' },
  },
  person: {
    title: (name: string) => `Resident record: ${name}`, failed: 'Could not show',
    asOfBadge: (date: string, no: number) => `Record as of ${date} (history no. ${no})`, pending: 'A change awaits approval (provisional)',
    issue: 'Issue a certificate', householdLink: (no: string) => `Household record (household no. ${no})`,
    changes: 'Record a change', personChanges: 'Changes of this resident', householdChanges: 'Changes of this household', moveInHere: 'Move-in (join this household)', itemChanges: 'Changes of this resident\'s entries', moveInNotice: 'Notice from the new municipality',
    record: 'Items of the resident record',
    fields: {
      name: 'Name', kana: 'Reading (furigana)', romanName: 'Name in alphabet', oldSurname: 'Former surname (旧氏)', alias: 'Alias (通称)', birthDate: 'Date of birth', sex: 'Sex',
      relationship: 'Relationship to head', address: 'Address', unlisted: ' (not in the town list)', becameResidentOn: 'Became a resident on', addressFixedOn: 'Address fixed on',
      notifiedOn: 'Notified on', previousAddress: 'Previous address', honseki: 'Registered domicile (本籍)', hittosha: 'Head of family register (筆頭者)', myNumber: 'My Number',
      noMyNumber: '(none)', residentCode: 'Resident record code', atenaNo: 'Address number (宛名番号)', residentKind: 'Kind of resident',
      removedOn: 'Removed on', removalReason: 'Reason for removal', destination: 'Moved to',
      readingStatus: { unconfirmed: 'unconfirmed', notified: 'notified', certified: 'certified (公証)' } as Record<string, string>,
      readingOf: (family: string, given: string) => `surname: ${family}, given name: ${given}`,
    },
    residentKinds: { japanese: 'Japanese resident', foreign: 'Foreign resident' },
    foreign: {
      nationality: 'Nationality or region', category: 'Category (Art. 30-45)', residenceStatus: 'Status of residence', residencePeriod: 'Period of stay',
      residenceExpiry: 'Period of stay ends on', residenceCardNo: 'Residence card number', foreignResidentSince: 'Foreign resident since',
      landingPeriodEnd: 'Landing period ends on (上陸期間)', provisionalStayEnd: 'Provisional stay ends on (仮滞在期間)', transitionalCause: 'Transitional stay by (経過滞在)',
      alienRegistrationDate: 'Registered under the old Alien Registration Act on', residenceNotified: 'Place of residence notified', landingPermitMoveIn: 'Moved in on a landing permit',
    },
    foreignFlags: { yes: 'Yes', no: 'No', landingPermit: 'Yes', transitional: (c: string) => `Transitional stay after ${c === '出生' ? 'birth (出生)' : 'loss of nationality (国籍喪失)'}` },
    restricted: ' (not shown to your role)',
    restrictedNote: 'Masked items (＊) are not shown to your role (family register, resident record code, status of residence). Every item shown is recorded in the access log.',
    unmaskLabel: 'Show the My Number', unmaskPurpose: 'Purpose for showing the My Number', unmask: 'Show the My Number (logged)',
    asOf: 'Record at a past date', asOfDate: 'Reference date', showAsOf: 'Show the record on this date', backToCurrent: 'Back to the current record',
    history: 'History',
    historyColumns: { historyNo: 'History no.', reason: 'Reason', occurredOn: 'Date of change', notifiedOn: 'Notified on', processedOn: 'Processed on', status: 'Status', cancel: 'Cancellation', state: 'Address and relationship (then)' },
    exOfficio: ' (ex officio)', cancelled: 'Cancelled', cancels: 'Cancels',
    changeStatus: { provisional: 'Provisional', final: 'Final', withdrawn: 'Withdrawn' },
  },
  household: {
    title: (no: string) => `Household record: household no. ${no}`,
    head: 'Head of household', noHead: '(no head)', address: 'Address', householdNo: 'Household no.', pending: 'Change awaiting approval', pendingYes: 'Yes (provisional)', pendingNo: 'None', pendingNotice: 'This household has a provisional change', pendingLink: (receipt: string) => `Open the change (receipt ${receipt})`, pendingLinkNoReceipt: 'Open the change',
    issue: 'Issue a household certificate', includeRemoved: 'Also show removed members', members: 'Members',
    headMissing: 'This household has no head. Record a change of head (世帯主変更) on the notification of a remaining member.', headChange: 'Enter a change of head',
    columns: { relationship: 'Relationship', name: 'Name', kana: 'Reading', birthDate: 'Date of birth', sex: 'Sex', status: 'Status' },
  },
  provisional: {
    title: 'Provisional changes', failed: 'Could not process',
    lead: 'Changes awaiting approval. They are not visible in search, certificates or statistics until approved.', approverOnly: 'An approver approves them.',
    none: 'There are no provisional changes.', select: 'Select', selectAll: 'Select all',
    columns: { change: 'Change', persons: 'Residents', occurredOn: 'Date of change', notifiedOn: 'Notified on', processedOn: 'Processed on', operator: 'Entered by', alerts: 'Alerts', actions: 'Actions' },
    exOfficio: ' (ex officio)', selectRow: (label: string) => `Select ${label}`, approveRow: (label: string) => `Approve ${label}`, withdrawRow: (label: string) => `Withdraw ${label}`,
    approve: 'Approve', withdraw: 'Withdraw', approveSelected: 'Approve the selected changes',
    done: { '本登録しました。': 'Approved.', '取り下げました。': 'Withdrawn.' },
  },
  statistics: {
    title: 'Population statistics', asOf: 'Reference date', show: 'Show', csv: 'Download CSV', asOfLine: (wareki: string) => `As of ${wareki}`,
    total: 'Totals', totalColumns: ['Population', 'Male', 'Female', 'Japanese', 'Foreign', 'Households'], byAge: 'By age (5-year bands) and sex',
    ageColumns: ['Age', 'Male', 'Female', 'Total', 'Japanese', 'Foreign'], chart: 'Male / Female', chartSr: 'Chart (same figures as the table)',
    byTown: 'By town', townColumns: ['Town', 'Households', 'Population', 'Male', 'Female', 'Japanese', 'Foreign'],
  },
  change: {
    formTitle: (kind: string) => `${kind}: enter the change`, confirmTitle: (kind: string) => `${kind}: confirm`, resultTitle: (kind: string) => `${kind}: recorded as provisional`,
    toConfirm: 'Continue to confirmation', content: 'What will be recorded',
    confirmLead: 'The change is recorded as provisional. It is not visible in search, certificates or statistics until an approver approves it. Alerts are also shown in the list of provisional changes.',
    previewAlerts: 'Alerts (the change can be recorded; please check)', record: 'Record as provisional', edit: 'Edit the entries',
    recorded: (label: string, code: string) => `Recorded as provisional (${label}, reason code ${code}). Awaiting approval.`,
    alerts: 'Alerts (please check)', records: 'Records concerned', newPersonsLater: 'Records of newly entered residents can be shown after approval.',
    personRecord: (name: string) => `Resident record of ${name}`, householdRecord: 'Household record', toSearch: 'Back to resident search', toProvisional: 'Provisional changes',
  },
  suppression: {
    heading: 'Suppressions (抑止) in force',
    operations: { certificate: 'Certificates', inquiry: 'Look-up and search', change: 'Changes', feed: 'Linkage to other systems', inspection: 'Inspection', export: 'Extraction' } as Record<string, string>,
    levels: { error: 'error (refused)', alert: 'alert (check first)' } as Record<string, string>,
    item: (op: string, level: string, since: string, household: boolean) => `${op}: ${level} (since ${since}${household ? ', set on the household' : ''})`,
    lifted: ' — temporarily lifted now',
  },
  supportMeasure: {
    heading: 'This resident is under a support measure (DV etc.). Take care when issuing or showing certificates.',
    householdHeading: 'A member is under a support measure (DV etc.). Take care when issuing or showing certificates.',
    lead: 'Requests for copies or inspection by the perpetrator are refused. Examine requests by third parties and agents strictly.',
    period: (from: string, to: string) => `Support measure period: ${from} – ${to}`,
    overdue: 'The end date has passed, but protection continues until the measure is ended explicitly. Check for an extension or end it.',
    expiring: 'The end date is within a month. Check for an extension request.',
    badge: 'Support measure',
  },
};

/** A dictionary with the entries of `over` replacing those of `base`; what `over` leaves out stays from `base`. */
export function mergeDictionary<T>(base: T, over: DeepPartial<T> | undefined): T {
  if (over === undefined) return base;
  if (typeof base !== 'object' || base === null || typeof over !== 'object' || over === null || Array.isArray(over)) return over as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = mergeDictionary((base as Record<string, unknown>)[k], v as never);
  return out as T;
}

const english = mergeDictionary(ja, en);

/** The registry dictionary of a language; English falls back to Japanese for anything not translated. */
export function registryText(lang: Lang): RegistryDictionary {
  return lang === 'en' ? english : ja;
}

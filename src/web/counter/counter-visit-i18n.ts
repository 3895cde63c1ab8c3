// SPDX-License-Identifier: EUPL-1.2
/**
 * Fixed text of the counter visit pages (来庁受付, 聞き取り, 確認・署名と届出), Japanese first with English. Names,
 * addresses, 続柄 and whatever the clerk or resident typed are data and stay as entered; procedure titles and the
 * reasons they apply come from the rule set in both languages. English is complete (the type asks for every entry).
 */
import type { Lang } from '../ui/i18n.ts';

/** A missing answer's text; `name` is the member it is about (as stored). */
type MissingText = (name: string) => string;

const ja = {
  start: {
    title: '来庁受付（聞き取りの開始）', heading: '来庁受付', ticket: (n: number) => `（受付番号 ${n} 番）`, refused: '受け付けられませんでした',
    reservationHeading: (caseNo: string) => `来庁予約（受付番号 ${caseNo}）の内容で聞き取りを始めます`,
    applicant: '申請者', notification: '届出', movedOn: '引越し日', newAddress: '新しい住所', previousAddress: '前の住所',
    applicantLine: (name: string, born: string) => `${name}（${born}生）`,
    kind: { 'move-in': '転入届', 'move-within': '転居届' } as Record<string, string>,
    reservationNext: { 'move-in': '世帯員のカードを読み取ってください。予約の内容は聞き取りに入ります。', 'move-within': '住民記録から申請者を選んでください。予約の内容は聞き取りに入ります。' } as Record<string, string>,
    reservationsHeading: '来庁予約（オンラインで届いた転入・転居）',
    reservationItem: (name: string, caseNo: string, received: string) => `${name}さん（受付番号 ${caseNo}、${received}受付）`,
    registryHeading: '住民記録にある方（転居・転出・出生・死亡・世帯変更）', business: 'ご用件',
    search: '住民を検索', searchHint: '氏名（漢字・カナ）、生年月日（和暦）、又は氏名と生年月日', searchButton: '検索', noHits: '該当する住民はいません。',
    columns: { name: '氏名', birthDate: '生年月日', address: '住所', relationship: '続柄', action: '受付' },
    startWith: (name: string) => `${name}さんで受付`,
    cardHeading: '転入（カードから）', lifeEvents: 'ご用件（ライフイベント）', cards: '世帯員のマイナンバーカード（券面事項）',
    cardsHint: 'カードを読み取り装置に置くと券面事項（氏名・住所・生年月日・性別）が入ります。届出人を1人目にしてください。',
    simulate: '模擬カードを読み取る（デモ）', person: (k: number) => `${k}人目`, submit: '聞き取りを始める',
  },
  visit: {
    title: (no: string) => `来庁 ${no}`, refused: 'できませんでした', eventsJoin: '・',
    notices: { saved: '聞き取りを保存しました。', adjusted: '手続を変更しました。', filed: 'すべての届出・申請を受け付けました。' } as Record<string, string>,
    filed: 'すべての届出・申請を受け付けました', filedRegistry: '住民記録に仮登録しました（本登録は住民記録の仮登録一覧で行います）。',
    caseLink: (no: string) => `案件 ${no}`, sheetLink: '確認・署名用シート（PDF）', back: '受付に戻る',
    procedures: (n: number) => `必要な手続（${n}件）`,
    columns: { procedure: '手続', reason: '理由', forWhom: '対象', where: '窓口', drop: '外す' },
    byClerk: '職員が追加', household: '世帯', nameJoin: '、',
    dropReasonOf: (title: string) => `${title}を外す理由`, dropReason: '外す理由', drop: '外す',
    dropped: '外した手続: ', droppedItem: (title: string, reason: string) => `${title}（${reason}）`, droppedJoin: '、',
    add: '手続を追加', addReason: '追加する理由', addButton: '追加',
  },
  interview: {
    heading: '聞き取り（共通の質問は一度だけ）',
    occurred: { 'move-in': '異動日（引越した日）', 'move-within': '異動日（引越した日）', 'move-out': '転出日（予定日）', birth: '生まれた日', death: '亡くなった日', 'household-change': '変更の日' } as Record<string, string>,
    occurredDefault: '異動日',
    phone: '連絡先電話番号', previousAddress: '前住所（カードから）', townName: '新住所：町字', townHint: '例: 大字広丘野村', banchi: '番地・号', katagaki: '方書（建物名・部屋番号）',
    destination: '転出先の住所', destinationHint: '都道府県から番地・部屋番号まで',
    honseki: '本籍', honsekiHint: 'ない場合は「なし」、分からない場合は「不明」', hittosha: '筆頭者',
    newHead: '新しい世帯主', newHeadHint: { 'household-change': '世帯主になる方を選んでください', other: '世帯主が亡くなった・引越す場合に、残る世帯の世帯主を選んでください' },
    none: '選ばない', headOption: (name: string, relationship: string) => `${name}（${relationship || '続柄未入力'}）`,
    newborn: '生まれたお子さん', familyName: '氏', givenName: '名', familyNameKana: '氏（フリガナ）', givenNameKana: '名（フリガナ）', birthDate: '生年月日', sex: '性別',
    sexes: { male: '男', female: '女' } as Record<string, string>, relationship: '続柄', newbornNhi: '国民健康保険に加入する',
    members: { registered: '世帯員（住民記録から）', cards: '世帯員（氏名・生年月日・性別はカードから）' },
    kanaHint: '同じ氏の方のフリガナ（氏）は、1人分を入力して保存すると全員に入ります。',
    concerned: { 'move-within': '引越す', 'move-out': '転出する', death: '亡くなった方' } as Record<string, string>, concernedDefault: '対象',
    columns: { name: '氏名', familyNameKana: 'フリガナ（氏）', givenNameKana: 'フリガナ（名）', birthDate: '生年月日', relationship: '続柄', nhi: '国保に加入' },
    srKanaFamily: (name: string) => `${name} フリガナ（氏）`, srKanaGiven: (name: string) => `${name} フリガナ（名）`, srRelationship: (name: string) => `${name} 続柄`,
    nhiJoin: '加入',
    residenceCard: (name: string) => `${name}さんの在留カード`, romanName: 'ローマ字氏名', nationality: '国籍・地域', residenceCardNo: '在留カード番号',
    residenceCardNoHint: '英字2・数字8・英字2（例: AB12345678CD）', residenceStatus: '在留資格', residenceExpiry: '在留期間の満了日',
    dog: '犬を飼っている',
    childAllowance: '児童手当（受取口座）', bankName: '金融機関', branchName: '支店', accountType: '種別', accountTypes: { ordinary: '普通', current: '当座' }, accountNumber: '口座番号（7桁）',
    daycare: '保育所等の利用申込', daycareStart: '利用希望日', daycarePreferences: '希望する施設（読点で区切る・順に）', daycareReason: '保育を必要とする事由', daycareReasonHint: '例: 父母とも就労（週40時間）',
    childMedical: '子ども医療費', insurer: 'お子さんの健康保険（保険者名）', insurerHint: 'お子さんが国保に加入する場合は、保存すると「国民健康保険」が入ります',
    school: '小中学校の転入学', previousSchool: '前の学校',
    save: '聞き取りを保存',
  },
  file: {
    heading: '確認・署名と届出', missingLead: '次の聞き取りが終わると、確認・署名用シートを印刷して届出できます。',
    readyLead: 'シートを印刷し、内容を住民の方に確認して署名してもらってから、届出をまとめて行います。',
    openSheet: '確認・署名用シートを開く（PDF）', signed: '住民の方がシートの内容を確認し、署名しました',
    submit: (n: number) => `すべての届出・申請を行う（${n}件）`,
  },
  /** What is still missing, by the interview's stable codes (interview.ts `missingAnswers`); Japanese uses the domain's own message. */
  missing: {} as Record<string, MissingText>,
};
export type CounterVisitDictionary = typeof ja;

const en: CounterVisitDictionary = {
  start: {
    title: 'Reception (start the interview)', heading: 'Reception', ticket: (n: number) => ` (ticket ${n})`, refused: 'Could not start',
    reservationHeading: (caseNo: string) => `Starting the interview from the visit reservation (no. ${caseNo})`,
    applicant: 'Applicant', notification: 'Notification', movedOn: 'Moving date', newAddress: 'New address', previousAddress: 'Previous address',
    applicantLine: (name: string, born: string) => `${name} (born ${born})`,
    kind: { 'move-in': 'Moving-in notification', 'move-within': 'Notification of a move within the municipality' },
    reservationNext: { 'move-in': 'Read the household members\' cards. The reservation\'s answers go into the interview.', 'move-within': 'Choose the applicant from the resident registry. The reservation\'s answers go into the interview.' },
    reservationsHeading: 'Visit reservations (moves sent online)',
    reservationItem: (name: string, caseNo: string, received: string) => `${name} (no. ${caseNo}, received ${received})`,
    registryHeading: 'Registered residents (move within, moving out, birth, death, household change)', business: 'Business',
    search: 'Find the resident', searchHint: 'Name (kanji or kana), date of birth (Japanese era), or name and date of birth', searchButton: 'Search', noHits: 'No resident matches.',
    columns: { name: 'Name', birthDate: 'Date of birth', address: 'Address', relationship: 'Relationship', action: 'Reception' },
    startWith: (name: string) => `Start with ${name}`,
    cardHeading: 'Moving in (from the cards)', lifeEvents: 'Business (life events)', cards: 'Household members\' My Number Cards (card face)',
    cardsHint: 'Place a card on the reader to enter its face items (name, address, date of birth, sex). Put the person notifying first. ',
    simulate: 'Read demo cards', person: (k: number) => `Person ${k}`, submit: 'Start the interview',
  },
  visit: {
    title: (no: string) => `Visit ${no}`, refused: 'Could not do that', eventsJoin: ', ',
    notices: { saved: 'Interview saved.', adjusted: 'Procedures changed.', filed: 'Every notification and application was received.' },
    filed: 'Every notification and application was received', filedRegistry: 'Recorded provisionally in the resident registry (final entry from the registry\'s list of provisional changes).',
    caseLink: (no: string) => `Case ${no}`, sheetLink: 'Confirmation and signature sheet (PDF)', back: 'Back to reception',
    procedures: (n: number) => `Procedures needed (${n})`,
    columns: { procedure: 'Procedure', reason: 'Why it applies', forWhom: 'For', where: 'Counter', drop: 'Drop' },
    byClerk: 'Added by staff', household: 'Household', nameJoin: ', ',
    dropReasonOf: (title: string) => `Reason for dropping ${title}`, dropReason: 'Reason', drop: 'Drop',
    dropped: 'Dropped: ', droppedItem: (title: string, reason: string) => `${title} (${reason})`, droppedJoin: '; ',
    add: 'Add a procedure', addReason: 'Reason for adding', addButton: 'Add',
  },
  interview: {
    heading: 'Interview (shared questions asked once)',
    occurred: { 'move-in': 'Date of the move', 'move-within': 'Date of the move', 'move-out': 'Moving-out date (planned)', birth: 'Date of birth', death: 'Date of death', 'household-change': 'Date of the change' },
    occurredDefault: 'Date of the change',
    phone: 'Contact phone number', previousAddress: 'Previous address (from the card)', townName: 'New address: town', townHint: 'As in the town list, e.g. 大字広丘野村', banchi: 'Lot and number', katagaki: 'Building and room',
    destination: 'Address moving to', destinationHint: 'From the prefecture down to the lot and room',
    honseki: 'Registered domicile', honsekiHint: 'If there is none, enter "なし"; if unknown, "不明"', hittosha: 'Head of the family register',
    newHead: 'New head of household', newHeadHint: { 'household-change': 'Choose who becomes head of household', other: 'If the head died or moves, choose the head of the remaining household' },
    none: 'None', headOption: (name: string, relationship: string) => `${name} (${relationship || 'relationship not entered'})`,
    newborn: 'The newborn child', familyName: 'Surname', givenName: 'Given name', familyNameKana: 'Surname (katakana)', givenNameKana: 'Given name (katakana)', birthDate: 'Date of birth', sex: 'Sex',
    sexes: { male: 'Male', female: 'Female' }, relationship: 'Relationship to head', newbornNhi: 'Joins National Health Insurance',
    members: { registered: 'Household members (from the resident registry)', cards: 'Household members (name, date of birth and sex from the cards)' },
    kanaHint: 'The surname reading entered for one member fills in every member with the same surname when saved.',
    concerned: { 'move-within': 'Moves', 'move-out': 'Moves out', death: 'Deceased' }, concernedDefault: 'Concerned',
    columns: { name: 'Name', familyNameKana: 'Surname (katakana)', givenNameKana: 'Given name (katakana)', birthDate: 'Date of birth', relationship: 'Relationship', nhi: 'Joins NHI' },
    srKanaFamily: (name: string) => `${name}: surname (katakana)`, srKanaGiven: (name: string) => `${name}: given name (katakana)`, srRelationship: (name: string) => `${name}: relationship`,
    nhiJoin: 'Joins',
    residenceCard: (name: string) => `Residence card of ${name}`, romanName: 'Name in Roman letters', nationality: 'Nationality or region', residenceCardNo: 'Residence card number',
    residenceCardNoHint: '2 letters, 8 digits, 2 letters (e.g. AB12345678CD)', residenceStatus: 'Status of residence', residenceExpiry: 'Period of stay ends on',
    dog: 'Keeps a dog',
    childAllowance: 'Child allowance (bank account for payment)', bankName: 'Bank', branchName: 'Branch', accountType: 'Account type', accountTypes: { ordinary: 'Ordinary', current: 'Current' }, accountNumber: 'Account number (7 digits)',
    daycare: 'Daycare application', daycareStart: 'Wished start date', daycarePreferences: 'Wished facilities (in order, separated by commas)', daycareReason: 'Reason care is needed', daycareReasonHint: 'E.g. both parents work (40 hours a week)',
    childMedical: 'Children\'s medical expenses', insurer: 'The child\'s health insurer', insurerHint: 'If the child joins National Health Insurance here, saving fills in "国民健康保険"',
    school: 'School transfer', previousSchool: 'Previous school',
    save: 'Save the interview',
  },
  file: {
    heading: 'Confirmation, signature and filing', missingLead: 'When these answers are complete, you can print the confirmation and signature sheet and file.',
    readyLead: 'Print the sheet, let the resident check it and sign, then file everything at once.',
    openSheet: 'Open the confirmation and signature sheet (PDF)', signed: 'The resident checked the sheet and signed it',
    submit: (n: number) => `File every notification and application (${n})`,
  },
  missing: {
    'occurred-on-required': () => 'Enter the date of the change',
    'occurred-on-invalid': () => 'Enter the date of the change as a date (e.g. 令和8年12月1日, R8.12.1)',
    'occurred-on-future': () => 'The date of the change cannot be in the future',
    'one-registry-change': () => 'One registry change per visit (serve the other as a separate visit)',
    'registered-only': () => 'This notification is for registered residents (search the resident at reception)',
    'new-address-required': () => 'Enter the new address (town, lot and number)',
    'movers-required': () => 'Choose at least one person who moves',
    'destination-required': () => 'Enter the address moving to',
    'deceased-one': () => 'Choose exactly one deceased person',
    'new-head-required': () => 'Choose the new head of household',
    'newborn-required': () => 'Enter the newborn child\'s name, date of birth and sex',
    'previous-address-required': () => 'Enter the previous address',
    'head-one': () => 'Choose exactly one head of household',
    'honseki-required': () => 'Enter the registered domicile ("なし" if none, "不明" if unknown)',
    'relationship-required': (name: string) => `Enter the relationship of ${name}`,
    'kana-required': (name: string) => `Enter the reading of ${name} in katakana`,
    'nationality-required': (name: string) => `Enter the nationality or region of ${name} (from the residence card)`,
    'residence-card-no-invalid': (name: string) => `Enter the residence card number of ${name} (2 letters, 8 digits, 2 letters)`,
    'residence-status-required': (name: string) => `Enter the status of residence and end of the period of stay of ${name} (from the residence card)`,
    'bank-required': () => 'Enter the bank and branch for the child allowance',
    'account-number-invalid': () => 'Enter the account number as 7 digits',
    'daycare-start-required': () => 'Enter the wished daycare start date',
    'daycare-start-invalid': () => 'Enter the wished daycare start date as a date (e.g. 令和9年1月1日)',
    'daycare-preferences-required': () => 'Enter the wished facilities',
    'daycare-reason-required': () => 'Enter the reason care is needed',
    'insurer-required': () => 'Enter the child\'s health insurer',
    'phone-invalid': () => 'Enter a contact phone number (digits and hyphens)',
  },
};

/** The visit pages' dictionary of a language. */
export function counterVisitText(lang: Lang): CounterVisitDictionary {
  return lang === 'en' ? en : ja;
}

/** The text of a missing answer in the page's language (the interview's Japanese message when no translation). */
export function missingText(k: CounterVisitDictionary, m: { code: string; message: string; name?: string }): string {
  return k.missing[m.code]?.(m.name ?? '') ?? m.message;
}

// SPDX-License-Identifier: EUPL-1.2
/** Fixed text of the resident's procedure pages (電子申請・申請状況), Japanese first with English. */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  nav: { catalogue: '申請できる手続', status: '申請状況', label: '住民ポータル' },
  catalogue: { title: '申請できる手続', lead: 'パソコンやスマートフォンから申請できます。入力の途中で保存して、あとから続けることもできます。', fee: (yen: number) => (yen ? `手数料 ${yen.toLocaleString('ja-JP')}円` : '手数料なし'), open: '詳しく見る' },
  overview: {
    what: 'この手続について', fee: '手数料', who: '申請できる方', needs: '添付する書類', none: 'ありません', conditions: '対象となる方',
    start: '申請を始める', whoLabels: { self: '本人', household: '同一世帯の方', proxy: '代理人（委任状が必要）' } as Record<string, string>,
    required: '必須', requiredWhen: '該当する場合', types: 'PDF、JPEG又はPNG', maxMb: (mb: number) => `${mb}MBまで`,
    matched: 'ご本人の住民記録と照合できました。氏名・生年月日などは住民記録から入力済みの状態で始まります。内容を確認して進んでください。',
    notMatched: 'ログインした方の情報（氏名・生年月日・住所・性別）が住民記録の一人と一致しなかったため、入力済みにはできません。空欄から入力してください。市外の方や、最近引っ越した方はこうなることがあります。',
    unknownEligibility: '住民記録と照合できないため、対象となるかは申請後に職員が確認します。',
    unmet: 'この手続の対象となる条件を満たしていないため、オンラインでは申請できません。窓口にご相談ください。',
  },
  form: {
    step: (n: number, of: number) => `ステップ ${n} / ${of}`, next: '次へ進む', save: '一時保存して中断する', back: '前のページに戻る',
    errorTitle: '入力内容を確認してください', requiredMark: '（必須）', optional: '（任意）', choose: '選択してください', noneChosen: '選ばない',
    rank: (n: number) => `第${n}希望`, noMembers: '選べる方がいません（住民記録と照合できていないか、世帯にほかの方がいません）。',
    noFacilities: '現在、申込みを受け付けている募集がありません。', prefilled: '住民記録から入力済みです。違う場合は書き換えてください。',
    notPrefilled: '住民記録と照合できなかったため、空欄から入力してください。',
  },
  attachments: {
    title: '添付書類', lead: '書類をスマートフォンで撮影した画像（JPEG、PNG）又はPDFを添付してください。', file: 'ファイル', upload: '添付する', uploaded: '添付済み',
    remove: '取り消す', required: '必須', optional: '任意', whenProxy: '該当する場合に必須', next: '確認へ進む', size: (kb: number) => `${kb.toLocaleString('ja-JP')}KB`,
  },
  check: {
    title: '申請内容の確認', lead: '内容を確認して「申請する」を押してください。送信後は変更できません。', change: '変更する', fee: '手数料', attachments: '添付書類',
    none: '（なし）', submit: '申請する', incomplete: '入力が終わっていない項目があります', missing: (label: string) => `${label}を添付してください`,
    feeNote: (yen: number) => (yen ? `${yen.toLocaleString('ja-JP')}円（1通あたり）` : 'かかりません'),
  },
  status: {
    title: '申請状況', lead: 'これまでの申請と、入力途中の申請です。', none: '申請はまだありません。', drafts: '入力途中の申請', submitted: '送信した申請',
    resume: '続きを入力する', discard: '削除する', open: '詳しく見る', caseNo: '受付番号', received: '受付日', expected: '完了の見込み',
    expectedText: (target: string, legal: string) => `${target}ごろ（遅くとも${legal}まで）`, suspendedText: '補正への回答をいただいてから改めてお知らせします',
    savedAt: (when: string) => `最終保存 ${when}`, corrections: '補正のお願い', answer: '回答する', answerLabel: '回答の内容', answered: '回答済み',
    yourAnswer: 'あなたの回答', result: '結果', reasons: '理由', done: '申請を受け付けました。受付番号を控えておいてください。', saved: '入力内容を保存しました。「続きを入力する」から再開できます。',
    answeredDone: '補正への回答を送信しました。', discarded: '入力途中の申請を削除しました。',
    doneIntake: '申請を送信しました。受付番号は、受付の処理が済みしだいこのページに表示されます。', sentAt: (when: string) => `送信日時 ${when}`,
    byRule: '申請の内容が、住民記録などで確認できる条件をすべて満たしていたため、自動で審査を終えました。',
    daycareResult: '利用調整の結果', daycarePending: (round: string) => `申込みは「${round}」の利用調整に登録されています。結果は、選考結果が決定したあとにここでお知らせします。`,
    daycareEntered: '利用調整に登録しました。選考結果の決定をお待ちください',
    daycareAccepted: '申込みを受け付け、利用調整に登録しました', daycareScore: (n: number) => `お子さまの利用調整指数（市の基準表による点数）は${n}点です。`,
    daycareOffer: '内定', daycareHold: '保留', daycareStay: '在園継続', daycareRound: '募集', daycareDecidedOn: '決定日', daycareWhy: '理由',
    daycareNoticeOffer: (child: string, facility: string) => `${child}さん: 「${facility}」に入所が内定しました`, daycareNoticeHold: (child: string) => `${child}さん: 保留となりました`,
    words: {
      received: '受け付けました。これから審査します', 'in-review': '審査しています', 'awaiting-correction': '補正をお願いしています。内容を確認して回答してください',
      intake: '受付処理中です（送信は完了しています）', approved: '完了しました', rejected: '申請をお受けできませんでした', withdrawn: '取り下げられました', draft: '入力途中です（まだ送信していません）',
    } as Record<string, string>,
  },
  signIn: 'ログインが必要です',
};

export type ProceduresDictionary = typeof ja;

const en: ProceduresDictionary = {
  ...ja,
  nav: { catalogue: 'Procedures', status: 'My applications', label: 'Resident portal' },
  catalogue: { title: 'Procedures you can apply for', lead: 'Apply from your computer or phone. You can save and continue later.', fee: (yen: number) => (yen ? `Fee ${yen} yen` : 'No fee'), open: 'Details' },
  overview: {
    ...ja.overview, what: 'About this procedure', fee: 'Fee', who: 'Who may apply', needs: 'Documents to attach', none: 'None', conditions: 'Eligibility', start: 'Start the application',
    whoLabels: { self: 'The person concerned', household: 'A member of the same household', proxy: 'A representative (power of attorney)' }, required: 'Required', requiredWhen: 'When applicable',
    types: 'PDF, JPEG or PNG', maxMb: (mb: number) => `up to ${mb} MB`,
    matched: 'You were matched to your residence record: your name and date of birth are filled in. Please check them.',
    notMatched: 'Your sign-in details did not match exactly one person in the residence record, so the form starts empty.',
    unknownEligibility: 'Staff will check your eligibility after you apply.', unmet: 'You do not meet the conditions of this procedure online. Please ask at the counter.',
  },
  form: {
    ...ja.form, step: (n: number, of: number) => `Step ${n} of ${of}`, next: 'Continue', save: 'Save and finish later', back: 'Back', errorTitle: 'Please check your answers',
    requiredMark: ' (required)', optional: ' (optional)', choose: 'Choose', noneChosen: 'None', rank: (n: number) => `Choice ${n}`,
  },
  attachments: { ...ja.attachments, title: 'Attachments', file: 'File', upload: 'Attach', uploaded: 'Attached', remove: 'Remove', required: 'Required', optional: 'Optional', next: 'Continue to check' },
  check: { ...ja.check, title: 'Check your application', change: 'Change', fee: 'Fee', attachments: 'Attachments', submit: 'Apply', incomplete: 'Some answers are missing' },
  status: { ...ja.status, byRule: 'Your application met every condition that can be checked in the records, so it was reviewed automatically.',
    daycareResult: 'Result of the allocation', daycarePending: (round: string) => `Your application is registered in the round "${round}". The result is shown here once it is decided.`,
    daycareEntered: 'Registered in the allocation round; waiting for the result',
    daycareAccepted: 'Accepted and registered in the allocation round', daycareScore: (n: number) => `Your child's priority score (by the municipality's rule table) is ${n}.`, daycareOffer: 'Offered', daycareHold: 'On hold', daycareStay: 'Staying', daycareRound: 'Round',
    daycareDecidedOn: 'Decided on', daycareWhy: 'Reasons',
    daycareNoticeOffer: (child: string, facility: string) => `${child}: offered a place at "${facility}"`, daycareNoticeHold: (child: string) => `${child}: on hold`,
    doneIntake: 'Your application was sent. Its reference number appears on this page once it has been received.', sentAt: (when: string) => `Sent ${when}`,
    words: { ...ja.status.words, intake: 'Being received (your application was sent)', received: 'Received; it will now be reviewed', 'in-review': 'Being reviewed',
      'awaiting-correction': 'A correction is requested: please check and answer', approved: 'Completed', rejected: 'Not accepted', withdrawn: 'Withdrawn', draft: 'Draft (not sent yet)' },
    title: 'My applications', drafts: 'Drafts', submitted: 'Submitted', resume: 'Continue', discard: 'Delete', open: 'Details', caseNo: 'Reference', received: 'Received', expected: 'Expected completion' },
};

/** The dictionary of the language. */
export function proceduresText(lang: Lang): ProceduresDictionary {
  return lang === 'en' ? en : ja;
}

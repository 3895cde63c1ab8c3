// SPDX-License-Identifier: EUPL-1.2
/** UI text of the daycare office's pages (保育所等利用調整), Japanese first with English. */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  title: '保育所等利用調整',
  lead: '入所選考の回ごとに、施設の募集人数と申込を登録し、選考を実行して結果を説明・公表します。',
  rounds: '利用調整の回',
  noRounds: 'まだ回がありません。下のフォームで作成するか、デモ用の回を生成してください。',
  roundId: '回の番号', roundName: '名称', kind: '区分', referenceDate: '基準日', status: '状態', facilities: '施設数', children: '申込児童数',
  kinds: { primary: '一次', secondary: '二次' } as Record<string, string>,
  statuses: { open: '受付中', allocated: '選考済み', confirmed: '決定済み' } as Record<string, string>,
  create: '回を作成する', createLead: '一次利用調整の回を作成します。二次利用調整は、決定済みの一次の回の画面から作成します。',
  ruleTable: '利用調整基準表', ruleTableNone: 'なし（指数を直接入力する）',
  roundIdHint: '半角英数字と「-」「.」「_」（例: 2027-04-R1）',
  generate: 'デモ用の回を生成する', generateLead: '合成データ（個人情報を含みません）で、市全体規模の回を生成します。',
  preset: '規模', presets: { town: '町（300人・20施設）', 'paper-s': '605人・33施設', 'paper-l': '1,600人・86施設', city: '市（3,000人・100施設）' } as Record<string, string>,
  seed: '乱数の種',
  tabs: { overview: '概要・選考', facilities: '施設・募集人数', applications: '申込', cutoffs: '最低指数', whatIf: 'シミュレーション', comparison: '照合' },
  roundMenu: 'この回のメニュー',
  run: '選考を実行する', rerun: '選考を再実行する',
  runLead: '登録された施設と申込で選考を行い、結果を検証して保存します。同じデータからは常に同じ結果になります。',
  ran: (n: number, ms: number) => `選考を実行しました（申込児童 ${n.toLocaleString('ja-JP')}人、${(ms / 1000).toFixed(1)}秒）。データの検証 → 選考 → 結果の検証 → 保存 が完了しました。`,
  confirmed: 'この回の結果を決定しました。内定は確定し、この回のデータは変更できません。',
  confirm: '結果を決定する', confirmLead: '決定すると内定が確定し、この回の施設・申込・結果は変更できなくなります。二次利用調整はこの後に作成できます。',
  secondary: '二次利用調整の回を作成する', secondaryLead: 'この回の内定は確定したまま、残った募集枠と内定しなかった申込から二次の回を作ります。',
  outdated: '選考後に施設または申込が変更されています。選考を再実行してください。',
  noResult: 'まだ選考を実行していません。',
  summary: '選考結果', applicants: '申込児童', offers: '内定', holds: '保留', stays: '在園継続（転園不可）', firstChoice: '第1希望の内定', posted: '募集人数',
  firstChoiceRate: '第1希望内定率', offerRate: '内定率', byAge: '年齢クラス別', ageClass: (a: number) => `${a}歳児`,
  verification: '結果の検証', verified: '定員超過・転園児の不利益・正当な優先の逆転（ブロッキング）はありません。',
  unstable: (n: number) => `正当な優先の逆転が ${n} 件残っています（担当者の確認が必要です）。`,
  sameAsPrevious: '前回の実行と同じ結果です。', differsFromPrevious: '前回の実行とは結果が異なります。',
  audit: '監査記録', runAt: '選考の実行', confirmedAt: '結果の決定',
  auditLead: '選考データと結果は改ざんを検知できる形で記録され、同じデータから同じ結果を再現できます（書き出したファイルで確認できます）。',
  downloads: '書き出し（入出力形式 v1）', downloadRequest: '選考データ（request.json）', downloadResult: '選考結果（result.json）',
  facilityId: '施設番号', facilityName: '施設名', seats: '募集人数', saveFacility: '施設を登録・変更する', facilityLead: '施設番号が既にあれば名称と募集人数を変更し、なければ追加します。',
  saved: '保存しました。', frozen: '決定済みの回は変更できません。',
  childId: '児童番号', householdId: '世帯番号', childName: '児童氏名', score: '指数', preferences: '希望施設', outcome: '結果', current: '在園施設',
  search: '検索', searchLabel: '児童番号・世帯番号（前方一致）', all: 'すべて', filter: '絞り込む',
  results: (n: number) => `${n.toLocaleString('ja-JP')}件`, prev: '前へ', next: '次へ',
  outcomes: { OFFER: '内定', HOLD: '保留', STAY: '在園継続' } as Record<string, string>,
  rank: (r: number) => `第${r}希望`,
  enter: '申込を1件登録する',
  importCsv: 'CSVで申込を取り込む', importLead: '1行に児童1人。1行でも誤りがあれば何も登録せず、誤りのある行と列を一覧にします。文字コードは UTF-8 にしてください。',
  csvFile: 'CSVファイル', dryRun: '検証のみ（登録しない）', importButton: '取り込む',
  imported: (n: number) => `${n}人の申込を取り込みました。`, validated: (n: number) => `${n}人分の申込に誤りはありません（登録はしていません）。`,
  csvErrors: (n: number) => `CSVに ${n} 件の誤りがあるため、何も登録しませんでした。`, row: '行', column: '列', message: '内容',
  csvColumns: '使える列',
  application: '申込の詳細', breakdown: '指数の内訳', breakdownNone: 'この申込の指数は直接入力されたため、内訳はありません。', entered: '入力された指数',
  facilityBonus: (f: string) => `（${f} のみ）`, tieBreak: '同点時の優先順位に使う値', siblings: 'きょうだい', carried: (r: string) => `${r} から引き継ぎ`,
  explanation: '選考結果の説明', explain: '説明を見る', notice: (s: string): string => (s === 'OFFER' ? '内定通知書（PDF）' : s === 'HOLD' ? '保留通知書（PDF）' : '通知書（PDF）'),
  script: '保護者への説明（読み上げ用）', scriptLead: 'お電話で、この順にお伝えください。他のお子さまの個人情報は含みません。',
  notPublished: '非公表（内定1人）',
  noticeAfterDecision: '通知書は、この回の結果を決定した後に発行できます。',
  perPreference: '希望ごとの状況', own: 'お子さまの指数', lowest: '内定した方の最低指数', reason: '理由',
  reasons: { CUTOFF_HIGHER: '優先順位が上の方で募集枠が埋まった', NO_SEATS_IN_CLASS: 'この年齢クラスの募集枠なし', JOINT_CONDITION: 'きょうだいの希望条件を満たせない', ASSIGNED_HIGHER_CHOICE: '上位の希望に内定', UNRESOLVED_BLOCKING: '要確認' } as Record<string, string>,
  cutoffs: '最低指数（公表用）', cutoffsLead: '施設・年齢クラスごとの募集人数、申込者数、内定者数と、内定した方の最低指数です。内定が1人のクラスは、その方の指数が分かるため公表しません。',
  downloadCsv: 'CSVでダウンロード', downloadJson: 'JSONでダウンロード', facilityFilter: '施設で絞り込む', noOffer: '—',
  whatIf: 'シミュレーション（もしも）', whatIfLead: '変更を1つだけ加えて選考をやり直し、結果が変わる児童を示します。保存はしません。',
  changeKind: '変更の種類', changeChild: '児童1人の指数・希望を変える', changeFacility: '施設1つの募集人数を変える', changeRule: '基準表の加点項目1つの点数を変える', changeReuse: '転園で空いた枠の再利用を切り替える',
  newScore: '新しい指数', newPreferences: '新しい希望施設（空白区切り、空欄なら変更なし）', newSeats: '新しい募集人数（0〜5歳児、空白区切り）', adjustment: '加点項目', points: '新しい点数', reuse: '空いた枠を同じ回で再利用する',
  simulate: 'シミュレーションする', moves: '結果が変わる児童', noMoves: '結果が変わる児童はいません。', before: '変更前', after: '変更後',
  directions: { placed: '保留→内定', lost: '内定→保留', moved: '内定先が変わる', changed: '変更' } as Record<string, string>,
  changedInput: '変更した本人', net: '内定数の変化',
  comparison: '参照結果との照合', comparisonLead: '職員による選考結果や他のシステムの結果と比べ、一致率と相違を示します。result.json（入出力形式 v1）または「児童番号,結果,施設」のCSVを指定してください。',
  referenceFile: '参照する結果のファイル', compare: '照合する', compareNaive: '簡易方式（きょうだい条件を後回しにする方式）と比べる',
  agreement: '一致率', same: '一致', differences: '相違', missing: '参照にない児童', unknown: '申込にない児童', ours: 'この結果', reference: '参照',
  checkStatuses: { STABLE: '問題なし', UNSTABLE: '正当な優先の逆転あり', INVALID: '違反あり' } as Record<string, string>,
  referenceCheck: '参照結果の検証', reasonAtReference: '参照の施設に入れなかった理由',
  back: '回の一覧へ', backRound: 'この回の概要へ',
  invalidForm: '入力内容に誤りがあります。',
  changes: '申込の修正・取下げ・辞退', correct: '修正', correctTitle: '申込の修正', saveCorrection: '修正を保存する',
  correctLead: '保存すると、この児童の申込が入力した内容に置き換わります。選考済みの場合は再実行が必要になります。',
  withdraw: '取下げ', withdrawTitle: '申込の取下げ', withdrawConfirm: '取下げる',
  withdrawLead: '取下げた申込は記録として残りますが、選考・書き出し・最低指数・集計には含まれません。決定後は取り下げられません。元に戻すことはできません。',
  decline: '辞退を記録', declineTitle: '内定の辞退の記録', declineConfirm: '辞退を記録する',
  declineLead: 'この回の内定の辞退を記録します。この後に作成する二次利用調整の回では、この席が空きとして戻り、この児童は引き継がれません（再度の申込が必要です）。',
  cancel: '戻る', corrected: '申込を修正しました。', withdrawnDone: '申込を取り下げました。', declinedDone: '辞退を記録しました。',
  withdrawnAt: (at: string) => `取下げ済み（${at}）`, declinedAt: (at: string) => `内定辞退（${at}）`, withdrawnMark: '取下げ',
};

/** The shape of the daycare dictionary. */
export type DaycareDictionary = typeof ja;

const en: DaycareDictionary = {
  ...ja,
  title: 'Daycare allocation',
  lead: 'For each allocation round, register facilities with their places and the applications, run the allocation, then explain and publish the results.',
  rounds: 'Allocation rounds', noRounds: 'No rounds yet. Create one below or generate a demo round.',
  roundId: 'Round id', roundName: 'Name', kind: 'Kind', referenceDate: 'Reference date', status: 'Status', facilities: 'Facilities', children: 'Children',
  kinds: { primary: 'First round', secondary: 'Second round' },
  statuses: { open: 'Open', allocated: 'Allocated', confirmed: 'Confirmed' },
  create: 'Create round', createLead: 'Creates a first round. A second round is created from a confirmed first round.',
  ruleTable: 'Rule table', ruleTableNone: 'None (scores entered directly)', roundIdHint: 'Letters, digits, "-", "." and "_" (e.g. 2027-04-R1)',
  generate: 'Generate a demo round', generateLead: 'Synthetic data (no personal data) at the scale of a whole city.',
  preset: 'Scale', presets: { town: 'Town (300 / 20)', 'paper-s': '605 / 33', 'paper-l': '1,600 / 86', city: 'City (3,000 / 100)' }, seed: 'Seed',
  tabs: { overview: 'Overview & run', facilities: 'Facilities & places', applications: 'Applications', cutoffs: 'Cut-offs', whatIf: 'What-if', comparison: 'Comparison' },
  roundMenu: 'Round menu', run: 'Run allocation', rerun: 'Run again',
  runLead: 'Allocates with the registered facilities and applications, verifies and stores the result. The same data always gives the same result.',
  ran: (n: number, ms: number) => `Allocation done (${n.toLocaleString('en')} children, ${(ms / 1000).toFixed(1)} s): validated → allocated → verified → stored.`,
  confirmed: 'The result is confirmed: offers are final and the round is frozen.',
  confirm: 'Confirm the result', confirmLead: 'Confirming makes offers final and freezes the round. A second round can then be created.',
  secondary: 'Create the second round', secondaryLead: 'Keeps this round\'s offers and starts a second round with the places left and the children without an offer.',
  outdated: 'Facilities or applications changed after the run. Run the allocation again.', noResult: 'The allocation has not been run yet.',
  summary: 'Result', applicants: 'Applicants', offers: 'Offers', holds: 'On hold', stays: 'Stay (transfer not met)', firstChoice: 'First-choice offers', posted: 'Places',
  firstChoiceRate: 'First-choice rate', offerRate: 'Offer rate', byAge: 'By age class', ageClass: (a: number) => `Age ${a}`,
  verification: 'Verification', verified: 'No over-capacity, no transfer child worse off, no justified-envy (blocking) coalition.',
  unstable: (n: number) => `${n} blocking coalition(s) remain (needs a check by staff).`,
  sameAsPrevious: ' The result is the same as the previous run.', differsFromPrevious: ' The result differs from the previous run.',
  audit: 'Audit record', runAt: 'Allocation run', confirmedAt: 'Result decided',
  auditLead: 'The data and the result are recorded so that any change can be detected, and the same data reproduces the same result (see the downloads).',
  downloads: 'Exports (exchange format v1)', downloadRequest: 'Request (request.json)', downloadResult: 'Result (result.json)',
  facilityId: 'Facility id', facilityName: 'Facility name', seats: 'Places', saveFacility: 'Add or change facility', facilityLead: 'Changes the facility if the id exists, otherwise adds it.',
  saved: 'Saved.', frozen: 'A confirmed round cannot be changed.',
  childId: 'Child id', householdId: 'Household id', childName: 'Child name', score: 'Score', preferences: 'Preferences', outcome: 'Outcome', current: 'Current facility',
  search: 'Search', searchLabel: 'Child or household id (prefix)', all: 'All', filter: 'Filter',
  results: (n: number) => `${n.toLocaleString('en')} results`, prev: 'Previous', next: 'Next',
  outcomes: { OFFER: 'Offer', HOLD: 'On hold', STAY: 'Stay' }, rank: (r: number) => `Choice ${r}`,
  enter: 'Enter one application',
  importCsv: 'Import applications from CSV', importLead: 'One child per line. If any line has a problem nothing is stored and every problem is listed. Use UTF-8.',
  csvFile: 'CSV file', dryRun: 'Validate only (store nothing)', importButton: 'Import',
  imported: (n: number) => `Imported ${n} applications.`, validated: (n: number) => `${n} applications are valid (nothing stored).`,
  csvErrors: (n: number) => `The CSV has ${n} problem(s); nothing was stored.`, row: 'Line', column: 'Column', message: 'Problem', csvColumns: 'Columns',
  application: 'Application', breakdown: 'Score breakdown', breakdownNone: 'The score was entered directly; there is no breakdown.', entered: 'Entered score',
  facilityBonus: (f: string) => ` (at ${f} only)`, tieBreak: 'Tie-break values', siblings: 'Siblings', carried: (r: string) => `carried over from ${r}`,
  explanation: 'Explanation of the result', explain: 'Explain', notice: (s: string) => (s === 'OFFER' ? 'Offer notice (PDF)' : s === 'HOLD' ? 'Hold notice (PDF)' : 'Notice (PDF)'),
  script: 'What to tell the parent', scriptLead: 'Read it in this order. It contains no other child\'s personal data.',
  notPublished: 'Not published (one offer)',
  noticeAfterDecision: 'Notices can be issued once the result of this round is decided.',
  perPreference: 'Per preference', own: 'Your child\'s score', lowest: 'Lowest admitted score', reason: 'Reason',
  reasons: { CUTOFF_HIGHER: 'Places filled by higher-ranked children', NO_SEATS_IN_CLASS: 'No places in this age class', JOINT_CONDITION: 'Sibling condition could not be met', ASSIGNED_HIGHER_CHOICE: 'Higher choice offered', UNRESOLVED_BLOCKING: 'Needs a check' },
  cutoffs: 'Cut-off table (for publication)', cutoffsLead: 'Places, applicants, offers and the lowest admitted score per facility and age class. A class with a single offer is not published, as it would show that child\'s score.',
  downloadCsv: 'Download CSV', downloadJson: 'Download JSON', facilityFilter: 'Filter by facility', noOffer: '—',
  whatIf: 'What-if', whatIfLead: 'Runs the allocation again with exactly one change and lists the children whose outcome changes. Nothing is stored.',
  changeKind: 'Change', changeChild: 'One child\'s score or preferences', changeFacility: 'One facility\'s places', changeRule: 'One adjustment\'s points in the rule table', changeReuse: 'Reuse of places vacated by transfers',
  newScore: 'New score', newPreferences: 'New preferences (space separated; empty = unchanged)', newSeats: 'New places (ages 0–5, space separated)', adjustment: 'Adjustment', points: 'New points', reuse: 'Reuse vacated places in the same round',
  simulate: 'Simulate', moves: 'Children whose outcome changes', noMoves: 'No child\'s outcome changes.', before: 'Before', after: 'After',
  directions: { placed: 'hold → offer', lost: 'offer → hold', moved: 'other facility', changed: 'changed' }, changedInput: 'changed child', net: 'Change in offers',
  comparison: 'Comparison with a reference', comparisonLead: 'Compares with staff\'s result or another system\'s: agreement rate and differences. Upload a result.json (format v1) or a CSV "childId,status,facilityId".',
  referenceFile: 'Reference result file', compare: 'Compare', compareNaive: 'Compare with the simple method (siblings last)',
  agreement: 'Agreement', same: 'Same', differences: 'Differences', missing: 'Not in the reference', unknown: 'Not in the applications', ours: 'This result', reference: 'Reference',
  checkStatuses: { STABLE: 'no problem found', UNSTABLE: 'justified envy remains', INVALID: 'violations found' },
  referenceCheck: 'Verification of the reference', reasonAtReference: 'Why not the reference facility',
  back: 'All rounds', backRound: 'Round overview', invalidForm: 'Please correct the form.',
  changes: 'Correct, withdraw or decline', correct: 'Correct', correctTitle: 'Correct the application', saveCorrection: 'Save the correction',
  correctLead: 'Saving replaces this child\'s application with what is entered. A result already run must be run again.',
  withdraw: 'Withdraw', withdrawTitle: 'Withdraw the application', withdrawConfirm: 'Withdraw',
  withdrawLead: 'A withdrawn application is kept for the record but left out of runs, exports, cut-offs and summaries. Not possible after confirmation. This cannot be undone.',
  decline: 'Record a decline', declineTitle: 'Record that the offer is declined', declineConfirm: 'Record the decline',
  declineLead: 'Records that the family declines this round\'s offer. A secondary round created afterwards gets the place back, and this child is not carried over (a new application is needed).',
  cancel: 'Back', corrected: 'The application was corrected.', withdrawnDone: 'The application was withdrawn.', declinedDone: 'The decline was recorded.',
  withdrawnAt: (at: string) => `Withdrawn (${at})`, declinedAt: (at: string) => `Offer declined (${at})`, withdrawnMark: 'Withdrawn',
};

/** The daycare dictionary of a language. */
export function daycareText(lang: Lang): DaycareDictionary {
  return lang === 'en' ? en : ja;
}

const FIELD_LABELS: Record<Lang, Record<string, string>> = {
  ja: {
    householdId: '世帯番号', guardianName: '保護者氏名', childId: '児童番号', childName: '児童氏名', ageClass: '年齢クラス', currentFacilityId: '在園施設',
    preferences: '希望施設', score: '指数', tieBreak: '同点時の優先順位に使う値', parents: '保護者の事由', need: '保護者の事由', weeklyHours: '週あたり就労時間',
    waitingMonths: '待機月数', flags: '加点事由', facts: '保育の必要性', seats: '募集人数', name: '名称', facilityId: '施設番号', children: '児童', households: '世帯',
    roundId: '回の番号', referenceDate: '基準日', csv: 'CSVファイル',
  },
  en: {
    householdId: 'household id', guardianName: 'guardian name', childId: 'child id', childName: 'child name', ageClass: 'age class', currentFacilityId: 'current facility',
    preferences: 'preferences', score: 'score', tieBreak: 'tie-break values', parents: 'need for care', need: 'need for care', weeklyHours: 'weekly hours',
    waitingMonths: 'months waiting', flags: 'adjustments', facts: 'need for care', seats: 'places', name: 'name', facilityId: 'facility id', children: 'children', households: 'households',
    roundId: 'round id', referenceDate: 'reference date', csv: 'CSV file',
  },
};

/**
 * The field a validation path or JSON pointer is about, in words (issue #9: no internal paths such as
 * `children.0.score` or `/households/0/children/0/score` on screen): 「指数」, 「第2希望」.
 */
export function daycareFieldLabel(path: string | Array<string | number | symbol>, lang: Lang): string {
  const parts = (Array.isArray(path) ? path.map(String) : path.split(/[/.]/)).filter(Boolean);
  const labels = FIELD_LABELS[lang];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (/^\d+$/.test(part)) {
      if (parts[i - 1] === 'preferences') return lang === 'ja' ? `第${Number(part) + 1}希望` : `preference ${Number(part) + 1}`;
      continue;
    }
    return labels[part] ?? (lang === 'ja' ? '入力内容' : 'input');
  }
  return lang === 'ja' ? '入力内容' : 'input';
}

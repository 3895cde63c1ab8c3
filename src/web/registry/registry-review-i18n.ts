// SPDX-License-Identifier: EUPL-1.2
/** Words of the approval step (issue #9): the work queue, the change detail, 本登録 confirmation, 差戻し, 再提出. */
import type { Lang } from '../ui/i18n.ts';
import { mergeDictionary } from './registry-i18n.ts';

const ja = {
  queue: {
    title: '仮登録一覧', mineTitle: '自分の入力',
    lead: '審査中の異動です。本登録されるまで、検索・証明書・統計には反映されません。詳細を開いて変更前後を確認し、本登録又は差戻しをしてください。',
    mineLead: 'あなたが入力した異動のうち、審査中（仮登録）と差戻し中のものです。差戻し中の異動は理由を確認し、再提出するか取り下げて入力し直してください。',
    approverOnly: '本登録は決裁者が行います。',
    none: '該当する異動はありません。', filters: '絞り込み', kind: '異動の種類', anyKind: 'すべての種類', operator: '入力者', anyOperator: 'すべての入力者',
    mine: '自分の入力のみ', status: '状態', statuses: { open: '仮登録と差戻し中', provisional: '仮登録（審査待ち）', returned: '差戻し中' } as Record<string, string>, apply: '絞り込む',
    columns: { receipt: '受付番号', kind: '異動の種類', persons: '対象者', operator: '入力者', enteredAt: '入力日時', occurredOn: '異動日', status: '状態', alerts: 'アラート' },
    select: '選択', selectRow: (label: string) => `${label}を選択`, approveSelected: '選択した異動の本登録へ進む', count: (n: number) => `${n}件`,
    open: (label: string) => `${label}の詳細`,
    batchDone: (n: number, skipped: number) => `住所一括変更で${n}世帯を仮登録しました。${skipped > 0 ? `${skipped}世帯は試行の後に変更された等のため除外しました。試行をやり直して確認してください。` : ''}下の一覧の異動を決裁者が本登録します。`,
  },
  status: { provisional: '仮登録（審査待ち）', returned: '差戻し中', final: '本登録済み', withdrawn: '取下げ済み' } as Record<string, string>,
  forms: {
    heading: '帳票の印刷', lead: '開くと印刷として記録されます（2回目からは再印刷と表示されます）。通知書は本登録の後に印刷できます。',
    printed: (n: number) => `印刷済み ${n}回`, notPrinted: '未印刷',
  },
  detail: {
    title: (receipt: string) => `異動の詳細（受付番号 ${receipt}）`, titleNoReceipt: '異動の詳細', facts: '異動の内容',
    receipt: '受付番号', kind: '異動の種類', reason: '異動事由', status: '状態', operator: '入力者', enteredAt: '入力日時', occurredOn: '異動日', notifiedOn: '届出日',
    notifier: '届出人', exOfficio: '職権', yes: 'はい', decidedBy: '決裁者', decidedAt: '決裁日時', note: '備考',
    persons: '対象者と変更内容', item: '項目', before: '変更前', after: '変更後', newPerson: '新しく記載する住民', noChange: '記載事項の変更はありません（世帯の変更のみ）',
    personLink: (name: string) => `${name}さんの個人票`, householdLink: (no: string) => `世帯票（世帯番号 ${no}）`,
    notYet: '本登録後に個人票が作成されます。それまでは検索・証明書に表示されません。',
    alerts: 'アラート（確認事項）', returned: '差戻しの理由', returnedBy: (name: string, at: string) => `${name}が${at}に差し戻しました。`,
    recorded: (receipt: string) => `仮登録しました（受付番号 ${receipt}）。決裁者の本登録を待っています。`,
    done: { approved: '本登録しました。', returned: '差し戻しました。入力者の「自分の入力」に理由とともに表示されます。', resubmitted: '再提出しました。決裁者の審査を待っています。', withdrawn: '取り下げました。' } as Record<string, string>,
    actions: '操作', toApprove: '本登録へ進む', returnHeading: '差戻し', returnReason: '差戻しの理由', returnHint: '入力者に表示されます。何を確認・修正すべきかを具体的に書いてください（1,000字以内）。',
    returnSubmit: '差し戻す', resubmit: '再提出する', resubmitLead: '理由を確認して問題がなければ再提出してください。内容を直す場合は取り下げて入力し直してください。',
    withdraw: '取り下げる', withdrawAndReenter: '取り下げて入力し直す', ownChange: '自分が入力した異動は本登録・差戻しできません（他の職員が審査します）。',
    toQueue: '仮登録一覧へ', toMine: '自分の入力へ', toSearch: '住民検索へ',
  },
  confirm: {
    title: '本登録の確認', lead: '次の異動を本登録します。本登録すると検索・証明書・統計に反映されます。よろしければ「本登録する」を押してください。',
    bulkLead: (n: number) => `次の${n}件の異動を本登録します。`, submit: '本登録する', back: '戻る', none: '本登録する異動を選択してください',
  },
  staff: { unknown: '（職員）', system: 'システム' },
  household: { pending: 'この世帯には仮登録中の異動があります', pendingLink: (receipt: string) => `異動の詳細を見る（受付番号 ${receipt}）`, pendingLinkNoReceipt: '異動の詳細を見る' },
  items: {
    name: '氏名', nameKana: '氏名の読み', romanName: 'アルファベット氏名', birthDate: '生年月日', sex: '性別', relationship: '続柄', householdNo: '世帯番号', address: '住所',
    addressPostalCode: '住所の郵便番号', previousAddressPostalCode: '従前の住所の郵便番号', honsekiPostalCode: '本籍の郵便番号', destinationPostalCode: '転出先の郵便番号',
    addressFixedOn: '住所を定めた年月日', becameResidentOn: '住民となった年月日', previousAddress: '従前の住所', honseki: '本籍', hittosha: '筆頭者', oldSurname: '旧氏', alias: '通称',
    nationality: '国籍・地域', foreignCategory: '第30条の45区分', residenceStatus: '在留資格', residencePeriod: '在留期間', residenceExpiry: '在留期間の満了の日',
    landingPeriodEnd: '上陸期間（末日）', provisionalStayEnd: '仮滞在期間（末日）', transitionalCause: '経過滞在の事由', alienRegistrationDate: '旧外国人登録法による登録年月日',
    residenceNotified: '住居地の届出の有無', landingPermitMoveIn: '上陸許可証による転入',
    removedOn: '消除の日', removalReason: '消除事由', destination: '転出先', moveInNotice: '転入通知', deFactoHead: '事実上の世帯主',
  } as Record<string, string>,
};

export type ReviewDictionary = typeof ja;

const en = {
  queue: {
    title: 'Provisional changes', mineTitle: 'My entries', approverOnly: 'Approval is done by an approver.', none: 'No changes match.', filters: 'Filters',
    kind: 'Kind of change', anyKind: 'All kinds', operator: 'Entered by', anyOperator: 'Anyone', mine: 'Only my entries', status: 'Status',
    statuses: { open: 'Provisional and returned', provisional: 'Provisional (awaiting review)', returned: 'Returned' }, apply: 'Filter',
    columns: { receipt: 'Receipt no.', kind: 'Kind', persons: 'Persons', operator: 'Entered by', enteredAt: 'Entered at', occurredOn: 'Date of change', status: 'Status', alerts: 'Alerts' },
    select: 'Select', selectRow: (label: string) => `Select ${label}`, approveSelected: 'Approve the selected changes…', count: (n: number) => `${n}`,
    open: (label: string) => `Details of ${label}`,
  },
  status: { provisional: 'Provisional (awaiting review)', returned: 'Returned', final: 'Approved', withdrawn: 'Withdrawn' },
  forms: {
    heading: 'Forms', lead: 'Opening a form records a print (from the second on it is marked as a reprint). Notices can be printed after approval.',
    printed: (n: number) => `printed ${n}×`, notPrinted: 'not printed',
  },
  detail: {
    title: (receipt: string) => `Change ${receipt}`, titleNoReceipt: 'Change', facts: 'The change', persons: 'Persons and what changes', item: 'Item', before: 'Before', after: 'After',
    actions: 'Actions', toApprove: 'Approve…', returnHeading: 'Return', returnReason: 'Reason for returning', returnSubmit: 'Return to the clerk', resubmit: 'Resubmit',
    withdraw: 'Withdraw', withdrawAndReenter: 'Withdraw and enter again', toQueue: 'Provisional changes', toMine: 'My entries', toSearch: 'Resident search',
  },
  confirm: { title: 'Confirm approval', submit: 'Approve', back: 'Back' },
};

const english = mergeDictionary(ja, en as never);

/** The approval-step dictionary of a language (English falls back to Japanese). */
export function reviewText(lang: Lang): ReviewDictionary {
  return lang === 'en' ? english : ja;
}

// SPDX-License-Identifier: EUPL-1.2
/**
 * Fixed UI text of the case pages (案件), Japanese first with English. Stored data (names, addresses, the review's
 * Japanese explanations, reasons) is never translated.
 */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  title: '案件',
  queueTitle: '案件一覧',
  views: { all: '処理中のすべて', mine: '自分の担当', unassigned: '担当者なし', 'due-soon': '期限間近', overdue: '期限超過', closed: '完了' } as Record<string, string>,
  filters: { label: '絞り込み', view: '一覧', type: '手続', status: '状態', assignee: '担当者', dueBefore: 'この日までに法定期限', any: 'すべて', submit: '表示' },
  columns: { caseNo: '受付番号', type: '手続', applicant: '届出人・申請者', received: '受付日', due: '法定期限', status: '状態', review: '自動審査', assignee: '担当' },
  none: '該当する案件はありません。',
  count: (n: number) => `${n}件`,
  bulk: {
    label: '選択した案件の一括操作', select: (caseNo: string) => `${caseNo}を選択`, selectColumn: '選択',
    assign: '選択した案件を自分の担当にする', approve: '選択した案件を承認する',
    approveHint: '一括で承認できるのは、自動審査のすべての項目に適合した案件だけです。問題が見つかった案件は、案件を開いて確認してください。',
    none: '案件を選んでください。',
    assigned: (n: number) => `${n}件を自分の担当にしました。`,
    approved: (n: number, already: number) => `${n}件を承認しました。${already > 0 ? `${already}件は既に完了していました。` : ''}`,
    skipped: (nos: string) => `承認しなかった案件（自動審査で問題が見つかった、又は決定する役割がない）: ${nos}`,
  },
  deadline: { 'no-deadline': '—', suspended: '停止中（補正待ち）', 'on-track': '期限内', 'due-soon': '期限間近', overdue: '期限超過' } as Record<string, string>,
  review: { clean: '適合', 'needs-person': '要確認', pending: '審査待ち', failed: (n: number) => `不適合 ${n}件` },
  channel: { online: 'オンライン', counter: '窓口', post: '郵送' } as Record<string, string>,
  result: { approved: '承認（受理）', rejected: '却下（不受理）', withdrawn: '取下げ' } as Record<string, string>,
  page: {
    summary: '概要', received: '受付日', channel: '受付方法', legalDue: '法定処理期限', targetDue: '目標処理期限', status: '状態', assignee: '担当者', queue: '担当窓口',
    unassigned: '未割当', applicant: '届出人・申請者', subjects: '対象者', data: '届出・申請の内容', checks: '自動審査の結果', checkColumns: { item: '確認項目', result: '結果', explanation: '説明' },
    passed: '適合', failed: '不適合', noReview: '自動審査はまだ行われていません。', reviewedAt: (when: string) => `審査日時: ${when}`,
    history: '経過', historyColumns: { when: '日時', status: '状態', who: '担当', reason: '理由' },
    notes: '内部メモ', noNotes: 'メモはありません。', corrections: '補正', noCorrections: '補正の依頼はありません。', answered: '回答', unanswered: '回答待ち',
    decision: '決定', effectRegistry: '住民記録に仮登録しました（本登録は住民記録の仮登録一覧で行います）。', effectCertificate: '交付の準備ができました。', effectRegistryFinal: '住民記録に本登録しました（自動審査の全項目に適合したため規則により本登録）。',
    effectCertificateIssued: (no: number, post: boolean) => `証明書を交付しました（通番 ${no}）。${post ? '郵送待ちに入っています。' : ''}`, certificateLink: '交付記録を開く', postalLink: '郵送待ち一覧を開く',
    effectDaycare: '保育課の利用調整に回付しました。', effectDaycareEntered: (round: string, facilities: string) => `利用調整「${round}」に申込を登録しました（希望施設: ${facilities}）。`, daycareLink: '利用調整を開く', provisionalLink: '仮登録一覧を開く',
    who: { system: '自動審査', applicant: '申請者' } as Record<string, string>,
    suspensions: '停止期間', birthDate: '生年月日', name: '氏名',
  },
  actions: {
    heading: '操作', assignMe: '自分が担当する', release: '担当を外す', correction: '補正を依頼する', correctionMessage: '申請者への補正依頼の内容',
    approve: '承認する', reject: '却下する', reasons: '理由（却下の場合は必須、申請者に通知されます）', note: 'メモを追加する', noteBody: 'メモ（申請者には表示されません）',
    rerun: '自動審査をやり直す',
  },
  done: {
    assigned: '担当を変更しました。', corrected: '補正を依頼しました。処理期間は停止しています。', approved: '承認しました。', rejected: '却下しました。',
    noted: 'メモを追加しました。', reviewed: '自動審査をやり直しました。',
  } as Record<string, string>,
  failed: '操作できませんでした',
  dataLabels: {
    movedOn: '異動日', newAddress: '新しい住所', currentAddress: '届け出た現住所', movingOn: '転出（予定）日', destination: '転出先', abroad: '国外転出',
    scope: '範囲', copies: '通数', purpose: '利用目的', delivery: '受取方法', desiredStart: '利用開始希望日', preferences: '希望施設', needReason: '保育を必要とする事由',
  } as Record<string, string>,
  values: { self: '本人', household: '世帯全員', counter: '窓口', post: '郵送', true: 'はい', false: 'いいえ' } as Record<string, string>,
};

export type CasesDictionary = typeof ja;

const en: CasesDictionary = {
  ...ja,
  title: 'Cases',
  queueTitle: 'Case queue',
  views: { all: 'All open', mine: 'Assigned to me', unassigned: 'Unassigned', 'due-soon': 'Due soon', overdue: 'Overdue', closed: 'Closed' },
  filters: { label: 'Filter', view: 'List', type: 'Procedure', status: 'Status', assignee: 'Assignee', dueBefore: 'Legal deadline on or before', any: 'Any', submit: 'Show' },
  columns: { caseNo: 'Case number', type: 'Procedure', applicant: 'Applicant', received: 'Received', due: 'Legal deadline', status: 'Status', review: 'Automatic review', assignee: 'Assignee' },
  none: 'No cases match.',
  count: (n: number) => `${n} cases`,
  bulk: {
    label: 'Action on the selected cases', select: (caseNo: string) => `Select ${caseNo}`, selectColumn: 'Select',
    assign: 'Assign the selected cases to me', approve: 'Approve the selected cases',
    approveHint: 'Only cases that passed every check of the automatic review can be approved together. Open the others to look at them.',
    none: 'Select at least one case.',
    assigned: (n: number) => `${n} cases assigned to you.`,
    approved: (n: number, already: number) => `${n} cases approved.${already > 0 ? ` ${already} were already closed.` : ''}`,
    skipped: (nos: string) => `Not approved (the automatic review found problems, or you may not decide them): ${nos}`,
  },
  deadline: { 'no-deadline': '—', suspended: 'Stopped (awaiting correction)', 'on-track': 'On track', 'due-soon': 'Due soon', overdue: 'Overdue' },
  review: { clean: 'Passed', 'needs-person': 'Needs a person', pending: 'Waiting', failed: (n: number) => `${n} failed` },
  channel: { online: 'Online', counter: 'Counter', post: 'Post' },
  result: { approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn' },
  page: {
    ...ja.page, summary: 'Summary', received: 'Received', channel: 'Channel', legalDue: 'Legal deadline', targetDue: 'Service target', status: 'Status', assignee: 'Assignee',
    queue: 'Queue', unassigned: 'Unassigned', applicant: 'Applicant', subjects: 'Persons concerned', data: 'Application data', checks: 'Automatic review',
    checkColumns: { item: 'Check', result: 'Result', explanation: 'Explanation' }, passed: 'Passed', failed: 'Failed', noReview: 'Not reviewed yet.',
    reviewedAt: (when: string) => `Reviewed: ${when}`, history: 'History', historyColumns: { when: 'When', status: 'Status', who: 'By', reason: 'Reason' },
    notes: 'Internal notes', noNotes: 'No notes.', corrections: 'Corrections', noCorrections: 'No correction requested.', answered: 'Answered', unanswered: 'Awaiting answer',
    decision: 'Decision', effectRegistry: 'Recorded in the registry as provisional (finalise it in the registry’s provisional list).',
    effectCertificate: 'Ready for issuance.', effectRegistryFinal: 'Finalised in the registry by rule (every automatic check passed).',
    effectCertificateIssued: (no: number, post: boolean) => `Certificate issued (No. ${no}).${post ? ' Waiting for postal delivery.' : ''}`, certificateLink: 'Open the issuance', postalLink: 'Open the postal queue', effectDaycare: 'Forwarded to the daycare office.', effectDaycareEntered: (round: string, facilities: string) => `Entered in the round “${round}” (preferred: ${facilities}).`, daycareLink: 'Open the daycare rounds', provisionalLink: 'Open the provisional list',
    who: { system: 'Automatic review', applicant: 'Applicant' }, suspensions: 'Clock stopped', birthDate: 'Date of birth', name: 'Name',
  },
  actions: {
    heading: 'Actions', assignMe: 'Assign to me', release: 'Unassign', correction: 'Request a correction', correctionMessage: 'What the applicant should correct',
    approve: 'Approve', reject: 'Reject', reasons: 'Reasons (required to reject; sent to the applicant)', note: 'Add note', noteBody: 'Note (not shown to the applicant)',
    rerun: 'Run the automatic review again',
  },
  done: { assigned: 'Assignment changed.', corrected: 'Correction requested; the clock is stopped.', approved: 'Approved.', rejected: 'Rejected.', noted: 'Note added.', reviewed: 'Reviewed again.' },
  failed: 'The action was refused',
  dataLabels: { ...ja.dataLabels, movedOn: 'Date of the move', newAddress: 'New address', currentAddress: 'Stated current address', movingOn: 'Moving-out date', destination: 'Destination' },
  values: { ...ja.values, self: 'Self', household: 'Whole household', counter: 'Counter', post: 'Post', true: 'Yes', false: 'No' },
};

/** The cases dictionary of a language. */
export function casesText(lang: Lang): CasesDictionary {
  return lang === 'en' ? en : ja;
}

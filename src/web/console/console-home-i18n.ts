// SPDX-License-Identifier: EUPL-1.2
/** Words of the console home's work blocks and the help page (issue #9). */
import type { Lang } from '../ui/i18n.ts';
import { mergeDictionary } from '../registry/registry-i18n.ts';

const ja = {
  searchLabel: '住民検索', search: '検索', searchHint: '氏名（漢字・カナ）、生年月日（例: 昭和55年3月1日）、住所（町字）、住民票コード等で検索できます。',
  work: 'あなたの仕事', awaitingReview: '審査待ちの仮登録', returnedToOthers: '差戻し中（入力者の対応待ち）', minePending: '自分の入力（審査中）', mineReturned: '自分の入力（差戻し）',
  count: (n: number) => `${n}件`, countAria: (label: string, n: number) => `${label} ${n}件`,
  recent: '最近の仕事', recentChanges: '最近入力した異動', recentCertificates: '最近交付した証明書', issueNo: (no: string) => `発行番号 ${no}`,
  help: 'ヘルプ', helpGuide: '職員コンソールの使い方', helpSearch: '住民の探し方', helpApproval: '異動の入力から本登録まで（差戻しを含む）',
  guide: {
    title: '職員コンソールの使い方',
    sections: [
      { id: 'search', title: '住民の探し方', steps: ['ホーム又は「住民記録」の検索欄に、氏名（漢字・カナ）、生年月日（和暦・西暦）、住所（町字）、住民票コード等を入力します。', '氏名と生年月日は空白で区切って同時に指定できます（例: シオジリ タロウ 昭和55年3月1日）。', '検索結果の行を選ぶと個人票が開き、世帯票へ移動できます。'] },
      { id: 'approval', title: '異動の入力から本登録まで', steps: ['窓口担当: 個人票又は世帯票の「異動を入力する」から届出の内容を入力し、確認画面で「仮登録する」を押します。受付番号が付きます。', '審査・決裁担当: 「仮登録一覧」で異動を開き、変更前と変更後を確認します。', '問題がなければ決裁者が「本登録へ進む」→「本登録する」を押します。本登録すると検索・証明書・統計に反映されます。', '直す必要があるときは理由を書いて「差し戻す」を押します。入力者の「自分の入力」に理由とともに表示されます。', '入力者は理由を確認し、そのままでよければ「再提出する」、内容を直す場合は「取り下げて入力し直す」を押します。'] },
    ],
  },
};

export type HomeDictionary = typeof ja;
const en = {
  searchLabel: 'Resident search', search: 'Search', work: 'Your work', awaitingReview: 'Provisional changes to review', returnedToOthers: 'Returned (waiting for the clerk)',
  minePending: 'My entries (in review)', mineReturned: 'My entries (returned)', recent: 'Recent work', recentChanges: 'Changes I entered', recentCertificates: 'Certificates I issued',
  help: 'Help', helpGuide: 'How to use the console', helpSearch: 'Finding residents', helpApproval: 'From entry to approval (including returns)',
};
const english = mergeDictionary(ja, en as never);

/** The home dictionary of a language (English falls back to Japanese). */
export function homeText(lang: Lang): HomeDictionary {
  return lang === 'en' ? english : ja;
}

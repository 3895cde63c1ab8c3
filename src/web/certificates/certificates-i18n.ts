// SPDX-License-Identifier: EUPL-1.2
/**
 * Fixed UI text of the certificate options (spec §5.1: layout, omittable items) and of the over-length alert (§5.8),
 * Japanese first with English. The rest of the counter's certificate screens is Japanese only (labels of the forms).
 */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  layout: {
    legend: '様式（住民票の写し）', setting: (name: string) => `市区町村の既定（${name}）`,
    names: { household: '世帯連記式', individual: '個人票' } as Record<string, string>,
    hint: '異動履歴を記載する写しと除票の写しは個人票で印字します。',
    printed: '様式',
  },
  items: {
    legend: '記載事項（既定では個人番号・住民票コード・本籍は省略）',
    foreignHint: '外国人住民: 国籍・地域、第30条の45に規定する区分は省略できます。通称の記載・削除の履歴は請求があるときに記載します。',
  },
  overflow: {
    alert: '欄に収まらない記載事項があります（最小の文字の大きさでも収まりません）。',
    printToLimit: '欄の幅まで印字し、はみ出す部分は印字されません。内容を確認してから交付してください。',
    leaveBlank: 'この欄は空欄で印字されます（市区町村の設定）。必要なら別紙で対応してください。',
    fields: '収まらない欄',
    recorded: '交付時に欄に収まらない記載事項がありました',
    printedToLimit: '欄の幅まで印字しました（はみ出した部分は印字されていません）。',
    leftBlank: 'この欄は空欄で印字しました（市区町村の設定）。',
  },
};

type CertificatesDictionary = typeof ja;

const en: CertificatesDictionary = {
  layout: {
    legend: 'Layout (copy of the resident record)', setting: (name: string) => `Municipality default (${name})`,
    names: { household: 'Household form (世帯連記式)', individual: 'Individual form (個人票)' },
    hint: 'Copies with the change history and copies of removed records are always printed as individual forms.',
    printed: 'Layout',
  },
  items: {
    legend: 'Items to print (by default the My Number, resident record code and permanent domicile are omitted)',
    foreignHint: 'Foreign residents: nationality/region and the Article 30-45 category may be omitted. The history of entering and deleting the alias is printed when requested.',
  },
  overflow: {
    alert: 'Some items do not fit their field, even at the smallest type size.',
    printToLimit: 'They are printed up to the width of the field; the rest is cut off. Check them before issuing.',
    leaveBlank: 'These fields are left blank (municipality setting). Use an attached sheet if needed.',
    fields: 'Fields that do not fit',
    recorded: 'Some items did not fit their field when this certificate was issued',
    printedToLimit: 'They were printed up to the width of the field; the rest was cut off.',
    leftBlank: 'These fields were left blank (municipality setting).',
  },
};

/** The certificate option texts of a language. */
export function certificatesText(lang: Lang): CertificatesDictionary {
  return lang === 'en' ? en : ja;
}

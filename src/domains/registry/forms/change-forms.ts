// SPDX-License-Identifier: EUPL-1.2
/**
 * The forms the standard lists for a change (spec §4.0.5, §4.0.9, §4.1.0.3, §4.2.0.1, §4.3 / 20.4.1): which apply
 * to a change, and their content (title, addressee, lead text, items, persons) in 和暦. Pure; form-pdf.ts lays
 * them out, forms.service.ts loads the change and records every print.
 */
import { formatLegalDate, toWareki } from '../../../platform/dates/jp-date.ts';
import type { PersonRecord } from '../registry-model.ts';

export const CHANGE_FORMS = ['confirmation', 'acceptance-notice', 'head-change-notice', 'ex-officio-record', 'ex-officio-notice', 'resident-code-notice'] as const;
export type ChangeForm = (typeof CHANGE_FORMS)[number];

export const FORM_TITLES: Record<ChangeForm, string> = {
  'confirmation': '住民異動届 記載内容確認書',
  'acceptance-notice': '住民異動届受理通知書',
  'head-change-notice': '世帯主変更通知書',
  'ex-officio-record': '職権記録書',
  'ex-officio-notice': '職権記載等通知書',
  'resident-code-notice': '住民票コード通知票',
};

/** A change as the forms need it. */
export interface FormChange {
  status: string;
  kind: string;
  reasonLabel: string;
  receiptLabel: string | null;
  occurredOn: string;
  notifiedOn: string | null;
  processedOn: string;
  exOfficio: boolean;
  notifier: string;
  note: string;
  persons: Array<{ personId: string; before: PersonRecord | null; after: PersonRecord }>;
  /** Persons whose 住民票コード this change drew from the allotted stock (住基法 30条の3: a first code is notified). */
  codesFromStock: ReadonlySet<string>;
  /** The current 世帯主 of the first person's household (the addressee when the change removed everyone it touches). */
  householdHead?: PersonRecord | null;
}

/** One printable form of a change (per person for a 住民票コード通知票). */
export interface FormRef { form: ChangeForm; personId?: string }

const name = (r: PersonRecord) => (r.residentKind === 'foreign' ? (r.romanName || `${r.familyName} ${r.givenName}`) : `${r.familyName}　${r.givenName}`);
const address = (r: PersonRecord) => `${r.address.townName}${r.address.banchi}${r.address.katagaki ? `　${r.address.katagaki}` : ''}`;
const day = (iso: string | null | undefined) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? toWareki(iso) : (iso ?? ''));

/** Persons who became 世帯主 of a household they were already in (世帯主変更, also after the head left or died). */
function newHeads(c: FormChange) {
  return c.persons.filter((p) => p.after.relationship === '世帯主' && p.before && p.before.relationship !== '世帯主' && p.before.householdId === p.after.householdId);
}
/** Persons given a first 住民票コード by this change (drawn from the stock: a newborn, a first-time resident). */
function newCodes(c: FormChange) {
  return c.persons.filter((p) => c.codesFromStock.has(p.personId) && p.after.residentCode && p.after.residentCode !== p.before?.residentCode);
}

/** The forms that apply to a change. A confirmation can be printed at any time; the notices once it is 本登録. */
export function formsFor(c: FormChange): FormRef[] {
  const out: FormRef[] = [{ form: 'confirmation' }];
  if (c.status !== 'final') return out;
  if (!c.exOfficio) out.push({ form: 'acceptance-notice' });
  if (newHeads(c).length > 0) out.push({ form: 'head-change-notice' });
  if (c.exOfficio) out.push({ form: 'ex-officio-record' }, { form: 'ex-officio-notice' });
  for (const p of newCodes(c)) out.push({ form: 'resident-code-notice', personId: p.personId });
  return out;
}

/** Content of one form, ready for layout. */
export interface FormContent {
  title: string;
  /** 宛先 (to whom), e.g. 「小松　太郎　様」; empty for internal records. */
  addressee: string;
  addresseeAddress: string;
  /** Date of the document (today) in 和暦. */
  dated: string;
  lead: string;
  items: Array<[string, string]>;
  persons: Array<{ heading: string; rows: Array<[string, string]> }>;
  closing?: string;
  /** Internal records carry no sender; notices are sent in the name of the mayor. */
  fromMayor: boolean;
}

/** Builds a form's content. `today` is the print day. */
export function formContent(c: FormChange, ref: FormRef, today: string): FormContent {
  const first = c.persons[0]?.after;
  // Notices go to a living person: the 世帯主 among the persons, else the first living one; when the change removed
  // everyone it touches (a death), to the household of the first (「…様の世帯の方」).
  const living = c.persons.filter((p) => !p.after.removedOn);
  const head = living.find((p) => p.after.relationship === '世帯主')?.after ?? living[0]?.after ?? c.householdHead ?? undefined;
  const to = head ? `${name(head)}　様` : first ? `${name(first)}　様の世帯の方` : '';
  const notifierTo = c.notifier && c.notifier !== '本人' ? `${c.notifier}　様` : to;
  const base = {
    dated: toWareki(today), addresseeAddress: first ? address(first) : '',
    items: [['受付番号', c.receiptLabel ?? ''], ['異動事由', c.reasonLabel], ['異動日', day(c.occurredOn)], ['届出日', day(c.notifiedOn)]] as Array<[string, string]>,
  };
  const personRows = (p: FormChange['persons'][number]) => {
    const r = p.after;
    const rows: Array<[string, string]> = [['氏名', name(r)], ['生年月日', formatLegalDate(r.birthDate, r.residentKind === 'foreign' ? 'seireki' : 'wareki')], ['続柄', r.relationship], ['住所', address(r)]];
    if (p.before && address(p.before) !== address(r)) rows.push(['異動前の住所', address(p.before)]);
    if (p.before && p.before.relationship !== r.relationship) rows.push(['異動前の続柄', p.before.relationship]);
    if (r.removedOn) rows.push(['消除', `${day(r.removedOn)}　${r.removalReason ?? ''}`]);
    return rows;
  };
  const everyone = c.persons.map((p) => ({ heading: name(p.after), rows: personRows(p) }));
  switch (ref.form) {
    case 'confirmation':
      return { ...base, title: FORM_TITLES.confirmation, addressee: c.exOfficio ? '' : notifierTo, fromMayor: false,
        lead: c.status === 'final' ? '次のとおり住民票に記載しました。' : '次の内容で住民票に記載します。内容に誤りがないか確認してください（本登録前の確認用です）。',
        items: [...base.items, ['届出の別', c.exOfficio ? '職権' : '届出'], ['状態', c.status === 'final' ? '本登録' : '仮登録（審査前）']],
        persons: everyone, closing: c.status === 'final' ? undefined : '上記の内容に相違ありません。　　届出人署名 ＿＿＿＿＿＿＿＿＿＿＿＿' };
    case 'acceptance-notice':
      return { ...base, title: FORM_TITLES['acceptance-notice'], addressee: notifierTo, fromMayor: true,
        lead: '次の住民異動届を受理し、住民票に記載しましたので通知します。', persons: everyone };
    case 'head-change-notice': {
      const heads = newHeads(c);
      return { ...base, title: FORM_TITLES['head-change-notice'], addressee: `${heads.map((p) => name(p.after)).join('、')}　様`, fromMayor: true,
        lead: '世帯主が次のとおり変更になりましたので通知します。', persons: heads.map((p) => ({ heading: name(p.after), rows: [['新しい世帯主', name(p.after)], ['住所', address(p.after)], ['世帯主となった日', day(c.occurredOn)]] })) };
    }
    case 'ex-officio-record':
      return { ...base, title: FORM_TITLES['ex-officio-record'], addressee: '', fromMayor: false,
        lead: '住民基本台帳法第8条及び同法施行令第12条の規定により、職権で次のとおり住民票の記載等を行った。',
        items: [...base.items, ['処理日', day(c.processedOn)], ['職権の理由・根拠', c.note || '（記載なし）']], persons: everyone };
    case 'ex-officio-notice':
      return { ...base, title: FORM_TITLES['ex-officio-notice'], addressee: to, fromMayor: true,
        lead: '住民基本台帳法施行令第12条の規定により、職権で次のとおり住民票の記載等をしましたので通知します。', persons: everyone,
        closing: 'この処分に不服がある場合は、この通知を受けた日の翌日から起算して3か月以内に審査請求をすることができます。' };
    case 'resident-code-notice': {
      const p = c.persons.find((x) => x.personId === ref.personId)!;
      // A code replacing an earlier one (変更請求, 住基法 30条の4) is notified on the 住民票コード変更通知票 (20.4.2).
      const changed = !!p.before?.residentCode;
      return { ...base, title: changed ? '住民票コード変更通知票' : FORM_TITLES['resident-code-notice'], addressee: `${name(p.after)}　様`, addresseeAddress: address(p.after), fromMayor: true,
        lead: changed ? '住民基本台帳法第30条の4第3項の規定により、あなたの住民票に記載された新たな住民票コードを通知します。'
          : '住民基本台帳法第30条の3第3項の規定により、あなたの住民票に記載された住民票コードを通知します。',
        items: [['住民票コード', p.after.residentCode ?? ''], ['記載した日', day(c.occurredOn)], ['受付番号', c.receiptLabel ?? '']],
        persons: [{ heading: name(p.after), rows: [['氏名', name(p.after)], ['生年月日', formatLegalDate(p.after.birthDate, p.after.residentKind === 'foreign' ? 'seireki' : 'wareki')], ['住所', address(p.after)]] }],
        closing: '住民票コードは、住民基本台帳ネットワークシステムで本人確認に用いる番号です。大切に保管してください。' };
    }
  }
}

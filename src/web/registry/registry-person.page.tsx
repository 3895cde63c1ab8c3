// SPDX-License-Identifier: EUPL-1.2
/**
 * 個人票 (/console/registry/persons/:id) with the 履歴 timeline and the "as of" view, and 世帯票
 * (/console/registry/households/:id) with the ordered members, 世帯番号 and a link to a pending change.
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import {
  CHANGE_KIND_LABELS, DateField, ErrorSummary, Facts, RegistryLayout, td, th, wareki, type ChangeKind,
} from './registry-ui.tsx';
import { registryText } from './registry-i18n.ts';
import { HouseholdSupportNotice, PersonSupportNotice, type SupportNotices } from './registry-support-notice.tsx';
import { MemoBadge, MemoSection, type MemoSectionProps } from './registry-memo.tsx';
import { EligibilitySection, type EligibilityItem } from './registry-eligibility.tsx';
import { GuardianshipSection, type GuardianshipSectionProps } from './registry-guardianship.tsx';
import { CardSection, type CardSectionProps } from './registry-card.tsx';
import { GlyphView } from './registry-glyphs.tsx';
import { registryToolsText } from './registry-tools-i18n.ts';
import { reviewText } from './registry-review-i18n.ts';
import { MASKED_TEXT as MASKED } from '../../domains/registry/field-visibility.ts';
import { postal } from '../../domains/registry/changes/change-diff.ts';
import { RecordsSection, recordsText, type RecordEntry } from './registry-records.tsx';

export type PersonView = Awaited<ReturnType<RegistryService['getPerson']>>;
export type HistoryItem = Awaited<ReturnType<RegistryService['getHistory']>>[number];
export type HouseholdView = Awaited<ReturnType<RegistryService['getHousehold']>>;

/** Kinds of change started from a person, and from a household. */
const PERSON_CHANGES: ChangeKind[] = ['death', 'move-out', 'clerical-correction', 'ex-officio-correction', 'ex-officio-removal', 'cancellation', 'reform', 'remake'];
/** Changes of a person's items, by kind of resident: 旧氏 and 国籍喪失 for Japanese residents; 通称, 在留資格 and 帰化 for foreign residents. */
const ITEM_CHANGES: Record<PersonView['residentKind'], ChangeKind[]> = {
  japanese: ['old-surname', 'reading', 'minor-correction', 'nationality-loss'],
  foreign: ['alias', 'residence-status-change', 'minor-correction', 'naturalization'],
};
const HOUSEHOLD_CHANGES: ChangeKind[] = ['move-within', 'move-out', 'birth', 'head-change', 'household-split', 'household-merge', 'household-change', 'address-renaming', 'de-facto-head', 'move-in'];

const kindLabel = (k: string, kinds: Record<string, string> = {}) => kinds[k] ?? (CHANGE_KIND_LABELS as Record<string, string>)[k] ?? k;

/** The links to the change screens. */
/** A 本籍・転入前住所・転出先 as entered (the legal text), after its 郵便番号 when one is kept (spec §1.1.17). */
function withPostal(text: string | null | undefined, detail: { postalCode: string | null } | null | undefined): string {
  const pc = postal(detail?.postalCode);
  return text ? (pc ? `${pc}　${text}` : text) : pc;
}

function ChangeLinks(p: { kinds: ChangeKind[]; query: string; label: string; moveInHere: string; labels: Record<string, string> }) {
  return (
    <nav aria-label={p.label}>
      <ul class="flex flex-wrap gap-2">
        {p.kinds.map((k) => (
          <li><a class="button-secondary button-small" href={`/console/registry/changes/${k}?${p.query}`}>{k === 'move-in' ? p.moveInHere : kindLabel(k, p.labels)}</a></li>
        ))}
      </ul>
    </nav>
  );
}

export interface PersonPageProps extends ConsoleContext {
  person: PersonView;
  history: HistoryItem[];
  asOf: string;
  /** The 基準日 as typed, and its error when it is no calendar day. */
  asOfInput?: string;
  asOfError?: string;
  canUnmask: boolean;
  canChange: boolean;
  canReview: boolean;
  canIssue: boolean;
  purpose: string;
  error?: { message: string; code?: string };
  /** DV等支援措置 protecting the person today (period only). */
  supportMeasures?: SupportNotices;
  /** 抑止 in force on the person or the household (spec §3.1). */
  suppressions?: Array<{ operation: string; level: string; startsOn: string; subjectType: string; liftedNow: boolean }>;
  /** メモ of the person and the household (spec §1.1.15). */
  memo?: Omit<MemoSectionProps, 'lang'>;
  /** 他業務の資格 reported by the other business systems (spec §7.2.2). */
  eligibility?: { latest: EligibilityItem[]; history: EligibilityItem[] };
  /** 成年被後見人 (spec §9.4): only for staff with registry:guardianship. */
  guardianship?: GuardianshipSectionProps;
  /** Every record under the 宛名番号: periods of residence, 除票, 改製原 (spec §1.1.5). */
  records?: RecordEntry[];
  /** マイナンバーカード and 交付履歴 (spec §2.2.2); absent for a view as of a past day. */
  card?: Omit<CardSectionProps, 'lang'>;
}

/** The 抑止 in force: what is stopped or warned about, since when, and whether it is lifted for now. */
function SuppressionNotice(p: { items: NonNullable<PersonPageProps['suppressions']>; t: ReturnType<typeof registryText>['suppression'] }) {
  if (p.items.length === 0) return null;
  return (
    <section class="banner-warning mt-6 max-w-5xl" aria-labelledby="suppression-heading" data-testid="suppression-notice">
      <h2 id="suppression-heading" class="text-std-20B-150">{p.t.heading}</h2>
      <ul class="mt-2 list-disc pl-6">
        {p.items.map((s) => (
          <li>{p.t.item(p.t.operations[s.operation] ?? s.operation, p.t.levels[s.level] ?? s.level, wareki(s.startsOn), s.subjectType === 'household')}{s.liftedNow ? p.t.lifted : ''}</li>
        ))}
      </ul>
    </section>
  );
}

type Timeline = ReturnType<typeof registryToolsText>['timeline'];

/** Item by item before → after of one history entry (spec §2.2.1), folded when long. */
function ChangedItems(p: { changes: HistoryItem['changes']; t: Timeline; labels: Record<string, string> }) {
  return (
    <details data-testid="history-changes">
      <summary class="link">{p.t.summary(p.changes.length)}</summary>
      <table class="mt-1 w-full table-fixed border-collapse text-std-16N-170">
        <thead><tr>
          <th scope="col" class="w-48 px-2 text-left text-std-16B-170">{p.t.item}</th><th scope="col" class="px-2 text-left text-std-16B-170">{p.t.before}</th>
          <th scope="col" class="px-2 text-left text-std-16B-170">{p.t.after}</th>
        </tr></thead>
        <tbody>
          {p.changes.map((c) => (
            <tr data-item={c.item}><th scope="row" class="px-2 text-left font-normal whitespace-nowrap">{p.labels[c.item] ?? c.item}</th><td class="px-2">{c.before || '—'}</td><td class="px-2 font-bold">{c.after || '—'}</td></tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** 通称の記載及び削除に関する事項 (施行令 30条の26; spec §2.2.1): every entry and deletion with its date and municipality. */
function AliasHistory(p: { items: PersonView['aliasHistory']; t: Timeline }) {
  if (p.items.length === 0) return null;
  return (
    <section class="mt-8 max-w-5xl" aria-labelledby="alias-history-heading" data-testid="alias-history">
      <h2 id="alias-history-heading" class="text-std-20B-150">{p.t.aliasHeading}</h2>
      <table class="mt-2 w-full border-collapse">
        <thead><tr>
          <th scope="col" class={th}>{p.t.aliasColumns.action}</th><th scope="col" class={th}>{p.t.aliasColumns.alias}</th>
          <th scope="col" class={th}>{p.t.aliasColumns.on}</th><th scope="col" class={th}>{p.t.aliasColumns.municipality}</th>
        </tr></thead>
        <tbody>
          {p.items.map((e) => (
            <tr>
              <td class={td}>{p.t.aliasActions[e.action] ?? e.action}</td><td class={td}>{e.alias}{e.aliasKana ? `（${e.aliasKana}）` : ''}</td>
              <td class={`${td} whitespace-nowrap`}>{wareki(e.on)}</td><td class={td}>{e.municipalityName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The 個人票. */
export function PersonPage(p: PersonPageProps) {
  const r = p.person;
  const name = `${r.familyName}　${r.givenName}`.trim() || r.romanName || '';
  const cancelled = new Set(p.history.map((h) => h.change.cancelsChangeId).filter(Boolean));
  const a = r.address;
  const dict = registryText(p.lang);
  const t = dict.person;
  const f = t.fields;
  const hc = t.historyColumns;
  const tl = registryToolsText(p.lang).timeline;
  const itemLabels = reviewText(p.lang).items;
  // 項目単位の表示制御 (spec §10.4): a masked item says so.
  const masked = new Set(r.maskedItems);
  const shown = (value: string, item: PersonView['maskedItems'][number]) => (masked.has(item) ? <span data-testid={`masked-${item}`}>{value}{t.restricted}</span> : value);
  const foreignItem: Record<string, PersonView['maskedItems'][number]> = { residenceStatus: 'residence-status', residencePeriod: 'residence-status', residenceExpiry: 'residence-status',
    landingPeriodEnd: 'residence-status', provisionalStayEnd: 'residence-status', transitionalCause: 'residence-status' };
  // 1.1.2: the 30条の45 items of the person's category only; markers as 有/無 and the 経過滞在 cause in words.
  const fo = (r.foreign ?? {}) as Record<string, unknown>;
  const ff = t.foreignFlags;
  const foreignText = (k: string): string | null => {
    const v = fo[k];
    if (k === 'landingPeriodEnd' || k === 'provisionalStayEnd' || k === 'transitionalCause' || k === 'alienRegistrationDate') {
      if (v === undefined || v === null || v === '') return null;
      return k === 'transitionalCause' && v !== MASKED ? ff.transitional(String(v)) : String(v);
    }
    if (k === 'residenceNotified') return v === undefined || v === null ? null : v ? ff.yes : ff.no;
    if (k === 'landingPermitMoveIn') return v ? ff.landingPermit : null;
    return String(v ?? '');
  };
  return (
    <RegistryLayout {...p} title={t.title(name)}>
      <h1 class="text-std-32B-150">{t.title(name)}</h1>
      {p.error ? <ErrorSummary title={t.failed} message={p.error.message} code={p.error.code} /> : null}
      <p class="mt-2 flex flex-wrap gap-2">
        <span class="badge" data-testid="person-status">{dict.personStatus[r.status] ?? r.status}</span>
        {p.asOf ? <span class="badge">{t.asOfBadge(wareki(p.asOf), r.historyNo)}</span> : null}
        {r.pendingChangeId ? <a class="badge" href={`/console/registry/changes/${r.pendingChangeId}`} data-testid="pending">{t.pending}</a> : null}
        {p.memo && !p.asOf ? <MemoBadge lang={p.lang} count={p.memo.memos.length} /> : null}
      </p>
      <PersonSupportNotice notices={p.supportMeasures?.[r.personId]} t={dict.supportMeasure} />
      <SuppressionNotice items={p.suppressions ?? []} t={dict.suppression} />
      <div class="mt-4 flex flex-wrap items-center gap-4">
        {p.canIssue ? <a class="button-primary" href={`/console/certificates?personId=${r.personId}`}>{t.issue}</a> : null}
        <a class="link" href={`/console/registry/households/${r.householdId}`}>{t.householdLink(r.householdNo)}</a>
      </div>
      {p.canChange && !p.asOf && (r.status !== 'removed' || r.removalReason === '国内転出') ? (
        <section class="mt-6" aria-labelledby="changes-heading">
          <h2 id="changes-heading" class="text-std-20B-150">{t.changes}</h2>
          {r.status !== 'removed' ? <div class="mt-2"><ChangeLinks kinds={PERSON_CHANGES} query={`personId=${r.personId}`} label={t.personChanges} moveInHere={t.moveInHere} labels={dict.kinds} /></div> : null}
          {r.status !== 'removed' ? <div class="mt-2"><ChangeLinks kinds={ITEM_CHANGES[r.residentKind]} query={`personId=${r.personId}`} label={t.itemChanges} moveInHere={t.moveInHere} labels={dict.kinds} /></div> : null}
          {r.removalReason === '国内転出' ? <div class="mt-2"><ChangeLinks kinds={['move-in-notice']} query={`personId=${r.personId}`} label={t.moveInNotice} moveInHere={t.moveInHere} labels={dict.kinds} /></div> : null}
        </section>
      ) : null}
      <section class="card mt-6 max-w-5xl" aria-labelledby="record-heading">
        <h2 id="record-heading" class="text-std-20B-150">{t.record}</h2>
        <div class="mt-4">
          <Facts testid="person-record" rows={[
            [f.name, name], [f.kana, <span data-testid="reading">{`${r.familyNameKana}　${r.givenNameKana}`.trim()}{r.residentKind === 'japanese'
              ? `（${f.readingOf(f.readingStatus[r.readingStatus.familyNameKana] ?? '', f.readingStatus[r.readingStatus.givenNameKana] ?? '')}）` : ''}</span>],
            ...(r.romanName ? [[f.romanName, r.romanName] as [string, string]] : []),
            ...(r.oldSurname ? [[f.oldSurname, `${r.oldSurname}（${r.oldSurnameKana ?? ''}）`] as [string, string]] : []),
            ...(r.alias ? [[f.alias, `${r.alias}（${r.aliasKana ?? ''}）`] as [string, string]] : []),
            [f.birthDate, r.birthDate.display], [f.sex, dict.sex[r.sex] ?? r.sex], [f.relationship, r.relationship],
            [f.address, `${postal(a.postalCode)}${a.postalCode ? '　' : ''}${a.townName}${a.banchi}${a.katagaki ? `　${a.katagaki}` : ''}${a.check === 'unlisted' ? f.unlisted : ''}`],
            [f.becameResidentOn, r.becameResidentOn], [f.addressFixedOn, r.addressFixedOn], [f.notifiedOn, r.notifiedOn ?? ''],
            [f.previousAddress, withPostal(r.previousAddress, r.previousAddressDetail)],
            ...(r.residentKind === 'japanese' ? [[f.honseki, masked.has('domicile') ? shown(r.honseki ?? '', 'domicile') : withPostal(r.honseki, r.honsekiDetail)] as [string, string], [f.hittosha, shown(r.hittosha ?? '', 'domicile')] as [string, string]] : []),
            [f.myNumber, <span data-testid="my-number">{r.myNumber ?? f.noMyNumber}</span>], [f.residentCode, shown(r.residentCode ?? '', 'resident-code')],
            [f.atenaNo, r.atenaNo], [f.residentKind, t.residentKinds[r.residentKind] ?? r.residentKind],
            ...(r.deFactoHead ? [[registryToolsText(p.lang).remarks.deFactoHead, r.deFactoHead] as [string, string]] : []),
            ...(r.foreign ? Object.entries(t.foreign).flatMap(([k, l]) => {
              const v = foreignText(k);
              return v === null ? [] : [[l, foreignItem[k] && v ? shown(v, foreignItem[k]) : v] as [string, string]];
            }) : []),
            ...(r.reformedOn ? [[recordsText(p.lang).reformedOn, wareki(r.reformedOn)] as [string, string]] : []),
            ...(r.remadeOn ? [[recordsText(p.lang).remadeOn, `${wareki(r.remadeOn)}（${r.remakeGround ?? ''}）`] as [string, string]] : []),
            ...(r.removedOn ? [[f.removedOn, r.removedOnText ?? wareki(r.removedOn)] as [string, string], [f.removalReason, r.removalReason ?? ''] as [string, string], [f.destination, withPostal(r.destination, r.destinationDetail)] as [string, string]] : []),
          ]} />
        </div>
        <GlyphView lang={p.lang} parts={[['familyName', r.familyName], ['givenName', r.givenName], ['oldSurname', r.oldSurname], ['alias', r.alias]]} />
        {masked.size > 0 ? <p class="mt-4 text-std-16N-170" data-testid="restricted-note">{t.restrictedNote}</p> : null}
        {p.canUnmask && r.myNumber && !r.myNumberUnmasked ? (
          <form method="get" action={`/console/registry/persons/${r.personId}`} class="mt-4 flex flex-wrap items-end gap-4" aria-label={t.unmaskLabel}>
            <input type="hidden" name="unmask" value="my-number" />
            {p.asOf ? <input type="hidden" name="asOf" value={p.asOf} /> : null}
            <div class="form-field">
              <label class="form-label" for="unmask-purpose">{t.unmaskPurpose}</label>
              <input class="form-control" id="unmask-purpose" name="purpose" value={p.purpose} autocomplete="off" />
            </div>
            <button class="button-secondary" type="submit">{t.unmask}</button>
          </form>
        ) : null}
      </section>
      {p.memo && !p.asOf ? <MemoSection lang={p.lang} {...p.memo} /> : null}
      {p.eligibility && !p.asOf ? <EligibilitySection lang={p.lang} {...p.eligibility} /> : null}
      {p.guardianship && !p.asOf ? <GuardianshipSection lang={p.lang} {...p.guardianship} /> : null}
      {p.records && !p.asOf ? <RecordsSection lang={p.lang} records={p.records} current={r.personId} canIssue={p.canIssue} /> : null}
      {p.card && !p.asOf ? <CardSection lang={p.lang} {...p.card} /> : null}
      <section class="mt-8 max-w-5xl" aria-labelledby="asof-heading">
        <h2 id="asof-heading" class="text-std-20B-150">{t.asOf}</h2>
        <form method="get" action={`/console/registry/persons/${r.personId}`} class="mt-2 flex flex-wrap items-end gap-4">
          <DateField name="asOf" label={t.asOfDate} value={p.asOfError ? p.asOfInput : p.asOf ? wareki(p.asOf) : ''} error={p.asOfError} />
          <button class="button-secondary" type="submit">{t.showAsOf}</button>
          {p.asOf ? <a class="link" href={`/console/registry/persons/${r.personId}`}>{t.backToCurrent}</a> : null}
        </form>
      </section>
      <AliasHistory items={r.aliasHistory} t={tl} />
      <section class="mt-8" aria-labelledby="history-heading">
        <h2 id="history-heading" class="text-std-20B-150">{t.history}</h2>
        <div class="mt-2 overflow-x-auto">
          <table class="w-full border-collapse" data-testid="history">
            <thead><tr>
              <th scope="col" class={th}>{hc.historyNo}</th><th scope="col" class={th}>{hc.reason}</th><th scope="col" class={th}>{hc.occurredOn}</th><th scope="col" class={th}>{hc.notifiedOn}</th>
              <th scope="col" class={th}>{hc.processedOn}</th><th scope="col" class={th}>{hc.status}</th><th scope="col" class={th}>{hc.cancel}</th><th scope="col" class={th}>{hc.state}</th>
            </tr></thead>
            <tbody>
              {[...p.history].reverse().map((h) => {
                const c = h.change;
                const ra = h.record.address;
                // Two rows per entry: the change, then its items before → after across the table (spec §2.2.1).
                const top = h.changes.length > 0 ? 'px-3 pt-2 align-top' : td;
                return (
                  <>
                    <tr class={c.status === 'withdrawn' ? 'text-solid-gray-600' : ''}>
                      <td class={top}>{h.historyNo}</td>
                      <td class={top}>{kindLabel(c.kind, dict.kinds)}{c.exOfficio ? t.exOfficio : ''}</td>
                      <td class={`${top} whitespace-nowrap`}>{wareki(c.occurredOn)}</td>
                      <td class={`${top} whitespace-nowrap`}>{wareki(c.notifiedOn)}</td>
                      <td class={`${top} whitespace-nowrap`}>{wareki(c.processedOn)}</td>
                      <td class={top}>{t.changeStatus[c.status] ?? c.status}</td>
                      <td class={top}>{cancelled.has(c.changeId) ? t.cancelled : c.cancelsChangeId ? t.cancels : ''}</td>
                      <td class={top}>{ra.townName}{ra.banchi}・{h.record.relationship}</td>
                    </tr>
                    {h.changes.length > 0 ? <tr><td class={`${td} pt-0`} colspan={8}><ChangedItems changes={h.changes} t={tl} labels={itemLabels} /></td></tr> : null}
                  </>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </RegistryLayout>
  );
}

export interface HouseholdPageProps extends ConsoleContext {
  household: HouseholdView;
  /** DV等支援措置 protecting members today (period only). */
  supportMeasures?: SupportNotices;
  canChange: boolean;
  canReview: boolean;
  canIssue: boolean;
  /** 受付番号 of the change the household is reserved to (仮登録 or 差戻し中). */
  pendingReceipt?: string | null;
  /** メモ of the household (spec §1.1.15). */
  memo?: Omit<MemoSectionProps, 'lang'>;
}

/** The 世帯票. */
export function HouseholdPage(p: HouseholdPageProps) {
  const h = p.household;
  const head = h.members.find((m) => m.personId === h.headPersonId);
  const a = h.address;
  const dict = registryText(p.lang);
  const t = dict.household;
  const x = registryToolsText(p.lang).remarks;
  return (
    <RegistryLayout {...p} title={t.title(h.householdNo)}>
      <h1 class="text-std-32B-150">{t.title(h.householdNo)}</h1>
      {p.memo?.memos.length ? <p class="mt-2"><MemoBadge lang={p.lang} count={p.memo.memos.length} /></p> : null}
      <div class="mt-4">
        <Facts testid="household-facts" rows={[
          [t.head, head ? `${head.familyName}　${head.givenName}`.trim() || head.romanName || '' : t.noHead],
          [t.address, a ? `${a.townName}${a.banchi}${a.katagaki ? `　${a.katagaki}` : ''}` : ''],
          [t.householdNo, h.householdNo],
          ...(h.deFactoHead ? [[x.deFactoHead, h.deFactoHead] as [string, string]] : []),
          [t.pending, h.pendingChangeId ? t.pendingYes : t.pendingNo],
        ]} />
      </div>
      {!head && h.members.some((m) => m.status !== 'removed') ? (
        // A household left without a head (spec §1.1.10): flagged until a 世帯主変更 (issue #9).
        <div class="banner-warning mt-4 max-w-5xl" role="status" data-testid="household-head-missing">
          <p class="text-std-16B-170">{t.headMissing}</p>
          {p.canChange && !h.pendingChangeId ? <p class="mt-2"><a class="link" href={`/console/registry/changes/head-change?householdId=${h.householdId}`}>{t.headChange}</a></p> : null}
        </div>
      ) : null}
      {h.pendingChangeId ? (
        <div class="banner-warning mt-4 max-w-4xl" role="region" aria-labelledby="hh-pending-heading" data-testid="household-pending">
          <h2 id="hh-pending-heading" class="text-std-18B-160">{t.pendingNotice}</h2>
          <p class="mt-2"><a class="link" href={`/console/registry/changes/${h.pendingChangeId}`}>{p.pendingReceipt ? t.pendingLink(p.pendingReceipt) : t.pendingLinkNoReceipt}</a></p>
        </div>
      ) : null}
      <HouseholdSupportNotice notices={p.supportMeasures ?? {}} t={dict.supportMeasure}
        members={h.members.map((m) => ({ personId: m.personId, name: `${m.familyName}　${m.givenName}`.trim() || m.romanName || '' }))} />
      <div class="mt-4 flex flex-wrap gap-4">
        {p.canIssue ? <a class="button-primary" href={`/console/certificates?householdId=${h.householdId}`}>{t.issue}</a> : null}
        <a class="link" href={`/console/registry/households/${h.householdId}?includeRemoved=true`}>{t.includeRemoved}</a>
      </div>
      {p.canChange && !h.pendingChangeId ? (
        <section class="mt-6" aria-labelledby="hh-changes-heading">
          <h2 id="hh-changes-heading" class="text-std-20B-150">{dict.person.changes}</h2>
          <div class="mt-2"><ChangeLinks kinds={HOUSEHOLD_CHANGES} query={`householdId=${h.householdId}`} label={dict.person.householdChanges} moveInHere={dict.person.moveInHere} labels={dict.kinds} /></div>
        </section>
      ) : null}
      <section class="mt-8" aria-labelledby="members-heading">
        <h2 id="members-heading" class="text-std-20B-150">{t.members}</h2>
        <div class="mt-2 overflow-x-auto">
          <table class="w-full border-collapse" data-keynav data-testid="members">
            <thead><tr>
              <th scope="col" class={th}>{t.columns.relationship}</th><th scope="col" class={th}>{t.columns.name}</th><th scope="col" class={th}>{t.columns.kana}</th>
              <th scope="col" class={th}>{t.columns.birthDate}</th><th scope="col" class={th}>{t.columns.sex}</th><th scope="col" class={th}>{t.columns.status}</th>
            </tr></thead>
            <tbody>
              {h.members.map((m) => (
                <tr>
                  <td class={td}>{m.relationship}</td>
                  <td class={td}><a class="link" href={`/console/registry/persons/${m.personId}`}>{`${m.familyName}　${m.givenName}`.trim() || m.romanName}</a>
                    {p.supportMeasures?.[m.personId] ? <span class="badge ml-2" data-testid="support-measure-badge">{dict.supportMeasure.badge}</span> : null}</td>
                  <td class={td}>{`${m.familyNameKana}　${m.givenNameKana}`.trim()}</td>
                  <td class={`${td} whitespace-nowrap`}>{m.birthDate.display}</td>
                  <td class={td}>{dict.sex[m.sex] ?? m.sex}</td>
                  <td class={td}>{dict.personStatus[m.status] ?? m.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {p.memo ? <MemoSection lang={p.lang} {...p.memo} /> : null}
    </RegistryLayout>
  );
}

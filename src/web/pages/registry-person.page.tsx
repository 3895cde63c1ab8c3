// SPDX-License-Identifier: EUPL-1.2
/**
 * 個人票 (/console/registry/persons/:id) with the 履歴 timeline and the "as of" view, and 世帯票
 * (/console/registry/households/:id) with the ordered members and the household version.
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../layout/console-layout.tsx';
import {
  CHANGE_KIND_LABELS, CHANGE_STATUS_LABELS, ErrorSummary, Facts, PERSON_STATUS_LABELS, RegistryLayout, SEX_LABELS, td, th, wareki, type ChangeKind,
} from './registry-ui.tsx';

export type PersonView = Awaited<ReturnType<RegistryService['getPerson']>>;
export type HistoryItem = Awaited<ReturnType<RegistryService['getHistory']>>[number];
export type HouseholdView = Awaited<ReturnType<RegistryService['getHousehold']>>;

/** Kinds of change started from a person, and from a household. */
const PERSON_CHANGES: ChangeKind[] = ['death', 'move-out', 'clerical-correction', 'ex-officio-correction', 'ex-officio-removal', 'cancellation'];
/** Changes of a person's items, by kind of resident: 旧氏 and 国籍喪失 for Japanese residents; 通称, 在留資格 and 帰化 for foreign residents. */
const ITEM_CHANGES: Record<PersonView['residentKind'], ChangeKind[]> = {
  japanese: ['old-surname', 'minor-correction', 'nationality-loss'],
  foreign: ['alias', 'residence-status-change', 'minor-correction', 'naturalization'],
};
const HOUSEHOLD_CHANGES: ChangeKind[] = ['move-within', 'move-out', 'birth', 'head-change', 'household-split', 'household-merge', 'household-change', 'address-renaming', 'move-in'];

const kindLabel = (k: string) => (CHANGE_KIND_LABELS as Record<string, string>)[k] ?? k;

/** The links to the change screens. */
function ChangeLinks(p: { kinds: ChangeKind[]; query: string; label: string }) {
  return (
    <nav aria-label={p.label}>
      <ul class="flex flex-wrap gap-2">
        {p.kinds.map((k) => (
          <li><a class="button-secondary button-small" href={`/console/registry/changes/${k}?${p.query}`}>{k === 'move-in' ? '転入（この世帯に加わる）' : CHANGE_KIND_LABELS[k]}</a></li>
        ))}
      </ul>
    </nav>
  );
}

export interface PersonPageProps extends ConsoleContext {
  person: PersonView;
  history: HistoryItem[];
  asOf: string;
  canUnmask: boolean;
  canChange: boolean;
  canReview: boolean;
  canIssue: boolean;
  purpose: string;
  error?: { message: string; code?: string };
}

/** The 個人票. */
export function PersonPage(p: PersonPageProps) {
  const r = p.person;
  const name = `${r.familyName}　${r.givenName}`.trim() || r.romanName || '';
  const cancelled = new Set(p.history.map((h) => h.change.cancelsChangeId).filter(Boolean));
  const a = r.address;
  return (
    <RegistryLayout {...p} title={`個人票: ${name}`}>
      <h1 class="text-std-32B-150">個人票: {name}</h1>
      {p.error ? <ErrorSummary title="表示できませんでした" message={p.error.message} code={p.error.code} /> : null}
      <p class="mt-2 flex flex-wrap gap-2">
        <span class="badge" data-testid="person-status">{PERSON_STATUS_LABELS[r.status]}</span>
        {p.asOf ? <span class="badge">{wareki(p.asOf)}現在の記録（履歴番号 {r.historyNo}）</span> : null}
        {r.pendingChangeId ? <span class="badge" data-testid="pending">審査中の異動（仮登録）があります</span> : null}
      </p>
      <div class="mt-4 flex flex-wrap items-center gap-4">
        {p.canIssue ? <a class="button-primary" href={`/console/certificates?personId=${r.personId}`}>証明書を交付する</a> : null}
        <a class="link" href={`/console/registry/households/${r.householdId}`}>世帯票（世帯番号 {r.householdNo}）</a>
      </div>
      {p.canChange && !p.asOf && (r.status !== 'removed' || r.removalReason === '国内転出') ? (
        <section class="mt-6" aria-labelledby="changes-heading">
          <h2 id="changes-heading" class="text-std-20B-150">異動を入力する</h2>
          {r.status !== 'removed' ? <div class="mt-2"><ChangeLinks kinds={PERSON_CHANGES} query={`personId=${r.personId}`} label="この住民の異動" /></div> : null}
          {r.status !== 'removed' ? <div class="mt-2"><ChangeLinks kinds={ITEM_CHANGES[r.residentKind]} query={`personId=${r.personId}`} label="この住民の記載事項の変更" /></div> : null}
          {r.removalReason === '国内転出' ? <div class="mt-2"><ChangeLinks kinds={['move-in-notice']} query={`personId=${r.personId}`} label="転出先からの通知" /></div> : null}
        </section>
      ) : null}
      <section class="card mt-6 max-w-5xl" aria-labelledby="record-heading">
        <h2 id="record-heading" class="text-std-20B-150">住民票の記載事項</h2>
        <div class="mt-4">
          <Facts testid="person-record" rows={[
            ['氏名', name], ['フリガナ', `${r.familyNameKana}　${r.givenNameKana}`.trim()],
            ...(r.romanName ? [['アルファベット氏名', r.romanName] as [string, string]] : []),
            ...(r.oldSurname ? [['旧氏', `${r.oldSurname}（${r.oldSurnameKana ?? ''}）`] as [string, string]] : []),
            ...(r.alias ? [['通称', `${r.alias}（${r.aliasKana ?? ''}）`] as [string, string]] : []),
            ['生年月日', r.birthDate.display], ['性別', SEX_LABELS[r.sex] ?? r.sex], ['続柄', r.relationship],
            ['住所', `${a.townName}${a.banchi}${a.katagaki ? `　${a.katagaki}` : ''}${a.check === 'unlisted' ? '（町字一覧外）' : ''}`],
            ['住民となった年月日', r.becameResidentOn], ['住所を定めた年月日', r.addressFixedOn], ['届出日', r.notifiedOn ?? ''],
            ['前住所', r.previousAddress ?? ''],
            ...(r.residentKind === 'japanese' ? [['本籍', r.honseki ?? ''] as [string, string], ['筆頭者', r.hittosha ?? ''] as [string, string]] : []),
            ['個人番号', <span data-testid="my-number">{r.myNumber ?? '（なし）'}</span>], ['住民票コード', r.residentCode ?? ''],
            ['宛名番号', r.atenaNo], ['住民の種別', r.residentKind === 'japanese' ? '日本人住民' : '外国人住民'],
            ...(r.foreign ? Object.entries(FOREIGN_LABELS).map(([k, l]) => [l, String((r.foreign as Record<string, unknown>)[k] ?? '')] as [string, string]) : []),
            ...(r.removedOn ? [['消除日', wareki(r.removedOn)] as [string, string], ['消除事由', r.removalReason ?? ''] as [string, string], ['転出先', r.destination ?? ''] as [string, string]] : []),
          ]} />
        </div>
        {p.canUnmask && r.myNumber && !r.myNumberUnmasked ? (
          <form method="get" action={`/console/registry/persons/${r.personId}`} class="mt-4 flex flex-wrap items-end gap-4" aria-label="個人番号の表示">
            <input type="hidden" name="unmask" value="my-number" />
            {p.asOf ? <input type="hidden" name="asOf" value={p.asOf} /> : null}
            <div class="form-field">
              <label class="form-label" for="unmask-purpose">個人番号を表示する利用目的</label>
              <input class="form-control" id="unmask-purpose" name="purpose" value={p.purpose} autocomplete="off" />
            </div>
            <button class="button-secondary" type="submit">個人番号を表示（記録されます）</button>
          </form>
        ) : null}
      </section>
      <section class="mt-8 max-w-5xl" aria-labelledby="asof-heading">
        <h2 id="asof-heading" class="text-std-20B-150">過去の時点の記録</h2>
        <form method="get" action={`/console/registry/persons/${r.personId}`} class="mt-2 flex flex-wrap items-end gap-4">
          <div class="form-field">
            <label class="form-label" for="asOf">基準日</label>
            <input class="form-control" id="asOf" name="asOf" type="date" value={p.asOf} />
          </div>
          <button class="button-secondary" type="submit">この日の記録を表示</button>
          {p.asOf ? <a class="link" href={`/console/registry/persons/${r.personId}`}>現在の記録に戻る</a> : null}
        </form>
      </section>
      <section class="mt-8" aria-labelledby="history-heading">
        <h2 id="history-heading" class="text-std-20B-150">履歴</h2>
        <div class="mt-2 overflow-x-auto">
          <table class="w-full border-collapse" data-testid="history">
            <thead><tr>
              <th scope="col" class={th}>履歴番号</th><th scope="col" class={th}>異動事由</th><th scope="col" class={th}>異動日</th><th scope="col" class={th}>届出日</th>
              <th scope="col" class={th}>処理日</th><th scope="col" class={th}>状態</th><th scope="col" class={th}>取消</th><th scope="col" class={th}>住所・続柄（この時点）</th>
            </tr></thead>
            <tbody>
              {[...p.history].reverse().map((h) => {
                const c = h.change;
                const ra = h.record.address;
                return (
                  <tr class={c.status === 'withdrawn' ? 'text-solid-gray-600' : ''}>
                    <td class={td}>{h.historyNo}</td>
                    <td class={td}>{kindLabel(c.kind)}{c.exOfficio ? '（職権）' : ''} <span class="text-std-14N-170 text-solid-gray-700">{c.reasonCode}</span></td>
                    <td class={`${td} whitespace-nowrap`}>{wareki(c.occurredOn)}</td>
                    <td class={`${td} whitespace-nowrap`}>{wareki(c.notifiedOn)}</td>
                    <td class={`${td} whitespace-nowrap`}>{wareki(c.processedOn)}</td>
                    <td class={td}>{c.status === 'provisional' ? '仮登録' : CHANGE_STATUS_LABELS[c.status] ?? c.status}</td>
                    <td class={td}>{cancelled.has(c.changeId) ? '取消済' : c.cancelsChangeId ? '取消し' : ''}</td>
                    <td class={td}>{ra.townName}{ra.banchi}・{h.record.relationship}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </RegistryLayout>
  );
}

const FOREIGN_LABELS: Record<string, string> = {
  nationality: '国籍・地域', category: '第30条の45に規定する区分', residenceStatus: '在留資格', residencePeriod: '在留期間',
  residenceExpiry: '在留期間の満了の日', residenceCardNo: '在留カード等の番号', foreignResidentSince: '外国人住民となった年月日',
};

export interface HouseholdPageProps extends ConsoleContext {
  household: HouseholdView;
  canChange: boolean;
  canReview: boolean;
  canIssue: boolean;
}

/** The 世帯票. */
export function HouseholdPage(p: HouseholdPageProps) {
  const h = p.household;
  const head = h.members.find((m) => m.personId === h.headPersonId);
  const a = h.address;
  return (
    <RegistryLayout {...p} title={`世帯票: 世帯番号 ${h.householdNo}`}>
      <h1 class="text-std-32B-150">世帯票: 世帯番号 {h.householdNo}</h1>
      <div class="mt-4">
        <Facts testid="household-facts" rows={[
          ['世帯主', head ? `${head.familyName}　${head.givenName}`.trim() || head.romanName || '' : '（世帯主なし）'],
          ['住所', a ? `${a.townName}${a.banchi}${a.katagaki ? `　${a.katagaki}` : ''}` : ''],
          ['世帯ID', <span class="break-all" data-testid="household-id">{h.householdId}</span>],
          ['世帯の版', String(h.version)],
          ['審査中の異動', h.pendingChangeId ? 'あり（仮登録）' : 'なし'],
        ]} />
      </div>
      <div class="mt-4 flex flex-wrap gap-4">
        {p.canIssue ? <a class="button-primary" href={`/console/certificates?householdId=${h.householdId}`}>世帯の証明書を交付する</a> : null}
        <a class="link" href={`/console/registry/households/${h.householdId}?includeRemoved=true`}>除票の世帯員も表示</a>
      </div>
      {p.canChange && !h.pendingChangeId ? (
        <section class="mt-6" aria-labelledby="hh-changes-heading">
          <h2 id="hh-changes-heading" class="text-std-20B-150">異動を入力する</h2>
          <div class="mt-2"><ChangeLinks kinds={HOUSEHOLD_CHANGES} query={`householdId=${h.householdId}`} label="この世帯の異動" /></div>
        </section>
      ) : null}
      <section class="mt-8" aria-labelledby="members-heading">
        <h2 id="members-heading" class="text-std-20B-150">世帯員</h2>
        <div class="mt-2 overflow-x-auto">
          <table class="w-full border-collapse" data-keynav data-testid="members">
            <thead><tr>
              <th scope="col" class={th}>続柄</th><th scope="col" class={th}>氏名</th><th scope="col" class={th}>読み</th>
              <th scope="col" class={th}>生年月日</th><th scope="col" class={th}>性別</th><th scope="col" class={th}>状態</th>
            </tr></thead>
            <tbody>
              {h.members.map((m) => (
                <tr>
                  <td class={td}>{m.relationship}</td>
                  <td class={td}><a class="link" href={`/console/registry/persons/${m.personId}`}>{`${m.familyName}　${m.givenName}`.trim() || m.romanName}</a></td>
                  <td class={td}>{`${m.familyNameKana}　${m.givenNameKana}`.trim()}</td>
                  <td class={`${td} whitespace-nowrap`}>{m.birthDate.display}</td>
                  <td class={td}>{SEX_LABELS[m.sex]}</td>
                  <td class={td}>{PERSON_STATUS_LABELS[m.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </RegistryLayout>
  );
}

// SPDX-License-Identifier: EUPL-1.2
/**
 * 住所一括変更 (/console/registry/address-changes): the table of rules (old 町字 and 番地 → new 町字 and 番地),
 * the trial run (試行: the households affected and the conflicts, nothing written) and the real run (one 職権
 * 住居表示・区画整理 change per household as 仮登録).
 */
import type { ConsoleContext } from '../layout/console-layout.tsx';
import { DATE_HINT, val, type FormValues } from './registry-change.page.tsx';
import { CheckField, ErrorSummary, Facts, RegistryLayout, SelectField, td, TextField, th, type FieldErrors } from './registry-ui.tsx';

/** Number of rule rows on the form. */
export const RULE_ROWS = 5;

/** Result of a trial or real run (the API's AddressChangeResult). */
export interface AddressBatchResult {
  dryRun: boolean; households: number; persons: number; unusedRules: number[];
  items: Array<{ householdId: string; householdNo: string; version: number; personIds: string[]; ruleIndex: number; changeId: string | null;
    from: { townName: string; banchi: string; katagaki: string }; to: { townName: string; banchi: string; katagaki: string } }>;
  conflicts: Array<{ householdId: string; code: string }>;
}

/** Why a household was skipped, in Japanese. */
const CONFLICT_LABELS: Record<string, string> = {
  'ambiguous-rule': '対応表の二つ以上の行に該当します',
  'provisional-change-pending': '審査中（仮登録）の異動があります',
  'household-version-conflict': '試行の後に世帯が更新されました',
  'household-address-mismatch': '世帯員の住所が一致しません',
  'change-date-before-last': '実施日より後の異動があります',
};

/** Labels of the fields (error summary). */
export function addressBatchLabels(): Record<string, string> {
  const l: Record<string, string> = { occurredOn: '実施日', cause: '変更の事由', rules: '対応表' };
  for (let i = 0; i < RULE_ROWS; i++) {
    const n = `${i + 1}行目の`;
    Object.assign(l, { [`r${i}-fromTown`]: `${n}変更前の町字`, [`r${i}-banchiFrom`]: `${n}番地（から）`, [`r${i}-banchiTo`]: `${n}番地（まで）`,
      [`r${i}-fromBanchi`]: `${n}変更前の番地`, [`r${i}-toTown`]: `${n}変更後の町字`, [`r${i}-toBanchi`]: `${n}変更後の番地` });
  }
  return l;
}

type Props = ConsoleContext & { canChange: boolean; canReview: boolean; csrfToken: string };
const addressText = (a: { townName: string; banchi: string; katagaki: string }) => `${a.townName}${a.banchi}${a.katagaki ? `　${a.katagaki}` : ''}`;

/** The form: cause, date and the rule rows. */
export function AddressBatchFormPage(p: Props & { values: FormValues; errors: FieldErrors; error?: { message: string; code?: string }; towns: string[] }) {
  const { values: v, errors: e } = p;
  return (
    <RegistryLayout {...p} title="住所一括変更" sub="address-changes">
      <h1 class="text-std-32B-150">住所一括変更（住居表示の実施・区画整理）</h1>
      <p class="mt-2 max-w-4xl">対応表の町字・番地に住む世帯の住所を一括で変更します。まず試行して対象の世帯を確認し、その後に一括で仮登録します（世帯ごとに職権の異動になります）。</p>
      <div class="mt-6"><ErrorSummary message={p.error?.message} code={p.error?.code} errors={e} labels={addressBatchLabels()} /></div>
      <form method="post" action="/console/registry/address-changes" class="flex max-w-5xl flex-col gap-5" novalidate data-testid="address-batch-form">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="step" value="trial" />
        <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
          <legend class="px-1 text-std-16B-170">実施日・事由</legend>
          <TextField name="occurredOn" label="実施日" value={val(v, 'occurredOn')} hint={DATE_HINT} error={e.occurredOn} autofocus required />
          <SelectField name="cause" label="変更の事由" value={val(v, 'cause')} error={e.cause} required
            options={[['', '選択してください'], ['住居表示', '住居表示の実施'], ['区画整理', '土地区画整理事業等']]} />
        </fieldset>
        {Array.from({ length: RULE_ROWS }, (_, i) => {
          const f = (k: string) => `r${i}-${k}`;
          return (
            <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4" id={i === 0 ? 'rules' : undefined}>
              <legend class="px-1 text-std-16B-170">対応表 {i + 1}行目{i > 0 ? '（必要な場合）' : ''}</legend>
              <div class="grid grid-cols-1 gap-4 md:grid-cols-3">
                <TextField name={f('fromTown')} label="変更前の町字" value={val(v, f('fromTown'))} list="town-list" error={e[f('fromTown')]} required={i === 0} />
                <TextField name={f('banchiFrom')} label="番地（から）" value={val(v, f('banchiFrom'))} inputmode="numeric" hint="番地の範囲の最初（数字）" error={e[f('banchiFrom')]} />
                <TextField name={f('banchiTo')} label="番地（まで）" value={val(v, f('banchiTo'))} inputmode="numeric" hint="範囲の最後（数字）" error={e[f('banchiTo')]} />
                <TextField name={f('fromBanchi')} label="変更前の番地（一致）" value={val(v, f('fromBanchi'))} hint="一つの番地だけを対象にする場合（例: 1-1）" error={e[f('fromBanchi')]} />
                <TextField name={f('toTown')} label="変更後の町字" value={val(v, f('toTown'))} list="town-list" error={e[f('toTown')]} required={i === 0} />
                <TextField name={f('toBanchi')} label="変更後の番地" value={val(v, f('toBanchi'))} hint="空欄なら番地は変わりません" error={e[f('toBanchi')]} />
              </div>
              <CheckField name={f('unlisted')} label="変更後の町字を町字一覧にない町字として登録する" checked={val(v, f('unlisted')) === '1'} />
            </fieldset>
          );
        })}
        <TextField name="note" label="備考" value={val(v, 'note')} error={e.note} />
        <datalist id="town-list">{p.towns.map((t) => <option value={t} />)}</datalist>
        <div><button class="button-primary" type="submit">試行する（記録しません）</button></div>
      </form>
    </RegistryLayout>
  );
}

/** The households of a run and the skipped ones. */
function BatchTables(p: { result: AddressBatchResult }) {
  const r = p.result;
  return (
    <>
      <section class="mt-6" aria-labelledby="batch-items-heading">
        <h2 id="batch-items-heading" class="text-std-20B-150">対象の世帯（{r.households}世帯・{r.persons}人）</h2>
        <div class="mt-2 overflow-x-auto">
          <table class="w-full border-collapse" data-testid="batch-items">
            <thead><tr><th scope="col" class={th}>世帯番号</th><th scope="col" class={th}>変更前の住所</th><th scope="col" class={th}>変更後の住所</th><th scope="col" class={th}>対応表</th></tr></thead>
            <tbody>
              {r.items.map((it) => (
                <tr>
                  <td class={td}><a class="link" href={`/console/registry/households/${it.householdId}`}>{it.householdNo}</a></td>
                  <td class={td}>{addressText(it.from)}</td><td class={td}>{addressText(it.to)}</td><td class={td}>{it.ruleIndex + 1}行目</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {r.conflicts.length > 0 ? (
        <section class="mt-6" aria-labelledby="batch-conflicts-heading" data-testid="batch-conflicts">
          <h2 id="batch-conflicts-heading" class="text-std-20B-150">変更しない世帯（{r.conflicts.length}世帯）</h2>
          <ul class="mt-2 list-disc pl-6">
            {r.conflicts.map((c) => <li><a class="link" href={`/console/registry/households/${c.householdId}`}>世帯票</a>: {CONFLICT_LABELS[c.code] ?? c.code}</li>)}
          </ul>
        </section>
      ) : null}
      {r.unusedRules.length > 0 ? <p class="mt-4">該当する世帯がない行: {r.unusedRules.map((i) => `${i + 1}行目`).join('、')}</p> : null}
    </>
  );
}

/** The trial run: what would change; Enter records it (仮登録) with the versions seen here. */
export function AddressBatchTrialPage(p: Props & { result: AddressBatchResult; values: FormValues; summary: Array<[string, string]> }) {
  const versions = Object.fromEntries(p.result.items.map((it) => [it.householdId, it.version]));
  return (
    <RegistryLayout {...p} title="住所一括変更の試行結果" sub="address-changes">
      <h1 class="text-std-32B-150">住所一括変更の試行結果</h1>
      <section class="card mt-6 max-w-4xl" data-testid="batch-trial"><Facts rows={p.summary} /></section>
      <BatchTables result={p.result} />
      <p class="mt-6 max-w-4xl">試行では何も記録していません。一括で仮登録すると、世帯ごとの異動が決裁者の本登録を待ちます。試行の後に更新された世帯は変更しません。</p>
      <form method="post" action="/console/registry/address-changes" class="mt-4 flex flex-wrap items-center gap-4" data-once>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="form" value={JSON.stringify(p.values)} />
        <input type="hidden" name="versions" value={JSON.stringify(versions)} />
        {p.result.households > 0 ? <button class="button-primary" type="submit" name="step" value="run" autofocus>{p.result.households}世帯を一括で仮登録する</button> : null}
        <button class="button-secondary" type="submit" name="step" value="edit" autofocus={p.result.households === 0}>対応表を修正する</button>
      </form>
    </RegistryLayout>
  );
}

/** The real run: recorded as 仮登録. */
export function AddressBatchResultPage(p: Props & { result: AddressBatchResult }) {
  return (
    <RegistryLayout {...p} title="住所一括変更を仮登録しました" sub="address-changes">
      <h1 class="text-std-32B-150">住所一括変更を仮登録しました</h1>
      <div class="banner-success mt-6" role="status" data-testid="batch-result">
        <p class="text-std-18B-160">{p.result.households}世帯（{p.result.persons}人）の住所の変更を仮登録しました。決裁者の本登録を待っています。</p>
      </div>
      <BatchTables result={p.result} />
      <p class="mt-6 flex flex-wrap gap-6">
        <a class="link" href="/console/registry">住民検索へ</a>
        {p.canReview ? <a class="link" href="/console/registry/provisional">仮登録一覧へ</a> : null}
      </p>
    </RegistryLayout>
  );
}

// SPDX-License-Identifier: EUPL-1.2
/**
 * 住所一括変更 (/console/registry/address-changes): the table of rules (old 町字 and 番地 → new 町字 and 番地),
 * the trial run (試行: the households affected and the conflicts, nothing written) and the real run (one 職権
 * 住居表示・区画整理 change per household as 仮登録).
 */
import { newFormToken } from '../../platform/http/idempotency.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import type { Lang } from '../ui/i18n.ts';
import { val, type FormValues } from './registry-change.page.tsx';
import { changeFormText } from './registry-change-i18n.ts';
import { registryText } from './registry-i18n.ts';
import { CheckField, DateField, ErrorSummary, Facts, RegistryLayout, SelectField, td, TextField, th, type FieldErrors } from './registry-ui.tsx';

/** Number of rule rows on the form. */
export const RULE_ROWS = 5;

/** Result of a trial or real run (the API's AddressChangeResult). */
export interface AddressBatchResult {
  dryRun: boolean; households: number; persons: number; unusedRules: number[];
  items: Array<{ householdId: string; householdNo: string; version: number; personIds: string[]; ruleIndex: number; changeId: string | null;
    from: { townName: string; banchi: string; katagaki: string }; to: { townName: string; banchi: string; katagaki: string } }>;
  conflicts: Array<{ householdId: string; code: string; message?: string }>;
}

/** Labels of the fields (error summary). */
export function addressBatchLabels(lang: Lang): Record<string, string> {
  const t = changeFormText(lang);
  const b = t.batch;
  const l: Record<string, string> = { occurredOn: b.occurredOn, cause: t.items.cause, rules: b.rules };
  for (let i = 0; i < RULE_ROWS; i++) {
    for (const [k, label] of Object.entries(b.labels)) l[`r${i}-${k}`] = b.rowLabel(i + 1, label);
  }
  return l;
}

type Props = ConsoleContext & { canChange: boolean; canReview: boolean; csrfToken: string };
const addressText = (a: { townName: string; banchi: string; katagaki: string }) => `${a.townName}${a.banchi}${a.katagaki ? `　${a.katagaki}` : ''}`;

/** The form: cause, date and the rule rows. */
export function AddressBatchFormPage(p: Props & { values: FormValues; errors: FieldErrors; error?: { message: string; code?: string }; towns: string[] }) {
  const { values: v, errors: e } = p;
  const t = changeFormText(p.lang);
  const b = t.batch;
  return (
    <RegistryLayout {...p} title={b.title} sub="address-changes">
      <h1 class="text-std-32B-150">{b.heading}</h1>
      <p class="mt-2 max-w-4xl">{b.lead}</p>
      <div class="mt-6"><ErrorSummary message={p.error?.message} code={p.error?.code} errors={e} labels={addressBatchLabels(p.lang)} /></div>
      <form method="post" action="/console/registry/address-changes" class="flex max-w-5xl flex-col gap-5" novalidate data-testid="address-batch-form">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="step" value="trial" />
        <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
          <legend class="px-1 text-std-16B-170">{b.dateAndCause}</legend>
          <DateField name="occurredOn" label={b.occurredOn} value={val(v, 'occurredOn')} error={e.occurredOn} autofocus required />
          <SelectField name="cause" label={t.items.cause} value={val(v, 'cause')} error={e.cause} required
            options={[['', t.choose], ['住居表示', t.itemValues.cause.住居表示], ['区画整理', t.itemValues.cause.区画整理]]} />
        </fieldset>
        {Array.from({ length: RULE_ROWS }, (_, i) => {
          const f = (k: string) => `r${i}-${k}`;
          return (
            <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4" id={i === 0 ? 'rules' : undefined}>
              <legend class="px-1 text-std-16B-170">{b.rule(i + 1)}{i > 0 ? b.optional : ''}</legend>
              <div class="grid grid-cols-1 gap-4 md:grid-cols-3">
                <TextField name={f('fromTown')} label={b.labels.fromTown} value={val(v, f('fromTown'))} list="town-list" error={e[f('fromTown')]} required={i === 0} />
                <TextField name={f('banchiFrom')} label={b.labels.banchiFrom} value={val(v, f('banchiFrom'))} inputmode="numeric" hint={b.banchiFromHint} error={e[f('banchiFrom')]} />
                <TextField name={f('banchiTo')} label={b.labels.banchiTo} value={val(v, f('banchiTo'))} inputmode="numeric" hint={b.banchiToHint} error={e[f('banchiTo')]} />
                <TextField name={f('fromBanchi')} label={b.fromBanchiMatch} value={val(v, f('fromBanchi'))} hint={b.fromBanchiHint} error={e[f('fromBanchi')]} />
                <TextField name={f('toTown')} label={b.labels.toTown} value={val(v, f('toTown'))} list="town-list" error={e[f('toTown')]} required={i === 0} />
                <TextField name={f('toBanchi')} label={b.labels.toBanchi} value={val(v, f('toBanchi'))} hint={b.toBanchiHint} error={e[f('toBanchi')]} />
              </div>
              <CheckField name={f('unlisted')} label={b.unlisted} checked={val(v, f('unlisted')) === '1'} />
            </fieldset>
          );
        })}
        <TextField name="note" label={t.fields.note} value={val(v, 'note')} error={e.note} />
        <datalist id="town-list">{p.towns.map((t) => <option value={t} />)}</datalist>
        <div><button class="button-primary" type="submit">{b.trial}</button></div>
      </form>
    </RegistryLayout>
  );
}

/** The households of a run and the skipped ones. */
function BatchTables(p: { result: AddressBatchResult; lang: Lang }) {
  const r = p.result;
  const t = changeFormText(p.lang);
  const b = t.batch;
  return (
    <>
      <section class="mt-6" aria-labelledby="batch-items-heading">
        <h2 id="batch-items-heading" class="text-std-20B-150">{b.households(r.households, r.persons)}</h2>
        <div class="mt-2 overflow-x-auto">
          <table class="w-full border-collapse" data-testid="batch-items">
            <thead><tr><th scope="col" class={th}>{b.columns.householdNo}</th><th scope="col" class={th}>{b.columns.from}</th><th scope="col" class={th}>{b.columns.to}</th><th scope="col" class={th}>{b.columns.rule}</th></tr></thead>
            <tbody>
              {r.items.map((it) => (
                <tr>
                  <td class={td}><a class="link" href={`/console/registry/households/${it.householdId}`}>{it.householdNo}</a></td>
                  <td class={td}>{addressText(it.from)}</td><td class={td}>{addressText(it.to)}</td><td class={td}>{b.row(it.ruleIndex + 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {r.conflicts.length > 0 ? (
        <section class="mt-6" aria-labelledby="batch-conflicts-heading" data-testid="batch-conflicts">
          <h2 id="batch-conflicts-heading" class="text-std-20B-150">{b.skipped(r.conflicts.length)}</h2>
          <ul class="mt-2 list-disc pl-6">
            {r.conflicts.map((c) => <li><a class="link" href={`/console/registry/households/${c.householdId}`}>{registryText(p.lang).change.householdRecord}</a>: {b.conflicts[c.code] ?? c.message ?? c.code}</li>)}
          </ul>
        </section>
      ) : null}
      {r.unusedRules.length > 0 ? <p class="mt-4">{b.unused(r.unusedRules.map((i) => b.row(i + 1)).join(t.listSeparator))}</p> : null}
    </>
  );
}

/** The trial run: what would change; Enter records it (仮登録) with the versions seen here. */
export function AddressBatchTrialPage(p: Props & { result: AddressBatchResult; values: FormValues; summary: Array<[string, string]> }) {
  const versions = Object.fromEntries(p.result.items.map((it) => [it.householdId, it.version]));
  const b = changeFormText(p.lang).batch;
  return (
    <RegistryLayout {...p} title={b.trialTitle} sub="address-changes">
      <h1 class="text-std-32B-150">{b.trialTitle}</h1>
      <section class="card mt-6 max-w-4xl" data-testid="batch-trial"><Facts rows={p.summary} /></section>
      <BatchTables result={p.result} lang={p.lang} />
      <p class="mt-6 max-w-4xl">{b.trialLead}</p>
      <form method="post" action="/console/registry/address-changes" class="mt-4 flex flex-wrap items-center gap-4" data-once>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="form" value={JSON.stringify(p.values)} />
        <input type="hidden" name="_idem" value={newFormToken()} />
        <input type="hidden" name="versions" value={JSON.stringify(versions)} />
        {p.result.households > 0 ? <button class="button-primary" type="submit" name="step" value="run" autofocus>{b.run(p.result.households)}</button> : null}
        <button class="button-secondary" type="submit" name="step" value="edit" autofocus={p.result.households === 0}>{b.edit}</button>
      </form>
    </RegistryLayout>
  );
}

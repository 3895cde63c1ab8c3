// SPDX-License-Identifier: EUPL-1.2
/**
 * バッチ処理・統計 (/console/registry/batches): one request form per kind (年報, 入管への定期報告, 閲覧用写し, 無作為抽出),
 * then the runs with their conditions in words, status, row count, alerts and download links. Dates in 和暦.
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import { newFormToken } from '../../platform/http/idempotency.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { warekiTime } from './registry-change-detail.page.tsx';
import { batchText, type BatchDictionary } from './registry-batch-i18n.ts';
import { DateField, ErrorSummary, RegistryLayout, td, th, wareki, type FieldErrors } from './registry-ui.tsx';

import { frequencyText } from '../../domains/registry/batch/batch-schedule.ts';

export type BatchSchedule = Awaited<ReturnType<RegistryService['listBatchSchedules']>>[number];
export type BatchRun = Awaited<ReturnType<RegistryService['listBatchRuns']>>[number];
export const BATCH_FORM_KINDS = ['annual-report', 'immigration-report', 'inspection-copy', 'random-extraction', 'guardianship-notices', 'cs-consistency'] as const;

export interface BatchPageProps extends ConsoleContext {
  canChange: boolean;
  canReview: boolean;
  csrfToken: string;
  runs: BatchRun[];
  schedules: BatchSchedule[];
  scheduleAdded?: boolean;
  towns: Record<string, string>;
  done?: boolean;
  /** The kind whose form has errors, its values and errors. */
  form?: { kind: string; values: Record<string, string>; errors: FieldErrors };
  error?: { message: string; code?: string };
}

/** The run's conditions in words. */
export function describeParameters(run: Pick<BatchRun, 'parameters'>, t: BatchDictionary, towns: Record<string, string>): string {
  const p = run.parameters as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof p.from === 'string' && typeof p.to === 'string') parts.push(t.period(wareki(p.from), wareki(p.to)));
  if (typeof p.asOf === 'string') parts.push(t.asOf(wareki(p.asOf)));
  if (typeof p.order === 'string') parts.push(t.orders[p.order] ?? '');
  if (typeof p.count === 'number') parts.push(`${t.count} ${p.count}`);
  if (p.ageFrom !== undefined || p.ageTo !== undefined) parts.push(t.age(String(p.ageFrom ?? ''), String(p.ageTo ?? '')));
  if (typeof p.sex === 'string') parts.push(t.sexes[p.sex] ?? '');
  if (Array.isArray(p.townCodes)) parts.push(p.townCodes.length <= 3 ? p.townCodes.map((c) => towns[String(c)] ?? '').join('・') : t.towns(p.townCodes.length));
  if (typeof p.seed === 'string') parts.push(t.seedOf(p.seed));
  if (typeof p.file === 'string') parts.push(t.fileOf(p.file));
  return parts.filter(Boolean).join('　');
}

function RequestForm(p: BatchPageProps & { kind: (typeof BATCH_FORM_KINDS)[number] }) {
  const t = batchText(p.lang);
  const mine = p.form?.kind === p.kind ? p.form : undefined;
  const v = (k: string) => mine?.values[k] ?? '';
  const id = (k: string) => `${p.kind}-${k}`;
  const e = (k: string) => mine?.errors[id(k)];
  const num = (k: string, label: string) => (
    <div class="form-field">
      <label class="form-label" for={id(k)}>{label}</label>
      {e(k) ? <p class="form-error" id={`${id(k)}-error`}>{e(k)}</p> : null}
      <input class="form-control w-32" id={id(k)} name={k} type="text" inputmode="numeric" value={v(k)} aria-invalid={e(k) ? 'true' : undefined} aria-describedby={e(k) ? `${id(k)}-error` : undefined} />
    </div>
  );
  return (
    <section class="card" aria-labelledby={`${p.kind}-title`} data-testid={`batch-form-${p.kind}`}>
      <h2 class="text-std-20B-150" id={`${p.kind}-title`}>{t.kinds[p.kind]}</h2>
      <p class="mt-1 text-std-16N-170">{t.hints[p.kind]}</p>
      <form method="post" action="/console/registry/batches" class="mt-4 flex flex-wrap items-end gap-4" novalidate data-once>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="_idem" value={newFormToken()} />
        <input type="hidden" name="kind" value={p.kind} />
        {p.kind === 'annual-report' || p.kind === 'immigration-report' || p.kind === 'guardianship-notices' ? (
          <>
            <DateField name="from" id={id('from')} label={t.from} value={v('from')} error={e('from')} />
            <DateField name="to" id={id('to')} label={t.to} value={v('to')} error={e('to')} />
          </>
        ) : null}
        {p.kind === 'inspection-copy' ? (
          <div class="form-field">
            <label class="form-label" for={id('order')}>{t.order}</label>
            <select class="form-control" id={id('order')} name="order">
              {['address', 'kana'].map((o) => <option value={o} selected={v('order') === o}>{t.orders[o]}</option>)}
            </select>
          </div>
        ) : null}
        {p.kind === 'random-extraction' ? (
          <>
            {num('count', t.count)}
            {num('ageFrom', t.ageFrom)}
            {num('ageTo', t.ageTo)}
            <div class="form-field">
              <label class="form-label" for={id('sex')}>{t.sex}</label>
              <select class="form-control" id={id('sex')} name="sex">
                <option value="">{t.anySex}</option>
                {['male', 'female'].map((s) => <option value={s} selected={v('sex') === s}>{t.sexes[s]}</option>)}
              </select>
            </div>
            <div class="form-field">
              <label class="form-label" for={id('seed')}>{t.seed}</label>
              {e('seed') ? <p class="form-error" id={`${id('seed')}-error`}>{e('seed')}</p> : null}
              <input class="form-control w-48" id={id('seed')} name="seed" type="text" value={v('seed')} autocomplete="off" aria-invalid={e('seed') ? 'true' : undefined} />
            </div>
          </>
        ) : null}
        {p.kind === 'cs-consistency' ? (
          <div class="form-field">
            <label class="form-label" for={id('file')}>{t.file}</label>
            {e('file') ? <p class="form-error" id={`${id('file')}-error`}>{e('file')}</p> : null}
            <input class="form-control w-64" id={id('file')} name="file" type="text" value={v('file')} autocomplete="off" aria-invalid={e('file') ? 'true' : undefined} aria-describedby={e('file') ? `${id('file')}-error` : undefined} />
          </div>
        ) : null}
        <button class="button-primary" type="submit">{t.request}</button>
      </form>
    </section>
  );
}

/** 定期実行の設定: the schedules and a form to add one (kind with default parameters, frequency, day). */
function Schedules(p: BatchPageProps) {
  const t = batchText(p.lang);
  const mine = p.form?.kind === 'schedule' ? p.form : undefined;
  const v = (k: string) => mine?.values[k] ?? '';
  const e = (k: string) => mine?.errors[`schedule-${k}`];
  const field = (k: string, label: string, cls = 'w-24') => (
    <div class="form-field">
      <label class="form-label" for={`schedule-${k}`}>{label}</label>
      {e(k) ? <p class="form-error" id={`schedule-${k}-error`}>{e(k)}</p> : null}
      <input class={`form-control ${cls}`} id={`schedule-${k}`} name={k} type="text" value={v(k)} aria-invalid={e(k) ? 'true' : undefined} aria-describedby={e(k) ? `schedule-${k}-error` : undefined} />
    </div>
  );
  return (
    <section class="card mt-6 max-w-6xl" aria-labelledby="schedules-title" data-testid="batch-schedules">
      <h2 class="text-std-20B-150" id="schedules-title">{t.schedules}</h2>
      <p class="mt-1 text-std-16N-170">{t.schedulesLead}</p>
      {p.scheduleAdded ? <div class="banner-success mt-2" role="status">{t.scheduleAdded}</div> : null}
      {p.schedules.length === 0 ? <p class="mt-2">{t.noSchedules}</p> : (
        <div class="mt-4 overflow-x-auto">
          <table class="w-full border-collapse text-left">
            <thead><tr>{[t.scheduleColumns.kind, t.scheduleColumns.frequency, t.scheduleColumns.next, t.scheduleColumns.last, t.scheduleColumns.changed, t.scheduleColumns.active].map((h) => <th class={th} scope="col">{h}</th>)}</tr></thead>
            <tbody>
              {p.schedules.map((s) => (
                <tr data-testid="batch-schedule">
                  <td class={td}>{t.kinds[s.kind] ?? ''}</td>
                  <td class={td}>{frequencyText(s.frequency, p.lang === 'en' ? 'en' : 'ja', s.frequency.every === 'once' ? wareki(s.frequency.on) : '')}</td>
                  <td class={td}>{s.active ? wareki(s.nextRunOn) : ''}</td>
                  <td class={td}>{s.lastRunOn ? wareki(s.lastRunOn) : ''}</td>
                  <td class={td}>{s.parametersChangedAt ? <strong data-testid="parameters-changed">{t.changedAt(warekiTime(s.parametersChangedAt))}</strong> : t.unchanged}</td>
                  <td class={td}>{t.activeStates[String(s.active)]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action="/console/registry/batches/schedules" class="mt-4 flex flex-wrap items-end gap-4" novalidate data-once>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <div class="form-field">
          <label class="form-label" for="schedule-kind">{t.columns.kind}</label>
          <select class="form-control" id="schedule-kind" name="kind">
            {BATCH_FORM_KINDS.filter((k) => k !== 'random-extraction').map((k) => <option value={k} selected={v('kind') === k}>{t.kinds[k]}</option>)}
          </select>
        </div>
        <div class="form-field">
          <label class="form-label" for="schedule-every">{t.every}</label>
          <select class="form-control" id="schedule-every" name="every">
            {Object.entries(t.everies).map(([k, label]) => <option value={k} selected={(v('every') || 'month-end') === k}>{label}</option>)}
          </select>
        </div>
        <div class="form-field">
          <label class="form-label" for="schedule-weekday">{t.weekday}</label>
          <select class="form-control" id="schedule-weekday" name="weekday">
            {t.weekdays.map((w, i) => <option value={String(i)} selected={v('weekday') === String(i)}>{w}</option>)}
          </select>
        </div>
        {field('day', t.dayOfMonth)}
        {field('month', t.month)}
        <DateField name="on" id="schedule-on" label={t.onDate} value={v('on')} error={e('on')} />
        <button class="button-primary" type="submit">{t.addSchedule}</button>
      </form>
    </section>
  );
}

/** The batch page. */
export function BatchPage(p: BatchPageProps) {
  const t = batchText(p.lang);
  return (
    <RegistryLayout {...p} title={t.title} sub="batches">
      <h1 class="text-std-32B-150">{t.title}</h1>
      {p.error ? <ErrorSummary message={p.error.message} code={p.error.code} /> : null}
      {p.form && Object.keys(p.form.errors).length > 0 && !p.error ? <ErrorSummary errors={p.form.errors} /> : null}
      {p.done ? <div class="banner-success mt-4" role="status" data-testid="done">{t.queued}</div> : null}
      <p class="mt-2 max-w-4xl">{t.lead}</p>
      <div class="mt-6 grid max-w-6xl gap-6">
        {BATCH_FORM_KINDS.map((k) => <RequestForm {...p} kind={k} />)}
      </div>
      <Schedules {...p} />
      <h2 class="mt-10 text-std-24B-150">{t.runs}</h2>
      {p.runs.length === 0 ? <p class="mt-2">{t.none}</p> : (
        <div class="mt-4 overflow-x-auto">
          <table class="w-full border-collapse text-left" data-testid="batch-runs">
            <thead><tr>{[t.columns.kind, t.columns.requestedAt, t.columns.requestedBy, t.columns.parameters, t.columns.status, t.columns.rows, t.columns.alerts, t.columns.result].map((h) => <th class={th} scope="col">{h}</th>)}</tr></thead>
            <tbody>
              {p.runs.map((r) => (
                <tr data-testid="batch-run">
                  <td class={td}>{t.kinds[r.kind] ?? ''}</td>
                  <td class={td}>{warekiTime(r.requestedAt)}</td>
                  <td class={td}>{r.requestedByName}</td>
                  <td class={td}>{describeParameters(r, t, p.towns)}</td>
                  <td class={td}>{t.statuses[r.status] ?? ''}</td>
                  <td class={td}>{r.status === 'done' ? t.rowsOf(r.rowCount) : ''}</td>
                  <td class={td}>
                    {r.alerts.length ? <ul class="list-disc pl-5">{r.alerts.map((a) => <li data-alert-code={a.code}>{a.message}</li>)}</ul> : null}
                  </td>
                  <td class={td}>
                    {r.status === 'done' ? (
                      <ul>
                        <li><a class="link" href={`/console/registry/batches/${r.runId}/result.csv`} download>{t.csv}</a></li>
                        {r.kind === 'random-extraction' ? <li><a class="link" href={`/console/registry/batches/${r.runId}/labels.pdf`}>{t.labels}</a></li> : null}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </RegistryLayout>
  );
}

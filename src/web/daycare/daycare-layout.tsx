// SPDX-License-Identifier: EUPL-1.2
/** Frame and small building blocks shared by the daycare pages: the round menu, tables, banners, fields. */
import { FORM_TOKEN_FIELD, newFormToken } from '../../platform/http/idempotency.ts';
import type { Child } from 'hono/jsx';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import type { DaycareDictionary } from './daycare-i18n.ts';

/** What every daycare page gets. */
export interface DaycareContext extends ConsoleContext {
  d: DaycareDictionary;
}

/** The round a page belongs to (for the frame). */
export interface RoundHeader {
  roundId: string;
  name: string;
  kind: string;
  status: string;
}

/** Keys of the round menu. */
export type RoundTab = keyof DaycareDictionary['tabs'];

const TAB_PATHS: Record<RoundTab, string> = {
  overview: '', facilities: '/facilities', applications: '/applications', cutoffs: '/cutoffs', whatIf: '/what-if', comparison: '/comparison',
};

/** URL of a round page. */
export const roundPath = (roundId: string, sub = '') => `/console/daycare/rounds/${encodeURIComponent(roundId)}${sub}`;

/** The console frame with the daycare title, the round's heading and its menu. */
export function RoundFrame(props: DaycareContext & { round: RoundHeader; tab: RoundTab | undefined; title: string; children?: Child }) {
  const { d, round } = props;
  return (
    <ConsoleLayout {...props} title={`${props.title} | ${round.name}`} current="daycare">
      <p class="text-dns-16N-130"><a class="link" href="/console/daycare">{d.back}</a></p>
      <p class="mt-4 text-dns-16N-130 text-solid-gray-700">
        {round.name}（{round.roundId}・{d.kinds[round.kind]}） <span class="badge">{d.statuses[round.status]}</span>
      </p>
      <h1 class="mt-1 text-std-32B-150">{props.title}</h1>
      <nav aria-label={d.roundMenu} class="mt-4 border-b border-solid-gray-420">
        <ul class="flex flex-wrap gap-x-1">
          {(Object.keys(TAB_PATHS) as RoundTab[]).map((k) => (
            <li><a class="nav-link" href={roundPath(round.roundId, TAB_PATHS[k])} aria-current={props.tab === k ? 'page' : undefined}>{d.tabs[k]}</a></li>
          ))}
        </ul>
      </nav>
      <div class="mt-6 flex flex-col gap-8">{props.children}</div>
    </ConsoleLayout>
  );
}

/** A status message (success) or an error banner. */
export function Banner(props: { kind: 'success' | 'error'; children?: Child }) {
  return props.kind === 'success'
    ? <div class="banner-success" role="status">{props.children}</div>
    : <div class="banner-error" role="alert" tabindex={-1} data-error-summary>{props.children}</div>;
}

/** A data table with a caption and column headers. */
export function DataTable(props: { caption: string; head: (string | Child)[]; rows: Child[][]; numeric?: number[]; captionHidden?: boolean }) {
  const num = new Set(props.numeric ?? []);
  return (
    <div class="overflow-x-auto">
      <table class="w-full border-collapse text-dns-16N-130">
        <caption class={props.captionHidden ? 'sr-only' : 'mb-2 text-left text-std-20B-150'}>{props.caption}</caption>
        <thead>
          <tr class="border-b-2 border-solid-gray-800">
            {props.head.map((h, i) => <th scope="col" class={`px-2 py-2 ${num.has(i) ? 'text-right' : 'text-left'} text-dns-16B-130`}>{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr class="border-b border-solid-gray-420">
              {r.map((cell, i) => (i === 0
                ? <th scope="row" class={`px-2 py-2 text-left font-normal ${num.has(i) ? 'text-right' : ''}`}>{cell}</th>
                : <td class={`px-2 py-2 ${num.has(i) ? 'text-right tabular-nums' : ''}`}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A labelled text input. */
export function Field(props: { id: string; name?: string; label: string; value?: string | number; hint?: string; type?: string; required?: boolean; pattern?: string; inputmode?: 'numeric' | 'decimal' | 'text' }) {
  return (
    <div class="form-field">
      <label class="form-label" for={props.id}>{props.label}</label>
      {props.hint ? <p class="form-hint" id={`${props.id}-hint`}>{props.hint}</p> : null}
      <input class="form-control" id={props.id} name={props.name ?? props.id} type={props.type ?? 'text'} value={props.value === undefined ? '' : String(props.value)}
        required={props.required} pattern={props.pattern} inputmode={props.inputmode} aria-describedby={props.hint ? `${props.id}-hint` : undefined} />
    </div>
  );
}

/** A labelled select. */
export function SelectField(props: { id: string; name?: string; label: string; value?: string; options: Array<[string, string]> }) {
  return (
    <div class="form-field">
      <label class="form-label" for={props.id}>{props.label}</label>
      <select class="form-control" id={props.id} name={props.name ?? props.id}>
        {props.options.map(([v, l]) => <option value={v} selected={v === props.value}>{l}</option>)}
      </select>
    </div>
  );
}

/** A POST form with the CSRF token and a one-time token (a reload or second click records nothing twice). */
export function PostForm(props: { action: string; csrf: string; children?: Child; multipart?: boolean; label?: string }) {
  return (
    <form method="post" action={props.action} data-once enctype={props.multipart ? 'multipart/form-data' : undefined} aria-label={props.label} class="flex flex-col gap-4">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name={FORM_TOKEN_FIELD} value={newFormToken()} />
      {props.children}
    </form>
  );
}

/** Percentage with one decimal. */
export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Integer with thousands separators. */
export const count = (n: number) => n.toLocaleString('ja-JP');

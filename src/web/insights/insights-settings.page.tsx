// SPDX-License-Identifier: EUPL-1.2
/**
 * 見える化の設定 (/console/insights/settings): population (its band places the municipality among its peers), the
 * hourly staff cost (cost per case), the counter baseline, consent to be named beside the peers, and the KPI targets.
 * Everyone who reads the insights sees it; administrators change it.
 */
import type { InsightsService } from '../../domains/insights/index.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import { insightsText } from './insights-i18n.ts';

type Settings = Awaited<ReturnType<InsightsService['settings']>>;

/** The KPI fields: the metric, its unit on the form, and how a stored value is shown in the field. */
export const KPI_FIELDS = [
  { metric: 'lead_median_hours', unit: 'hours' }, { metric: 'within_legal_share', unit: 'percent' }, { metric: 'online_share', unit: 'percent' },
  { metric: 'auto_share', unit: 'percent' }, { metric: 'cost_per_case_yen', unit: 'yen' }, { metric: 'counter_wait_median_minutes', unit: 'minutes' },
] as const;

/** What was typed, to show again after a refusal. */
export type SettingsForm = Record<string, string>;

export interface SettingsPageProps extends ConsoleContext { s: Settings; canEdit: boolean; saved?: boolean; error?: string; form?: SettingsForm }

/** The form value of a stored setting. */
export function fieldValues(s: Settings): SettingsForm {
  const v: SettingsForm = {
    population: s.profile.population ? String(s.profile.population) : '', hourlyCostYen: String(s.profile.hourlyCostYen),
    counterBaselineMinutes: String(s.profile.counterBaselineMinutes), namedConsent: s.profile.namedConsent ? 'yes' : 'no',
  };
  for (const f of KPI_FIELDS) {
    const target = (s.targets as Record<string, number | undefined>)[f.metric];
    v[`target.${f.metric}`] = target === undefined ? '' : f.unit === 'percent' ? String(Math.round(target * 1000) / 10) : String(target);
  }
  return v;
}

/** The page. */
export function SettingsPage(p: SettingsPageProps) {
  const t = insightsText(p.lang);
  const st = t.settings;
  const v = p.form ?? fieldValues(p.s);
  const cls = p.s.municipalityClass ? t.classes[p.s.municipalityClass] ?? p.s.municipalityClass : '—';
  const field = (name: string, label: string, hint: string, unit: string, opts: { step?: string; max?: number } = {}) => (
    <div class="form-field mt-4">
      <label class="form-label" for={name}>{label}</label>
      <p class="form-hint" id={`${name}-hint`}>{hint}</p>
      <div class="flex items-center gap-2">
        <input class="form-control w-48" type="number" inputmode="decimal" min="0" step={opts.step ?? '1'} max={opts.max} id={name} name={name} value={v[name] ?? ''}
          aria-describedby={`${name}-hint`} disabled={!p.canEdit} />
        <span>{unit}</span>
      </div>
    </div>
  );
  return (
    <ConsoleLayout {...p} title={st.title} current="insights">
      <p><a href="/console/insights" class="link">{t.title}</a></p>
      <h1 class="text-std-32B-150 mt-2">{st.title}</h1>
      {p.saved ? <div class="banner-success mt-4" role="status">{st.saved}</div> : null}
      {p.error ? <div class="banner-error mt-4" role="alert" data-testid="error">{p.error}</div> : null}
      <p class="mt-2 max-w-3xl">{st.lead}</p>
      {!p.canEdit && <p class="mt-2" data-testid="read-only">{st.readOnly}</p>}
      <form method="post" action="/console/insights/settings" class="mt-4 max-w-3xl" data-testid="settings-form">
        <input type="hidden" name="_csrf" value={p.actor.csrfToken} />
        <fieldset class="card p-4">
          <legend class="text-std-18B-160">{st.peers}</legend>
          <dl class="mt-2 flex flex-wrap gap-x-8 gap-y-2">
            <div><dt class="text-dns-16B-130">{t.classLabel}</dt><dd data-testid="class">{cls}</dd></div>
            <div><dt class="text-dns-16B-130">{t.bandLabel}</dt><dd data-testid="band">{t.bands[p.s.band] ?? p.s.band}</dd></div>
          </dl>
          <p class="mt-1 text-dns-16N-130">{st.classNote}</p>
          {field('population', t.population, st.populationHint, st.units.people)}
          <fieldset class="mt-4">
            <legend class="form-label">{st.consent}</legend>
            <p class="form-hint">{st.consentHint}</p>
            <div class="mt-2 flex gap-6">
              <label><input type="radio" name="namedConsent" value="yes" checked={v.namedConsent === 'yes'} disabled={!p.canEdit} /> {st.consentYes}</label>
              <label><input type="radio" name="namedConsent" value="no" checked={v.namedConsent !== 'yes'} disabled={!p.canEdit} /> {st.consentNo}</label>
            </div>
          </fieldset>
        </fieldset>
        <fieldset class="card p-4 mt-6">
          <legend class="text-std-18B-160">{st.cost}</legend>
          {field('hourlyCostYen', t.hourlyCost, st.hourlyHint, st.units.yenPerHour)}
          {field('counterBaselineMinutes', t.baseline, st.baselineHint, st.units.minutes)}
        </fieldset>
        <fieldset class="card p-4 mt-6">
          <legend class="text-std-18B-160">{st.kpi}</legend>
          <p class="text-dns-16N-130">{st.kpiHint}</p>
          <div class="grid gap-x-8 md:grid-cols-2">{KPI_FIELDS.map((f) => field(`target.${f.metric}`, st.targets[f.metric]!, st.better[f.metric]!, st.units[f.unit], f.unit === 'percent' ? { step: '0.1', max: 100 } : { step: f.unit === 'hours' ? '0.1' : '1' }))}</div>
        </fieldset>
        {p.canEdit && <button class="button-primary mt-6" type="submit">{st.submit}</button>}
      </form>
    </ConsoleLayout>
  );
}

// SPDX-License-Identifier: EUPL-1.2
/**
 * The address pick of the change forms (spec §1.3.3, §1.1.17): for 本籍, 転入前住所 and 転出先, a 郵便番号 (7 digits fill
 * the rest), the 都道府県・市区町村 from the national list (typed by reading or name, from a datalist) and the 町字 of
 * that municipality's loaded master (registry.js fills its datalist from GET /registry-address-dictionary). Works
 * without script: names typed are matched on the server. The text field next to it stays the legal value.
 */
import { nationalMunicipalityList } from '../../platform/tenancy/municipality-list.ts';
import type { AddressDetailInput } from '../../domains/registry/addresses/address-dictionary.ts';
import type { Lang } from '../ui/i18n.ts';
import type { FieldErrors } from './registry-ui.tsx';
import { TextField } from './registry-ui.tsx';
import { addressPickText } from './registry-address-i18n.ts';

type FormValues = Record<string, string | string[]>;
const val = (v: FormValues, k: string): string => { const x = v[k]; return typeof x === 'string' ? x : ''; };

interface CityOption { label: string; kana: string; code: string }
let cached: { options: CityOption[]; byLabel: Map<string, string> } | undefined;

/** 「東京都千代田区」「神奈川県横浜市鶴見区」 → code, for every 市区町村 and 行政区 of the national list. */
function cities() {
  if (cached) return cached;
  const rows = nationalMunicipalityList();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const options = rows.filter((r) => r.class !== '都道府県').map((r) => {
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    return { label: `${r.prefectureName}${parent ? parent.name : ''}${r.name}`, kana: `${parent ? parent.nameKana : ''}${r.nameKana}`, code: r.code };
  });
  cached = { options, byLabel: new Map(options.map((o) => [o.label, o.code])) };
  return cached;
}

/** The label of a municipality code as the pick shows it. */
export const cityLabel = (code: string | null | undefined) => (code ? cities().options.find((o) => o.code === code)?.label ?? '' : '');

/** One datalist of every 市区町村 for the page (value: the name with its 都道府県; label: the reading). */
export function MunicipalityDatalist() {
  return <datalist id="municipality-list">{cities().options.map((o) => <option value={o.label} label={o.kana} data-code={o.code} />)}</datalist>;
}

/** The pick fields of one address (`prefix`-postal, -city, -town, -rest). */
export function AddressPickFields(p: { prefix: string; what: 'previousAddress' | 'destination' | 'honseki'; v: FormValues; e: FieldErrors; lang: Lang }) {
  const t = addressPickText(p.lang);
  const f = (k: string) => `${p.prefix}-${k}`;
  return (
    <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4" data-address-pick={p.prefix} data-testid={`pick-${p.prefix}`}>
      <legend class="px-1 text-std-16B-170">{t.legend(t[p.what])}</legend>
        <TextField name={f('postal')} label={t.postal} value={val(p.v, f('postal'))} hint={t.postalHint} error={p.e[f('postal')]} inputmode="numeric" />
        <TextField name={f('city')} label={t.city} value={val(p.v, f('city'))} hint={t.cityHint} error={p.e[f('city')]} list="municipality-list" />
        <TextField name={f('town')} label={t.town} value={val(p.v, f('town'))} hint={t.townHint} error={p.e[f('town')]} list={f('town-list')} />
        <TextField name={f('rest')} label={t.rest} value={val(p.v, f('rest'))} hint={t.restHint} error={p.e[f('rest')]} />
      <datalist id={f('town-list')}></datalist>
      <p class="form-hint" aria-live="polite" data-pick-status></p>
    </fieldset>
  );
}

/** The structured address of the pick, or undefined when it is empty; an unknown 市区町村 is a field error. */
export function detailFromForm(v: FormValues, prefix: string, errors: FieldErrors, lang: Lang): AddressDetailInput | undefined {
  const f = (k: string) => val(v, `${prefix}-${k}`).trim();
  if (!f('postal') && !f('city') && !f('town') && !f('rest')) return undefined;
  const code = f('city') ? cities().byLabel.get(f('city').normalize('NFKC').replace(/\s/g, '')) ?? cities().byLabel.get(f('city')) : undefined;
  if (f('city') && !code) errors[`${prefix}-city`] = addressPickText(lang).unknownCity;
  return {
    ...(f('postal') ? { postalCode: f('postal') } : {}), ...(code ? { municipalityCode: code } : {}),
    ...(f('town') ? { townName: f('town') } : {}), ...(f('rest') ? { rest: f('rest') } : {}),
  };
}

/** Form values of a kept structured address (for a correction form). */
export function pickValues(prefix: string, d: { postalCode: string | null; municipalityCode: string | null; townName: string; rest: string } | null | undefined): FormValues {
  if (!d) return {};
  return { [`${prefix}-postal`]: d.postalCode ?? '', [`${prefix}-city`]: cityLabel(d.municipalityCode), [`${prefix}-town`]: d.townName, [`${prefix}-rest`]: d.rest };
}

/** The form field of a refusal about a structured address (`field` of the problem: previousAddressDetail, …). */
export function pickErrorField(code: string, field: unknown, personIndex?: number): string | undefined {
  const sub = code === 'unknown-municipality' ? 'city' : code === 'unknown-dictionary-town' ? 'town' : code === 'invalid-postal-code' || code === 'postal-code-mismatch' ? 'postal' : undefined;
  if (!sub || typeof field !== 'string') return undefined;
  if (field === 'address.postalCode') return 'postalCode';
  const prefix = field === 'previousAddressDetail' ? 'pa' : field === 'destinationDetail' ? 'dest' : field === 'patch.honsekiDetail' ? 'patch-hon'
    : field === 'honsekiDetail' ? (personIndex !== undefined ? `p${personIndex}-hon` : 'new-hon') : undefined;
  return prefix ? `${prefix}-${sub}` : undefined;
}

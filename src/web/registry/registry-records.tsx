// SPDX-License-Identifier: EUPL-1.2
/**
 * The records under one 宛名番号 on the 個人票 (spec §1.1.5, §1.1.4): the 住民票 of the current period of residence,
 * 除票 of earlier periods (also those moved to the 除票DB) and 改製原住民票, each with a link to its 個人票 and to issue
 * it (住民票の写し, or 除票の写し for a removed record). Japanese first with English.
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import type { Lang } from '../ui/i18n.ts';
import { mergeDictionary, type DeepPartial } from './registry-i18n.ts';
import { td, th, wareki } from './registry-ui.tsx';

export type RecordEntry = Awaited<ReturnType<RegistryService['recordsOfPerson']>>[number];

const ja = {
  heading: '住民票・除票の一覧（同じ宛名番号）',
  lead: '住所を有していた期間ごとの住民票です。除票（除票DBに移したものを含む）と改製原住民票も交付できます。',
  columns: { kind: '区分', period: '期間', address: '住所', reason: '消除事由', action: '操作' },
  kinds: { current: '住民票（現存）', removed: '除票', archived: '除票（除票DB）', reformed: '改製原住民票' } as Record<string, string>,
  reformed: (on: string) => `改製年月日 ${on}`,
  reformedOn: '改製年月日', remadeOn: '再製年月日（理由）',
  open: '個人票を見る', thisRecord: '表示中', issueCopy: '住民票の写しを交付', issueRemoved: '除票の写しを交付',
};
type Dictionary = typeof ja;
const en: DeepPartial<Dictionary> = {
  heading: 'Records under this address number (宛名番号)',
  lead: 'One resident record per period of residence. Removed records (also those moved to the archive) and original records of a rewriting can be issued.',
  columns: { kind: 'Record', period: 'Period', address: 'Address', reason: 'Reason of removal', action: 'Actions' },
  kinds: { current: 'Resident record (current)', removed: 'Removed record (除票)', archived: 'Removed record (archive, 除票DB)', reformed: 'Original record of a rewriting (改製原住民票)' },
  reformed: (on: string) => `Rewritten on ${on}`,
  reformedOn: 'Date of rewriting (改製)', remadeOn: 'Date of re-making (再製) and reason',
  open: 'Open the record', thisRecord: 'Shown', issueCopy: 'Issue a copy (住民票の写し)', issueRemoved: 'Issue a removed-record copy (除票の写し)',
};
const english = mergeDictionary(ja, en);
export const recordsText = (lang: Lang): Dictionary => (lang === 'en' ? english : ja);
const textOf = recordsText;

/** The list; nothing when the person has a single record. */
export function RecordsSection(p: { lang: Lang; records: RecordEntry[]; current: string; canIssue: boolean }) {
  if (p.records.length < 2) return null;
  const t = textOf(p.lang);
  return (
    <section class="mt-8 max-w-5xl" aria-labelledby="records-heading" data-testid="records">
      <h2 id="records-heading" class="text-std-20B-150">{t.heading}</h2>
      <p class="mt-1 text-std-16N-170">{t.lead}</p>
      <table class="mt-2 w-full border-collapse">
        <thead><tr>
          <th scope="col" class={th}>{t.columns.kind}</th><th scope="col" class={th}>{t.columns.period}</th><th scope="col" class={th}>{t.columns.address}</th>
          <th scope="col" class={th}>{t.columns.reason}</th><th scope="col" class={th}>{t.columns.action}</th>
        </tr></thead>
        <tbody>
          {p.records.map((r) => (
            <tr data-record-kind={r.recordKind}>
              <td class={td}><span class="badge">{t.kinds[r.recordKind] ?? r.recordLabel}</span>{r.reformedOn ? <div class="text-std-16N-170">{t.reformed(wareki(r.reformedOn))}</div> : null}</td>
              <td class={`${td} whitespace-nowrap`}>{r.becameResidentOn}〜{r.removedOn ? wareki(r.removedOn) : ''}</td>
              <td class={td}>{r.address}</td>
              <td class={td}>{r.removalReason ?? ''}</td>
              <td class={td}>
                <div class="flex flex-wrap gap-2">
                  {r.personId === p.current ? <span>{t.thisRecord}</span> : <a class="link" href={`/console/registry/persons/${r.personId}`}>{t.open}</a>}
                  {p.canIssue ? <a class="button-secondary button-small" href={`/console/certificates?personId=${r.personId}&kind=${r.recordKind === 'current' ? 'residence-copy' : 'removed-copy'}`}>
                    {r.recordKind === 'current' ? t.issueCopy : t.issueRemoved}</a> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

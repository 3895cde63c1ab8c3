// SPDX-License-Identifier: EUPL-1.2
/**
 * 「他業務の資格」 on the 個人票 (spec §7.2.2): the latest eligibility of each kind reported by the other business systems
 * (選挙人名簿登録, 国保, 後期高齢者医療, 介護保険, 国民年金, 児童手当, マイナンバーカード保有), dates in 和暦, with every
 * report below. Read-only: the business systems write it.
 */
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import { ELIGIBILITY_LABELS, ELIGIBILITY_LABELS_EN, type EligibilityKind } from '../../domains/registry/eligibility/eligibility-kinds.ts';
import type { Lang } from '../ui/i18n.ts';
import { td, th, wareki } from './registry-ui.tsx';

/** A report as the service presents it. */
export interface EligibilityItem { kind: EligibilityKind; eligible: boolean; acquiredOn: string | null; lostOn: string | null; asOf: string }

const TEXT = {
  ja: { heading: '他業務の資格', none: '他の業務システムからの資格の連携はありません。', kind: '資格', status: '資格の有無', yes: 'あり', no: 'なし',
    acquired: '取得日', lost: '喪失日', asOf: '基準日時', history: (n: number) => `これまでの連携（${n}件）`, note: '各業務システムが連携した最新の状態です（基準日時の最も新しいもの）。' },
  en: { heading: 'Eligibility in other systems', none: 'No eligibility has been reported by other business systems.', kind: 'Eligibility', status: 'Status', yes: 'Eligible', no: 'Not eligible',
    acquired: 'Acquired', lost: 'Lost', asOf: 'As of', history: (n: number) => `All reports (${n})`, note: 'The latest state reported by each business system (the latest "as of").' },
};

/** The panel. */
export function EligibilitySection(p: { lang: Lang; latest: EligibilityItem[]; history: EligibilityItem[] }) {
  const t = TEXT[p.lang];
  const label = (k: EligibilityKind) => (p.lang === 'en' ? ELIGIBILITY_LABELS_EN : ELIGIBILITY_LABELS)[k];
  const rows = (items: EligibilityItem[]) => items.map((e) => (
    <tr>
      <td class={td}>{label(e.kind)}</td>
      <td class={td}>{e.eligible ? t.yes : t.no}</td>
      <td class={td}>{wareki(e.acquiredOn)}</td>
      <td class={td}>{wareki(e.lostOn)}</td>
      <td class={td}>{toWarekiDateTime(e.asOf)}</td>
    </tr>
  ));
  const head = (
    <thead><tr><th class={th} scope="col">{t.kind}</th><th class={th} scope="col">{t.status}</th><th class={th} scope="col">{t.acquired}</th><th class={th} scope="col">{t.lost}</th><th class={th} scope="col">{t.asOf}</th></tr></thead>
  );
  return (
    <section class="mt-8 max-w-5xl" id="eligibility" aria-labelledby="eligibility-heading" data-testid="eligibility">
      <h2 id="eligibility-heading" class="text-std-20B-150">{t.heading}</h2>
      {p.latest.length === 0 ? <p class="mt-2">{t.none}</p> : (
        <>
          <p class="mt-1 text-std-14N-170 text-solid-gray-700">{t.note}</p>
          <table class="mt-2 w-full border-collapse">{head}<tbody>{rows(p.latest)}</tbody></table>
          {p.history.length > p.latest.length ? (
            <details class="mt-2">
              <summary class="link">{t.history(p.history.length)}</summary>
              <table class="mt-2 w-full border-collapse" data-testid="eligibility-history">{head}<tbody>{rows(p.history)}</tbody></table>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}

// SPDX-License-Identifier: EUPL-1.2
/**
 * The 個人票's マイナンバーカード and 交付履歴 section (spec §2.2.2, §7.1.1.3): the card's status with its history, the
 * 送付先, the JPKI certificates (serial numbers only for 審査・決裁), the 符号's status (never the 符号), the
 * certificates issued for the person, and the form to record the card's status (post/redirect/get, one-time `_idem`).
 */
import { newFormToken } from '../../platform/http/idempotency.ts';
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import type { Lang } from '../ui/i18n.ts';
import { cardText } from './registry-card-i18n.ts';
import { td, th, wareki } from './registry-ui.tsx';

export interface CardSectionProps {
  lang: Lang;
  personId: string;
  csrfToken: string;
  canRecord: boolean;
  card: {
    card: { status: string; statusOn: string; issuedOn: string | null; expiresOn: string | null } | null;
    statusHistory: Array<{ status: string; statusOn: string; issuedOn: string | null; expiresOn: string | null; source: string; note: string }>;
    deliveryAddresses: Array<{ placeKind: string; postalCode: string; address: string; addressee: string; reason: string }>;
    certificates: Array<{ certKindLabel: string; serialNo: string; issuedOn: string | null; revokedOn: string | null }>;
    serialsMasked: boolean;
    token: { status: string; receivedAt: string | null; requestedAt: string | null };
  };
  issuances: Array<{ issueNo: number; certificateKind: string; issuedAt: string; copies: number; requesterType: string; voided: boolean }>;
  notice?: string;
  error?: string;
}

const postal = (s: string) => (s.length === 7 ? `〒${s.slice(0, 3)}-${s.slice(3)}` : s);

/** The section. */
export function CardSection(p: CardSectionProps) {
  const t = cardText(p.lang);
  const c = p.card;
  const delivery = c.deliveryAddresses[0];
  return (
    <section class="mt-8 max-w-5xl" id="card" aria-labelledby="card-heading" data-testid="card-section">
      <h2 id="card-heading" class="text-std-20B-150">{t.heading}</h2>
      {p.notice ? <p class="banner-success mt-2" role="status">{p.notice}</p> : null}
      {p.error ? <p class="banner-error mt-2" role="alert" data-testid="card-error">{p.error}</p> : null}
      <h3 class="mt-4 text-std-18B-160">{t.card.heading}</h3>
      {c.card ? (
        <dl class="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1" data-testid="card-status">
          <dt class="font-bold">{t.card.status}</dt><dd><span class="badge">{t.card.statuses[c.card.status] ?? c.card.status}</span>（{wareki(c.card.statusOn)}）</dd>
          <dt class="font-bold">{t.card.issuedOn}</dt><dd>{wareki(c.card.issuedOn)}</dd>
          <dt class="font-bold">{t.card.expiresOn}</dt><dd>{wareki(c.card.expiresOn)}</dd>
          <dt class="font-bold">{t.card.delivery}</dt>
          <dd>{delivery ? `${t.card.deliveryKinds[delivery.placeKind] ?? ''}: ${postal(delivery.postalCode)} ${delivery.address}（${delivery.addressee}）` : t.card.noDelivery}</dd>
          <dt class="font-bold">{t.card.token}</dt>
          <dd>{t.card.tokenStatus[c.token.status] ?? c.token.status}{c.token.receivedAt ? `（${toWarekiDateTime(c.token.receivedAt)}）` : ''}</dd>
        </dl>
      ) : (
        <>
          <p class="mt-2">{t.card.none}</p>
          <p class="mt-1">{t.card.token}: {t.card.tokenStatus[c.token.status] ?? c.token.status}{c.token.receivedAt ? `（${toWarekiDateTime(c.token.receivedAt)}）` : ''}</p>
        </>
      )}
      {c.statusHistory.length > 0 ? (
        <details class="mt-2">
          <summary>{t.card.history}（{c.statusHistory.length}）</summary>
          <table class="mt-2 w-full border-collapse">
            <thead><tr>{Object.values(t.card.columns).map((h) => <th class={th}>{h}</th>)}</tr></thead>
            <tbody>
              {c.statusHistory.map((s) => (
                <tr><td class={td}>{t.card.statuses[s.status] ?? s.status}</td><td class={td}>{wareki(s.statusOn)}</td><td class={td}>{wareki(s.issuedOn)}</td>
                  <td class={td}>{wareki(s.expiresOn)}</td><td class={td}>{t.card.sources[s.source] ?? s.source}</td><td class={td}>{s.note}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      <h3 class="mt-4 text-std-18B-160">{t.card.certificates}</h3>
      {c.certificates.length === 0 ? <p class="mt-2">{t.card.noCertificates}</p> : (
        <table class="mt-2 w-full border-collapse" data-testid="card-certificates">
          <thead><tr>{Object.values(t.card.certColumns).map((h) => <th class={th}>{h}</th>)}</tr></thead>
          <tbody>{c.certificates.map((x) => <tr><td class={td}>{x.certKindLabel}</td><td class={`${td} font-mono`}>{x.serialNo}</td><td class={td}>{wareki(x.issuedOn)}</td><td class={td}>{wareki(x.revokedOn)}</td></tr>)}</tbody>
        </table>
      )}
      {c.serialsMasked && c.certificates.length > 0 ? <p class="mt-1 text-std-16N-170">{t.card.serialsMasked}</p> : null}
      {p.canRecord ? (
        <details class="mt-4">
          <summary>{t.form.legend}</summary>
          <form method="post" action={`/console/registry/persons/${p.personId}/card-statuses`} class="mt-2 flex flex-wrap items-end gap-4" data-testid="card-form">
            <input type="hidden" name="_csrf" value={p.csrfToken} />
            <input type="hidden" name="_idem" value={newFormToken()} />
            <div class="form-field"><label class="form-label" for="card-status">{t.form.status}</label>
              <select class="form-control" id="card-status" name="status">{Object.entries(t.card.statuses).map(([k, v]) => <option value={k}>{v}</option>)}</select></div>
            <div class="form-field"><label class="form-label" for="card-status-on">{t.form.statusOn}</label><input class="form-control" id="card-status-on" name="statusOn" placeholder="令和8年4月1日" /></div>
            <div class="form-field"><label class="form-label" for="card-issued-on">{t.form.issuedOn}</label><input class="form-control" id="card-issued-on" name="issuedOn" /></div>
            <div class="form-field"><label class="form-label" for="card-expires-on">{t.form.expiresOn}</label><input class="form-control" id="card-expires-on" name="expiresOn" /></div>
            <div class="form-field"><label class="form-label" for="card-note">{t.form.note}</label><input class="form-control" id="card-note" name="note" maxlength={500} /></div>
            <button class="button-secondary" type="submit">{t.form.submit}</button>
          </form>
        </details>
      ) : null}
      <h3 class="mt-6 text-std-18B-160">{t.issuances.heading}</h3>
      {p.issuances.length === 0 ? <p class="mt-2">{t.issuances.none}</p> : (
        <table class="mt-2 w-full border-collapse" data-testid="issuance-history">
          <thead><tr>{Object.values(t.issuances.columns).map((h) => <th class={th}>{h}</th>)}</tr></thead>
          <tbody>
            {p.issuances.map((i) => (
              <tr><td class={`${td} whitespace-nowrap`}>{toWarekiDateTime(i.issuedAt)}</td><td class={td}>{i.issueNo}</td><td class={td}>{t.issuances.kinds[i.certificateKind] ?? i.certificateKind}</td>
                <td class={td}>{i.copies}</td><td class={td}>{t.issuances.requesters[i.requesterType] ?? i.requesterType}</td><td class={td}>{i.voided ? <span class="badge">{t.issuances.voided}</span> : ''}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

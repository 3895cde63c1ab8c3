// SPDX-License-Identifier: EUPL-1.2
/** Public page (/verify): is this certificate genuine? Shows municipality, time and kind only, never personal data. */
import type { Dictionary, Lang } from '../ui/i18n.ts';
import { PageShell, PublicHeader } from '../ui/page-shell.tsx';
import { japanDay, toWareki } from '../../platform/dates/jp-date.ts';

/** A verification outcome. */
export type VerifyOutcome =
  | { kind: 'none' }
  | { kind: 'genuine'; municipalityName: string; issuedAt: string; certificateTitle: string; issueNumber: string; voided?: boolean }
  | { kind: 'unknown' | 'malformed' | 'limited' };

/** The day of issue in 和暦 (the day printed on the certificate). */
const issuedOn = (iso: string) => toWareki(japanDay(new Date(iso)));

/** The verification page with its form and, after a lookup, the outcome. */
export function CertificateVerifyPage(p: { lang: Lang; t: Dictionary; currentPath: string; code: string; outcome: VerifyOutcome }) {
  const o = p.outcome;
  return (
    <PageShell lang={p.lang} t={p.t} title="証明書の真正性の確認" header={<PublicHeader lang={p.lang} t={p.t} currentPath={p.currentPath} />}>
      <main id="main" tabindex={-1} class="mx-auto w-full max-w-2xl flex-1 px-4 py-8">
        <h1 class="text-std-32B-150">証明書の真正性の確認</h1>
        <p class="mt-4">証明書に印字された照合番号（またはQRコード）で、市区町村が発行した証明書かどうかを確認できます。個人の情報は表示されません。</p>
        <form method="get" action="/verify" class="mt-6 flex flex-col gap-4">
          <div class="form-field">
            <label class="form-label" for="code">照合番号</label>
            <input class="form-control" id="code" name="code" value={p.code} autocomplete="off" autofocus={o.kind === 'none'} placeholder="XXXX-XXXX-XXXX-XXXX-XXXX" />
          </div>
          <div><button class="button-primary" type="submit">確認する</button></div>
        </form>
        {o.kind === 'genuine' ? (
          <div class="banner-success mt-8" role="status" data-testid="verify-result">
            <h2 class="text-std-20B-150">この照合番号の証明書は発行されています</h2>
            <dl class="mt-3 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1">
              <dt>発行した団体</dt><dd>{o.municipalityName}</dd>
              <dt>発行日</dt><dd>{issuedOn(o.issuedAt)}</dd>
              <dt>証明書</dt><dd>{o.certificateTitle}</dd>
              <dt>発行番号</dt><dd data-testid="verify-issue-number">{o.issueNumber}</dd>
            </dl>
            {o.voided ? <p class="mt-3 text-std-16B-170" data-testid="verify-voided">ただし、この証明書は発行後に発行元で無効とされています（誤交付など）。証明書として使用できません。</p> : null}
            <p class="mt-3 text-std-14N-170">お手元の証明書の発行番号・発行日・種類が上と同じであれば、この市区町村が発行した証明書です。記載内容については発行元へお問い合わせください。</p>
          </div>
        ) : o.kind === 'none' ? null : (
          <div class="banner-error mt-8" role="alert" data-testid="verify-result">
            <h2 class="text-std-20B-150">{o.kind === 'malformed' ? '照合番号の形式が正しくありません' : o.kind === 'limited' ? '照会が多すぎます。しばらくしてから再度お試しください' : 'この照合番号の証明書は発行されていません'}</h2>
            {o.kind === 'unknown' ? <p class="mt-2">偽造または改変された証明書のおそれがあります。発行元の市区町村へお問い合わせください。</p> : null}
          </div>
        )}
      </main>
    </PageShell>
  );
}

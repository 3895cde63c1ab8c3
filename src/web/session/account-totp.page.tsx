// SPDX-License-Identifier: EUPL-1.2
/**
 * 二要素認証 (/console/account/two-factor; 標準仕様書 §10.3): a staff member enrols an authenticator app for their own
 * account. The otpauth URI is shown as a QR code (the `qrcode` package, as on certificates, rendered to SVG on the
 * server) and as the secret for typing in; a first code confirms it. From then on every password sign-in asks for a code.
 */
import { raw } from 'hono/html';
import { newFormToken } from '../../platform/http/idempotency.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import type { Lang } from '../ui/i18n.ts';

const TEXT = {
  ja: {
    title: '二要素認証', lead: 'パスワードに加えて、スマートフォン等の認証アプリ（Google Authenticator、Microsoft Authenticator 等）が表示する6桁の確認コードでログインします。登録した後は、パスワードでのログインのたびに確認コードが必要です。',
    enrolled: 'このアカウントには認証アプリが登録されています。', notEnrolled: 'このアカウントには認証アプリが登録されていません。',
    start: '認証アプリを登録する', restart: '認証アプリを登録し直す',
    step1: '1. 認証アプリで次のQRコードを読み取ります。', qrAlt: '認証アプリに登録するためのQRコード',
    manual: '読み取れない場合は、次の文字列（秘密鍵）を認証アプリに入力します。', step2: '2. 認証アプリに表示された6桁の確認コードを入力します。',
    code: '確認コード', codeHint: '半角数字6桁（30秒ごとに変わります）', confirm: '確認して登録する',
    done: '認証アプリを登録しました。次回からログインの際に確認コードを入力してください。',
    note: '秘密鍵は暗号化して保存しています。この画面を閉じた後も、登録が完了するまではこのアカウントでだけ表示されます。',
    keyNote: 'IC カード・生体認証の読取装置は接続していません。二要素目は認証アプリの確認コードです。',
  },
  en: {
    title: 'Two-factor sign-in', lead: 'Sign in with your password and a 6-digit code from an authenticator app on a phone (Google Authenticator, Microsoft Authenticator …). Once enrolled, every password sign-in asks for a code.',
    enrolled: 'An authenticator app is enrolled for this account.', notEnrolled: 'No authenticator app is enrolled for this account.',
    start: 'Enrol an authenticator app', restart: 'Enrol an authenticator app again',
    step1: '1. Scan this QR code with the authenticator app.', qrAlt: 'QR code to add this account to an authenticator app',
    manual: 'If it cannot be scanned, type this secret into the app.', step2: '2. Enter the 6-digit code the app shows.',
    code: 'Code', codeHint: '6 digits (changes every 30 seconds)', confirm: 'Confirm and enrol',
    done: 'The authenticator app is enrolled. Enter its code at your next sign-in.',
    note: 'The secret is stored encrypted. Until the enrolment is confirmed it is shown to this account only.',
    keyNote: 'No IC card or biometric reader is connected; the second factor is the authenticator app’s code.',
  },
};

/** The words of the page (also the header link). */
export const totpText = (lang: Lang) => TEXT[lang];

/** The page. `qrSvg` is the QR code of the pending enrolment, rendered by the route. */
export function TwoFactorPage(p: ConsoleContext & { enrolled: boolean; pending?: { secret: string; qrSvg: string }; done?: boolean; error?: string }) {
  const t = TEXT[p.lang];
  const csrf = [<input type="hidden" name="_csrf" value={p.actor.csrfToken} />, <input type="hidden" name="_idem" value={newFormToken()} />];
  return (
    <ConsoleLayout {...p} title={t.title} current={undefined}>
      <h1 class="text-std-32B-150">{t.title}</h1>
      <p class="mt-2 max-w-3xl">{t.lead}</p>
      {p.done ? <div class="banner-success mt-6 max-w-3xl" role="status" data-testid="totp-done"><p>{t.done}</p></div> : null}
      <p class="mt-6 text-std-18B-160" data-testid="totp-status">{p.enrolled ? t.enrolled : t.notEnrolled}</p>
      {p.pending ? (
        <section class="card mt-6 max-w-3xl" aria-labelledby="enrol-heading">
          <h2 id="enrol-heading" class="text-std-20B-150">{p.enrolled ? t.restart : t.start}</h2>
          <p class="mt-4">{t.step1}</p>
          <div class="mt-2 w-56 border border-solid-gray-420 bg-white p-2" role="img" aria-label={t.qrAlt} data-testid="totp-qr">{raw(p.pending.qrSvg)}</div>
          <p class="mt-4">{t.manual}</p>
          <p class="mt-1"><code class="break-all rounded-4 bg-solid-gray-50 px-2 py-1 text-dns-16B-130" data-testid="totp-secret">{p.pending.secret.replace(/(.{4})/g, '$1 ').trim()}</code></p>
          <form method="post" action="/console/account/two-factor/confirmations" class="mt-6 flex flex-col gap-4" data-once>
            {csrf}
            <p>{t.step2}</p>
            <div class="form-field">
              <label class="form-label" for="code">{t.code}</label>
              <p class="form-hint" id="code-hint">{t.codeHint}</p>
              {p.error ? <p class="form-error" id="code-error">{p.error}</p> : null}
              <input class="form-control w-40" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength={8} autofocus
                aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? 'code-hint code-error' : 'code-hint'} />
            </div>
            <div><button type="submit" class="button-primary">{t.confirm}</button></div>
          </form>
          <p class="mt-4 text-dns-16N-130 text-solid-gray-700">{t.note}</p>
        </section>
      ) : (
        <form method="post" action="/console/account/two-factor" class="mt-6" data-once>
          {csrf}
          <button type="submit" class={p.enrolled ? 'button-secondary' : 'button-primary'}>{p.enrolled ? t.restart : t.start}</button>
        </form>
      )}
      <p class="mt-8 max-w-3xl text-dns-16N-130 text-solid-gray-700">{t.keyNote}</p>
    </ConsoleLayout>
  );
}

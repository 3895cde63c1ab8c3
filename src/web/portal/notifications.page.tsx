// SPDX-License-Identifier: EUPL-1.2
/** メールでのお知らせ: the resident's address and consent (申請の受付・補正のお願い・結果). */
import { ResidentLayout, type ResidentPageContext } from './resident-layout.tsx';

const TEXT = {
  ja: {
    title: 'メールでのお知らせ', lead: '電子申請を受け付けたとき、補正のお願いがあるとき、結果が出たときに、メールでお知らせします。メールには個人の情報を書かず、申請状況のページへのリンクだけをお送りします。',
    email: 'メールアドレス', hint: '例: taro@example.jp', consent: '上記のアドレスで、電子申請のお知らせを受け取ることに同意します', save: '保存する',
    current: (email: string) => `現在のお知らせ先: ${email}`, none: '現在、メールでのお知らせは受け取らない設定です。', stop: 'メールでのお知らせをやめる',
    saved: 'お知らせ先を保存しました。', stopped: 'メールでのお知らせをやめました。', consentRequired: '受け取る場合は、同意の欄にチェックを入れてください', errorTitle: '入力内容を確認してください',
  },
  en: {
    title: 'E-mail notifications', lead: 'We e-mail you when an online application is received, when a correction is requested and when there is a result. The e-mail holds no personal details, only a link to your applications.',
    email: 'E-mail address', hint: 'e.g. taro@example.jp', consent: 'I agree to receive notifications of my online applications at this address', save: 'Save',
    current: (email: string) => `Notifications go to: ${email}`, none: 'You do not receive e-mail notifications.', stop: 'Stop e-mail notifications',
    saved: 'Saved.', stopped: 'E-mail notifications stopped.', consentRequired: 'Tick the consent box to receive notifications', errorTitle: 'Please check your answers',
  },
};

/** The page. */
export function NotificationsPage(p: ResidentPageContext & { email: string | null; value?: string; error?: string; errorField?: 'email' | 'consent'; done?: 'saved' | 'stopped'; csrf: string }) {
  const t = TEXT[p.lang];
  const emailError = p.error && p.errorField !== 'consent' ? p.error : undefined;
  const consentError = p.error && p.errorField === 'consent' ? p.error : undefined;
  return (
    <ResidentLayout {...p} title={t.title}>
      <a class="link" href="/portal/my">{p.lang === 'en' ? 'My page' : 'マイページ'}</a>
      <h1 class="mt-4 text-std-32B-150">{t.title}</h1>
      <p class="mt-4">{t.lead}</p>
      {p.done ? <div class="banner-success mt-6" role="status" data-testid="done"><p>{t[p.done]}</p></div> : null}
      {p.error ? (
        <div class="banner-error mt-6" role="alert" tabindex={-1} data-testid="error-summary">
          <p class="font-bold">{t.errorTitle}</p>
          <p><a class="link" href={`#${p.errorField ?? 'email'}`}>{p.error}</a></p>
        </div>
      ) : null}
      <p class="mt-6" data-testid="current">{p.email ? t.current(p.email) : t.none}</p>
      <form method="post" action="/portal/my/notifications" class="mt-6 flex flex-col gap-4">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="form-field">
          <label class="form-label" for="email">{t.email}</label>
          <p class="form-hint" id="email-hint">{t.hint}</p>
          {emailError ? <p class="form-error" id="email-error">{emailError}</p> : null}
          <input class="form-control" id="email" name="email" type="email" inputmode="email" autocomplete="email" spellcheck={false} value={p.value ?? p.email ?? ''}
            aria-describedby={emailError ? 'email-hint email-error' : 'email-hint'} aria-invalid={emailError ? 'true' : undefined} />
        </div>
        {consentError ? <p class="form-error" id="consent-error">{consentError}</p> : null}
        <label class="flex min-h-11 items-center gap-3 text-std-16N-170" for="consent">
          <input class="size-6 shrink-0 accent-blue-900" type="checkbox" id="consent" name="consent" value="yes" checked={!!p.email}
            aria-describedby={consentError ? 'consent-error' : undefined} aria-invalid={consentError ? 'true' : undefined} />
          <span>{t.consent}</span>
        </label>
        <button class="button-primary w-full md:w-auto" type="submit">{t.save}</button>
      </form>
      {p.email ? (
        <form method="post" action="/portal/my/notifications" class="mt-6">
          <input type="hidden" name="_csrf" value={p.csrf} />
          <input type="hidden" name="stop" value="yes" />
          <button class="button-secondary w-full md:w-auto" type="submit">{t.stop}</button>
        </form>
      ) : null}
    </ResidentLayout>
  );
}

/** The consent-required message in the language. */
export const consentRequired = (lang: 'ja' | 'en') => TEXT[lang].consentRequired;

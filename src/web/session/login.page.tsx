// SPDX-License-Identifier: EUPL-1.2
/** The staff sign-in page: municipality, login id, password; optional OpenID Connect button. */
import type { Dictionary, Lang } from '../ui/i18n.ts';
import { PageShell, PublicHeader } from '../ui/page-shell.tsx';

/** A municipality offered in the select. */
export interface MunicipalityOption {
  code: string;
  name: string;
  prefectureName: string;
}

/** A problem with one field, shown next to it and in the error summary. */
export interface FieldError {
  field: 'municipalityCode' | 'loginId' | 'password';
  message: string;
}

/** Everything the login page shows. */
export interface LoginPageProps {
  lang: Lang;
  t: Dictionary;
  currentPath: string;
  municipalities: MunicipalityOption[];
  /** Values to keep after a failed attempt (never the password). */
  values: { municipalityCode?: string; loginId?: string };
  /** Where to go after signing in (a same-site path). */
  next?: string;
  /** A message about the whole form (wrong credentials, locked account, rate limit). */
  formError?: string;
  fieldErrors?: FieldError[];
  /** A status message (e.g. after logging out). */
  status?: string;
  oidc?: { label: string };
}

/** Id of the element that describes a field's error. */
const errorId = (field: FieldError['field']) => `${field}-error`;

/** The sign-in page. */
export function LoginPage(p: LoginPageProps) {
  const { t } = p;
  const fieldErrors = p.fieldErrors ?? [];
  const errorFor = (f: FieldError['field']) => fieldErrors.find((e) => e.field === f);
  const hasErrors = Boolean(p.formError) || fieldErrors.length > 0;
  const only = p.municipalities.length === 1 ? p.municipalities[0] : undefined;
  const selected = p.values.municipalityCode ?? only?.code;
  const selectedName = p.municipalities.find((m) => m.code === selected)?.name;
  const describedBy = (f: FieldError['field'], hint?: string) =>
    [hint, errorFor(f) ? errorId(f) : undefined, p.formError ? 'form-error' : undefined].filter(Boolean).join(' ') || undefined;
  const invalid = (f: FieldError['field']) => (errorFor(f) || p.formError ? 'true' : undefined);

  return (
    <PageShell lang={p.lang} t={t} title={t.login.title} municipalityName={selectedName}
      header={<PublicHeader lang={p.lang} t={t} currentPath={p.currentPath} />}>
      <main id="main" tabindex={-1} class="mx-auto w-full max-w-xl flex-1 px-4 py-8 md:py-12">
        <h1 class="text-std-32B-150 md:text-std-36B-140">{t.login.title}</h1>
        <p class="mt-4">{t.login.lead}</p>

        {p.status ? (
          <div class="banner-success mt-6" role="status">
            <p class="text-std-16B-170">{p.status}</p>
          </div>
        ) : null}

        {hasErrors ? (
          <div class="banner-error mt-6" role="alert" tabindex={-1} data-error-summary aria-labelledby="error-summary-title">
            <h2 id="error-summary-title" class="text-std-18B-160 text-error-2">{t.login.errorSummary}</h2>
            <ul class="mt-2 list-disc pl-6">
              {p.formError ? <li id="form-error" class="text-error-2">{p.formError}</li> : null}
              {fieldErrors.map((e) => (
                <li><a class="link" href={`#${e.field}`}>{e.message}</a></li>
              ))}
            </ul>
          </div>
        ) : null}

        <form method="post" action="/login" class="mt-8 flex flex-col gap-6" novalidate data-once>
          {p.next ? <input type="hidden" name="next" value={p.next} /> : null}
          <div class="form-field">
            <label class="form-label" for="municipalityCode">{t.login.municipality}</label>
            <p id="municipalityCode-hint" class="form-hint">{t.login.municipalityHint}</p>
            {errorFor('municipalityCode') ? <p id={errorId('municipalityCode')} class="form-error">{errorFor('municipalityCode')!.message}</p> : null}
            <select id="municipalityCode" name="municipalityCode" class="form-control" required autocomplete="organization"
              aria-describedby={describedBy('municipalityCode', 'municipalityCode-hint')} aria-invalid={invalid('municipalityCode')}>
              {only ? null : <option value="">{t.login.chooseMunicipality}</option>}
              {p.municipalities.map((m) => (
                <option value={m.code} selected={m.code === selected}>{`${m.prefectureName} ${m.name}（${m.code}）`}</option>
              ))}
            </select>
          </div>
          <div class="form-field">
            <label class="form-label" for="loginId">{t.login.loginId}</label>
            <p id="loginId-hint" class="form-hint">{t.login.loginIdHint}</p>
            {errorFor('loginId') ? <p id={errorId('loginId')} class="form-error">{errorFor('loginId')!.message}</p> : null}
            <input id="loginId" name="loginId" type="text" class="form-control" required autocomplete="username"
              autocapitalize="none" spellcheck={false} maxlength={63} value={p.values.loginId ?? ''}
              aria-describedby={describedBy('loginId', 'loginId-hint')} aria-invalid={invalid('loginId')} />
          </div>
          <div class="form-field">
            <label class="form-label" for="password">{t.login.password}</label>
            {errorFor('password') ? <p id={errorId('password')} class="form-error">{errorFor('password')!.message}</p> : null}
            <input id="password" name="password" type="password" class="form-control" required autocomplete="current-password"
              maxlength={1024} aria-describedby={describedBy('password')} aria-invalid={invalid('password')} />
          </div>
          <div class="form-field">
            <label class="form-label" for="otp">{t.login.otp}</label>
            <p id="otp-hint" class="form-hint">{t.login.otpHint}</p>
            <input id="otp" name="otp" class="form-control max-w-xs" inputmode="numeric" autocomplete="one-time-code" maxlength={10} aria-describedby="otp-hint" />
          </div>
          <div>
            <button type="submit" class="button-primary">{t.login.submit}</button>
          </div>
        </form>

        {p.oidc ? (
          <section class="mt-10 border-t border-solid-gray-420 pt-8" aria-labelledby="oidc-title">
            <h2 id="oidc-title" class="text-std-20B-150">{t.login.or}</h2>
            <p class="mt-2">{t.login.oidcLead}</p>
            <p class="mt-4">
              <a class="button-secondary" data-testid="oidc-login" data-oidc-link="municipalityCode"
                href={`/auth/oidc/start${selected ? `?municipality=${encodeURIComponent(selected)}` : ''}`}>
                {t.login.oidc(p.oidc.label)}
              </a>
            </p>
          </section>
        ) : null}

        <p class="mt-10"><a class="link" href="/portal">{t.login.residentLink}</a></p>
      </main>
    </PageShell>
  );
}

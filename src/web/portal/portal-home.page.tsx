// SPDX-License-Identifier: EUPL-1.2
/** The resident portal shell: public, explains what residents will be able to do. */
import type { Dictionary, Lang } from '../ui/i18n.ts';
import { PageShell, PublicHeader } from '../ui/page-shell.tsx';
import type { MunicipalityOption } from '../session/login.page.tsx';
import { guideText } from '../counter/guide-i18n.ts';
import { residentText } from './resident-i18n.ts';

/** The resident portal home page. */
export function PortalHomePage(p: {
  lang: Lang; t: Dictionary; currentPath: string; municipalities: MunicipalityOption[];
  /** The sign-in button's label when residents can sign in here. */
  signIn?: { label: string }; signedIn?: boolean; signedOut?: boolean;
}) {
  const { t } = p;
  const rt = residentText(p.lang);
  const only = p.municipalities.length === 1 ? p.municipalities[0] : undefined;
  return (
    <PageShell lang={p.lang} t={t} title={t.portal.title} municipalityName={only?.name}
      header={<PublicHeader lang={p.lang} t={t} currentPath={p.currentPath} subtitle={t.portal.title} />}>
      <main id="main" tabindex={-1} class="mx-auto w-full max-w-6xl flex-1 px-4 py-8 md:px-6 md:py-12">
        <h1 class="text-std-32B-150 md:text-std-36B-140">{only ? `${only.name} ${t.portal.heading}` : t.portal.heading}</h1>
        <p class="mt-4 max-w-3xl text-std-18N-160">{t.portal.lead}</p>
        <p class="mt-6"><a class="button-primary" href="/guide">{guideText(p.lang).title}</a></p>
        {p.signedOut ? <p class="mt-6 banner-success" role="status">{rt.signedOut}</p> : null}
        <section id="sign-in" aria-labelledby="sign-in-title" class="mt-8 card max-w-3xl">
          <h2 id="sign-in-title" class="text-std-24B-150">{rt.signIn}</h2>
          {p.signedIn ? <p class="mt-4"><a class="button-primary" href="/portal/my">{rt.myPage}</a></p>
            : !p.signIn ? <p class="mt-2">{rt.notConfigured}</p> : (
            <form method="get" action="/portal/login" class="mt-2">
              <p>{rt.signInLead}</p>
              {p.municipalities.length > 1 ? (
                <div class="form-field mt-4">
                  <label class="form-label" for="sign-in-municipality">{rt.chooseMunicipality}</label>
                  <select class="form-control" id="sign-in-municipality" name="municipality" required>
                    {p.municipalities.map((m) => <option value={m.code}>{`${m.prefectureName} ${m.name}`}</option>)}
                  </select>
                </div>
              ) : only ? <input type="hidden" name="municipality" value={only.code} /> : null}
              <button type="submit" class="button-primary mt-4">{p.signIn.label}</button>
            </form>
          )}
        </section>
        <h2 class="mt-10 text-std-24B-150">{t.portal.willTitle}</h2>
        <ul class="mt-4 grid gap-4 md:grid-cols-2">
          {t.portal.will.map((w) => (
            <li class="card">
              <h3 class="text-std-20B-150">{w.title}</h3>
              <p class="mt-2">{w.body}</p>
            </li>
          ))}
        </ul>
        <p class="mt-6 max-w-3xl">{t.portal.notice}</p>
        <h2 class="mt-10 text-std-24B-150">{t.portal.municipalities}</h2>
        {p.municipalities.length === 0 ? <p class="mt-4">{t.portal.noMunicipalities}</p> : (
          <ul class="mt-4 list-disc pl-6">
            {p.municipalities.map((m) => <li>{`${m.prefectureName} ${m.name}`}</li>)}
          </ul>
        )}
        <p class="mt-10"><a class="link" href="/login">{t.portal.staffLink}</a></p>
      </main>
    </PageShell>
  );
}

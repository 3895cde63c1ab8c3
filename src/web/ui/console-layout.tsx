// SPDX-License-Identifier: EUPL-1.2
/**
 * The staff console around every capability page: header with the municipality, the signed-in staff
 * member, their roles, language switch and logout; the navigation the roles allow; the main area.
 */
import type { Child } from 'hono/jsx';
import type { Actor } from '../../platform/auth/actor.ts';
import { ROLE_LABELS } from '../../platform/auth/permissions.ts';
import type { Dictionary, Lang } from './i18n.ts';
import { visibleNavItems, type CapabilityKey } from './console-nav.ts';
import { Brand, LanguageSwitch, PageShell } from './page-shell.tsx';
import { MANUAL_TEXT, manualSlugFor } from '../manual/manual-index.ts';

/** What a console page tells the layout. */
export interface ConsoleContext {
  lang: Lang;
  t: Dictionary;
  actor: Actor;
  municipalityName: string;
  /** Path and query of this page (for the language switch). */
  currentPath: string;
}

/** Props of `ConsoleLayout`. */
export interface ConsoleLayoutProps extends ConsoleContext {
  /** Page title (also the document title). */
  title: string;
  /** The menu entry to mark as current ('home' for the console home). */
  current: CapabilityKey | 'home' | undefined;
  children?: Child;
}

/** The role labels of an actor in the UI language, e.g. "窓口・審査". */
export function roleLabels(actor: Pick<Actor, 'roles'>, lang: Lang): string {
  return actor.roles.map((r) => ROLE_LABELS[r][lang]).join(lang === 'ja' ? '・' : ', ');
}

/** The console page frame that every capability page reuses. */
export function ConsoleLayout(props: ConsoleLayoutProps) {
  const { t, lang, actor } = props;
  const items = visibleNavItems(actor);
  // ヘルプ (spec §10.5): the operation manual's page of this screen, when it has one.
  const help = manualSlugFor(props.currentPath);
  // Names of municipalities and staff are Japanese; say so on English pages for screen readers.
  const nameLang = lang === 'en' ? 'ja' : undefined;
  const header = (
    <header class="border-b border-solid-gray-420 bg-white">
      <div class="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 md:px-6">
        <div class="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <Brand t={t} href="/console" />
          <p class="text-std-18B-160 text-solid-gray-900" data-testid="municipality">
            <span class="sr-only">{t.console.municipality}: </span><span lang={nameLang}>{props.municipalityName}</span>
          </p>
          <p class="text-dns-16N-130 text-solid-gray-700">{t.console.heading}</p>
        </div>
        <div class="flex flex-wrap items-center gap-x-4 gap-y-2">
          <p class="text-dns-16N-130" data-testid="signed-in">
            <span class="sr-only">{t.console.signedInAs}: </span>
            <span class="text-dns-16B-130 text-solid-gray-900" data-testid="staff-name" lang={nameLang}>{actor.displayName}</span>
            <span class="ml-2 badge" data-testid="staff-roles"><span class="sr-only">{t.console.role}: </span>{roleLabels(actor, lang)}</span>
          </p>
          <a class="link text-dns-16N-130" href="/console/account/two-factor" data-testid="two-factor-link">{MANUAL_TEXT[lang].twoFactor}</a>
          {help ? <a class="link text-dns-16N-130" href={`/console/manual/${help}`} data-testid="help-link">{MANUAL_TEXT[lang].help}</a> : null}
          <LanguageSwitch lang={lang} t={t} currentPath={props.currentPath} />
          <form method="post" action="/logout" data-once>
            <input type="hidden" name="_csrf" value={actor.csrfToken} />
            <button type="submit" class="button-secondary button-small">{t.console.logout}</button>
          </form>
        </div>
      </div>
    </header>
  );
  return (
    <PageShell lang={lang} t={t} title={props.title} municipalityName={props.municipalityName} header={header} wide>
      <div class="flex flex-1 flex-col md:flex-row">
        <nav aria-label={t.console.navLabel} class="border-b border-solid-gray-420 bg-solid-gray-50 px-3 py-4 md:w-64 md:shrink-0 md:border-r md:border-b-0">
          {/* On phones, app.js turns the menu into a disclosure; without JavaScript it simply stays open. */}
          <button type="button" class="button-secondary button-small mb-2 w-full md:hidden" hidden
            aria-expanded="true" aria-controls="console-nav-list" data-nav-toggle>
            {t.console.menu}
          </button>
          <ul id="console-nav-list" class="flex flex-col gap-1">
            <li>
              <a class="nav-link" href="/console" aria-current={props.current === 'home' ? 'page' : undefined}>{t.console.home}</a>
            </li>
            {items.map((item) => (
              <li>
                <a class="nav-link" href={item.path} aria-current={props.current === item.key ? 'page' : undefined}>
                  <span>{t.nav[item.key].label}</span>
                  {item.ready ? null : <span class="badge shrink-0 whitespace-nowrap">{t.console.comingSoon}</span>}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabindex={-1} class="min-w-0 flex-1 px-4 py-6 md:px-10 md:py-8">
          {props.children}
        </main>
      </div>
    </PageShell>
  );
}

// SPDX-License-Identifier: EUPL-1.2
/**
 * The DV等支援措置 notice of the registry views (個人票, 世帯票): a person a measure protects today is flagged
 * prominently with the measure's period, so a clerk does not issue or show a record to the wrong requester.
 * Only the period is shown; the kind, 相談機関 and note stay with `registry:support-measure` (spec §1.1.16).
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import { registryText } from './registry-i18n.ts';
import { wareki } from './registry-ui.tsx';

/** Person id → the active measures' notices (persons without a measure are absent). */
export type SupportNotices = Awaited<ReturnType<RegistryService['supportMeasureNoticesOf']>>;
type Notice = SupportNotices[string][number];

/** Text of the notice (from the registry dictionary; Japanese by default). */
export const SUPPORT_NOTICE_TEXT = registryText('ja').supportMeasure;
export type SupportNoticeText = typeof SUPPORT_NOTICE_TEXT;

function Periods(p: { notices: Notice[]; t: SupportNoticeText }) {
  return (
    <>
      {p.notices.map((n) => (
        <li>
          <span class="text-std-16B-170">{p.t.period(wareki(n.startsOn), wareki(n.endsOn))}</span>
          {n.overdue ? <span class="block">{p.t.overdue}</span> : n.expiring ? <span class="block">{p.t.expiring}</span> : null}
        </li>
      ))}
    </>
  );
}

/** The notice on a person's record; nothing when no measure protects the person. */
export function PersonSupportNotice(p: { notices: Notice[] | undefined; t?: SupportNoticeText }) {
  const t = p.t ?? SUPPORT_NOTICE_TEXT;
  if (!p.notices || p.notices.length === 0) return null;
  return (
    <section class="banner-warning mt-6 max-w-5xl" aria-labelledby="support-measure-heading" data-testid="support-measure-notice">
      <h2 id="support-measure-heading" class="text-std-20B-150">{t.heading}</h2>
      <p class="mt-2">{t.lead}</p>
      <ul class="mt-2 list-disc pl-6"><Periods notices={p.notices} t={t} /></ul>
    </section>
  );
}

/** The notice on a household: one entry per member a measure protects; nothing when none is. */
export function HouseholdSupportNotice(p: { notices: SupportNotices; members: Array<{ personId: string; name: string }>; t?: SupportNoticeText }) {
  const t = p.t ?? SUPPORT_NOTICE_TEXT;
  const protectedMembers = p.members.filter((m) => (p.notices[m.personId]?.length ?? 0) > 0);
  if (protectedMembers.length === 0) return null;
  return (
    <section class="banner-warning mt-6 max-w-5xl" aria-labelledby="support-measure-heading" data-testid="support-measure-notice">
      <h2 id="support-measure-heading" class="text-std-20B-150">{t.householdHeading}</h2>
      <p class="mt-2">{t.lead}</p>
      <ul class="mt-2 flex flex-col gap-2">
        {protectedMembers.map((m) => (
          <li data-person-id={m.personId}>
            <a class="link text-std-16B-170" href={`/console/registry/persons/${m.personId}`}>{m.name}</a>
            <ul class="list-disc pl-6"><Periods notices={p.notices[m.personId]!} t={t} /></ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

// SPDX-License-Identifier: EUPL-1.2
/** The counter visit: start from the card (券面事項), one interview, the signature sheet, filing every procedure at once. */
import { LIFE_EVENTS, LIFE_EVENT_LABELS, registryChangeOf, type LifeEvent, type Reservation, type VisitService } from '../../domains/counter/index.ts';
import { toWareki } from '../../platform/dates/jp-date.ts';
import { FORM_TOKEN_FIELD, newFormToken } from '../../platform/http/idempotency.ts';
import { DateInput } from '../ui/date-input.tsx';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { ConsoleLayout } from '../ui/console-layout.tsx';
import { counterVisitText, missingText } from './counter-visit-i18n.ts';

type Visit = Awaited<ReturnType<VisitService['get']>>;

const Hidden = (p: { csrf: string; idem?: boolean }) => (
  <>
    <input type="hidden" name="_csrf" value={p.csrf} />
    {p.idem ? <input type="hidden" name={FORM_TOKEN_FIELD} value={newFormToken()} /> : null}
  </>
);

/** A registry search hit at reception. */
export interface ReceptionHit { personId: string; name: string; nameKana: string; birthDate: string; sex: 'male' | 'female'; address: string; relationship: string; status: string }

const REGISTRY_EVENTS: LifeEvent[] = ['move-within', 'move-out', 'birth', 'death', 'household-change'];

/** Reception: a registered resident found in the registry (転居・転出・出生・死亡・世帯変更), or the card texts of a household moving in. */
export function VisitStartPage(p: ConsoleContext & { ticket?: number; events: LifeEvent[]; cards: string[]; error?: string; q?: string; hits?: ReceptionHit[];
  reservation?: Reservation; reservations?: Array<{ caseNo: string; applicantName: string; receivedOn: string }> }) {
  const slots = Array.from({ length: 6 }, (_, i) => p.cards[i] ?? '');
  const registryEvents = p.events.filter((e) => REGISTRY_EVENTS.includes(e));
  const r = p.reservation;
  const keep = r ? <input type="hidden" name="reservation" value={r.caseNo} /> : null;
  const k = counterVisitText(p.lang).start;
  return (
    <ConsoleLayout {...p} title={k.title} current="counter">
      <h1 class="text-std-32B-150">{k.heading}{p.ticket ? k.ticket(p.ticket) : ''}</h1>
      {p.error ? <div class="banner-error mt-4" role="alert"><p class="font-bold">{k.refused}</p><p>{p.error}</p></div> : null}
      {r ? (
        <section class="card mt-6 border-l-4 border-blue-900" aria-labelledby="reservation-title" data-testid="reservation">
          <h2 id="reservation-title" class="text-std-20B-150">{k.reservationHeading(r.caseNo)}</h2>
          <dl class="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
            <dt class="font-bold">{k.applicant}</dt><dd>{k.applicantLine(`${r.applicant.familyName} ${r.applicant.givenName}`, dateWa(r.applicant.birthDate))}</dd>
            <dt class="font-bold">{k.notification}</dt><dd>{k.kind[r.kind]}</dd>
            <dt class="font-bold">{k.movedOn}</dt><dd>{dateWa(r.movedOn)}</dd>
            <dt class="font-bold">{k.newAddress}</dt><dd>{r.newAddress}</dd>
            {r.previousAddress ? <><dt class="font-bold">{k.previousAddress}</dt><dd>{r.previousAddress}</dd></> : null}
          </dl>
          <p class="mt-2">{k.reservationNext[r.kind]}</p>
        </section>
      ) : p.reservations?.length ? (
        <section class="card mt-6" aria-labelledby="reservations-title">
          <h2 id="reservations-title" class="text-std-20B-150">{k.reservationsHeading}</h2>
          <ul class="mt-2 flex flex-col gap-1" data-testid="reservations">
            {p.reservations.map((x) => <li><a class="link" href={`/console/counter/visits/new?reservation=${x.caseNo}${p.ticket ? `&ticket=${p.ticket}` : ''}`}>{k.reservationItem(x.applicantName, x.caseNo, dateWa(x.receivedOn))}</a></li>)}
          </ul>
        </section>
      ) : null}
      <section class="card mt-6" aria-labelledby="from-registry-title">
        <h2 id="from-registry-title" class="text-std-20B-150">{k.registryHeading}</h2>
        <form method="get" action="/console/counter/visits/new" class="mt-3 flex flex-col gap-4">
          {p.ticket ? <input type="hidden" name="ticket" value={String(p.ticket)} /> : null}
          {keep}
          <fieldset>
            <legend class="form-label">{k.business}</legend>
            <div class="mt-1 flex flex-wrap gap-x-6">
              {REGISTRY_EVENTS.map((e) => <label class="flex min-h-9 items-center gap-2"><input type="checkbox" name="e" value={e} class="size-5" checked={registryEvents.includes(e)} />{LIFE_EVENT_LABELS[e][p.lang]}</label>)}
            </div>
          </fieldset>
          <div class="flex flex-wrap items-end gap-3">
            <div class="form-field"><label class="form-label" for="q">{k.search}</label>
              <p class="form-hint" id="q-hint">{k.searchHint}</p>
              <input id="q" name="q" value={p.q ?? ''} class="form-control" aria-describedby="q-hint" maxlength={200} /></div>
            <button type="submit" class="button-secondary">{k.searchButton}</button>
          </div>
        </form>
        {p.hits ? (p.hits.length === 0 ? <p class="mt-4" role="status">{k.noHits}</p> : (
          <table class="mt-4 w-full border-collapse text-left" data-testid="reception-hits">
            <thead><tr class="border-b border-solid-gray-420">{[k.columns.name, k.columns.birthDate, k.columns.address, k.columns.relationship].map((h) => <th scope="col" class="px-2 py-2">{h}</th>)}<th scope="col" class="px-2 py-2"><span class="sr-only">{k.columns.action}</span></th></tr></thead>
            <tbody>
              {p.hits.map((h) => (
                <tr class="border-b border-solid-gray-200 align-top">
                  <td class="px-2 py-2 font-bold">{h.name}<br /><span class="text-dns-14N-130 font-normal">{h.nameKana}</span></td>
                  <td class="px-2 py-2">{h.birthDate}</td>
                  <td class="px-2 py-2">{h.address}</td>
                  <td class="px-2 py-2">{h.relationship}</td>
                  <td class="px-2 py-2">
                    <form method="post" action="/console/counter/visits/from-registry">
                      <Hidden csrf={p.actor.csrfToken} idem />
                      <input type="hidden" name="personId" value={h.personId} />
                      {keep}
                      {p.ticket ? <input type="hidden" name="ticket" value={String(p.ticket)} /> : null}
                      {registryEvents.map((e) => <input type="hidden" name="e" value={e} />)}
                      <button type="submit" class="button-primary button-small">{k.startWith(h.name)}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )) : null}
      </section>
      <h2 class="mt-8 text-std-20B-150">{k.cardHeading}</h2>
      <form method="post" action="/console/counter/visits" class="mt-4 flex flex-col gap-6">
        <Hidden csrf={p.actor.csrfToken} idem />
        {p.ticket ? <input type="hidden" name="ticket" value={String(p.ticket)} /> : null}
        {keep}
        <fieldset>
          <legend class="form-label">{k.lifeEvents}</legend>
          <div class="mt-2 grid gap-1 md:grid-cols-2">
            {LIFE_EVENTS.filter((e) => !REGISTRY_EVENTS.includes(e)).map((e) => <label class="flex min-h-9 items-center gap-2"><input type="checkbox" name="e" value={e} class="size-5" checked={p.events.includes(e)} />{LIFE_EVENT_LABELS[e][p.lang]}</label>)}
          </div>
        </fieldset>
        <fieldset>
          <legend class="form-label">{k.cards}</legend>
          <p class="form-hint">{k.cardsHint}<a class="link" href={`/console/counter/visits/new?${p.ticket ? `ticket=${p.ticket}&` : ''}${r ? `reservation=${r.caseNo}&` : ''}simulate=1`}>{k.simulate}</a></p>
          <div class="mt-2 grid gap-4 md:grid-cols-2">
            {slots.map((text, i) => (
              <div class="form-field">
                <label class="form-label" for={`card${i}`}>{k.person(i + 1)}</label>
                <textarea id={`card${i}`} name="card" rows={4} class="form-control !max-w-none" maxlength={600}>{text}</textarea>
              </div>
            ))}
          </div>
        </fieldset>
        <div><button type="submit" class="button-primary">{k.submit}</button></div>
      </form>
    </ConsoleLayout>
  );
}

/** 和暦 of an ISO day ('' for anything else). */
const dateWa = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? toWareki(iso) : '');

function Field(p: { id: string; label: string; value: string; type?: string; hint?: string; missing?: string; wide?: boolean; inputmode?: 'tel' | 'numeric' }) {
  return (
    <div class="form-field">
      <label class="form-label" for={p.id}>{p.label}</label>
      {p.hint ? <p class="form-hint">{p.hint}</p> : null}
      {p.missing ? <p class="form-error" id={`${p.id}-error`}>{p.missing}</p> : null}
      <input id={p.id} name={p.id} type={p.type ?? 'text'} value={p.value} class={`form-control${p.wide ? ' !max-w-none' : ''}`}
        inputmode={p.inputmode} aria-invalid={p.missing ? 'true' : undefined} aria-describedby={p.missing ? `${p.id}-error` : undefined} />
    </div>
  );
}

/** The interview and, when complete, the sheet and filing. */
export function VisitPage(p: ConsoleContext & { visit: Visit; notice?: string; error?: string }) {
  const v = p.visit;
  const iv = v.interview;
  const csrf = p.actor.csrfToken;
  const filed = v.status === 'filed';
  const T = counterVisitText(p.lang);
  const { visit: k, interview: q } = T;
  const L = (x: { ja: string; en: string }) => x[p.lang];
  // Fields say what is missing once the interview was saved; before, the checklist at the end lists it.
  const miss = (f: string) => { const m = v.saved ? v.missing.find((x) => x.field === f) : undefined; return m ? missingText(T, m) : undefined; };
  const has = (c: string) => v.needed.some((n) => n.code === c);
  const who = (refs: string[]) => (refs.length ? refs.map((r) => { const m = iv.members[Number(r)]; return m ? `${m.familyName} ${m.givenName}` : ''; }).join(k.nameJoin) : k.household);
  const notListed = v.rules.procedures.filter((d) => !v.needed.some((n) => n.code === d.code));
  const change = registryChangeOf(v.needed);
  const registered = !!iv.householdId;
  const members = iv.members.filter((m) => !m.isNew);
  const newborn = iv.members.find((m) => m.isNew);
  return (
    <ConsoleLayout {...p} title={k.title(v.visitNo)} current="counter">
      <h1 class="text-std-32B-150">{k.title(v.visitNo)}{v.ticketNumber ? T.start.ticket(v.ticketNumber) : ''}</h1>
      <p class="mt-2">{v.events.map((e) => LIFE_EVENT_LABELS[e][p.lang]).join(k.eventsJoin)}</p>
      {p.notice ? <div class="banner-success mt-4" role="status">{p.notice}</div> : null}
      {p.error ? <div class="banner-error mt-4" role="alert"><p class="font-bold">{k.refused}</p><p>{p.error}</p></div> : null}
      {filed ? (
        <section class="banner-success mt-6" data-testid="filed">
          <h2 class="text-std-24B-150">{k.filed}</h2>
          {v.hasRegistryChange ? <p class="mt-2">{k.filedRegistry}</p> : null}
          <ul class="mt-2 list-disc pl-6">{v.caseNos.map((no) => <li><a class="link" href={`/console/cases/${no}`}>{k.caseLink(no)}</a></li>)}</ul>
          <p class="mt-4 flex flex-wrap gap-6"><a class="link" href={`/console/counter/visits/${v.visitNo}/sheet.pdf`}>{k.sheetLink}</a><a class="link" href="/console/counter">{k.back}</a></p>
        </section>
      ) : null}

      <section class="mt-8" aria-labelledby="procedures-title" id="procedures">
        <h2 id="procedures-title" class="text-std-24B-150">{k.procedures(v.needed.length)}</h2>
        <table class="mt-3 w-full border-collapse text-left">
          <thead><tr class="border-b border-solid-gray-420"><th scope="col" class="px-2 py-2">{k.columns.procedure}</th><th scope="col" class="px-2 py-2">{k.columns.reason}</th><th scope="col" class="px-2 py-2">{k.columns.forWhom}</th><th scope="col" class="px-2 py-2">{k.columns.where}</th>{filed ? null : <th scope="col" class="px-2 py-2">{k.columns.drop}</th>}</tr></thead>
          <tbody>
            {v.needed.map((n) => (
              <tr class="border-b border-solid-gray-200 align-top" data-procedure={n.code}>
                <td class="px-2 py-2 font-bold">{L(n.def.title)}{n.source === 'clerk' ? <span class="badge ml-2">{k.byClerk}</span> : null}</td>
                <td class="px-2 py-2">{L(n.reason)}</td>
                <td class="px-2 py-2">{who(n.memberRefs)}</td>
                <td class="px-2 py-2">{L(n.def.where)}</td>
                {filed ? null : (
                  <td class="px-2 py-2">
                    <form method="post" action={`/console/counter/visits/${v.visitNo}/adjustments`} class="flex flex-wrap items-end gap-2">
                      <Hidden csrf={csrf} />
                      <input type="hidden" name="action" value="drop" /><input type="hidden" name="code" value={n.code} />
                      <label class="sr-only" for={`drop-${n.code}`}>{k.dropReasonOf(L(n.def.title))}</label>
                      <input id={`drop-${n.code}`} name="reason" class="form-control !w-40 !py-1" placeholder={k.dropReason} maxlength={200} />
                      <button type="submit" class="button-secondary button-small">{k.drop}</button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {v.dropped.length ? <p class="mt-2">{k.dropped}{v.dropped.map((d) => k.droppedItem(L(d.def.title), d.reason)).join(k.droppedJoin)}</p> : null}
        {filed ? null : (
          <form method="post" action={`/console/counter/visits/${v.visitNo}/adjustments`} class="mt-4 flex flex-wrap items-end gap-3">
            <Hidden csrf={csrf} />
            <input type="hidden" name="action" value="add" />
            <div class="form-field"><label class="form-label" for="add-code">{k.add}</label>
              <select id="add-code" name="code" class="form-control">{notListed.map((d) => <option value={d.code}>{L(d.title)}</option>)}</select></div>
            <div class="form-field"><label class="form-label" for="add-reason">{k.addReason}</label><input id="add-reason" name="reason" class="form-control" maxlength={200} /></div>
            <button type="submit" class="button-secondary">{k.addButton}</button>
          </form>
        )}
      </section>

      {filed ? null : (
        <section class="mt-10" aria-labelledby="interview-title">
          <h2 id="interview-title" class="text-std-24B-150">{q.heading}</h2>
          <form method="post" action={`/console/counter/visits/${v.visitNo}/interview`} class="mt-4 flex flex-col gap-6">
            <Hidden csrf={csrf} />
            <div class="grid gap-4 md:grid-cols-3">
              <DateInput name="occurredOn" label={q.occurred[change ?? 'move-in'] ?? q.occurredDefault} value={dateWa(iv.occurredOn) || iv.occurredOn} error={miss('occurredOn')} lang={p.lang} />
              <Field id="phone" label={q.phone} value={iv.phone} inputmode="tel" missing={miss('phone')} />
              {change === 'move-in' ? <Field id="previousAddress" label={q.previousAddress} value={iv.previousAddress} missing={miss('previousAddress')} wide /> : null}
              {change === 'move-in' || change === 'move-within' ? <>
                <Field id="townName" label={q.townName} value={iv.townName} hint={q.townHint} />
                <Field id="banchi" label={q.banchi} value={iv.banchi} missing={miss('banchi')} />
                <Field id="katagaki" label={q.katagaki} value={iv.katagaki} />
              </> : null}
              {change === 'move-out' ? <Field id="destination" label={q.destination} value={iv.destination} missing={miss('destination')} wide hint={q.destinationHint} /> : null}
              {change === 'move-in' || change === 'birth' ? <>
                <Field id="honseki" label={q.honseki} value={iv.honseki} missing={miss('honseki')} hint={q.honsekiHint} />
                <Field id="hittosha" label={q.hittosha} value={iv.hittosha} />
              </> : null}
            </div>
            {registered && (change === 'death' || change === 'household-change' || change === 'move-out' || change === 'move-within') ? (
              <div class="form-field">
                <label class="form-label" for="newHeadRef">{q.newHead}</label>
                <p class="form-hint" id="newHeadRef-hint">{change === 'household-change' ? q.newHeadHint['household-change'] : q.newHeadHint.other}</p>
                {miss('newHeadRef') ? <p class="form-error" id="newHeadRef-error">{miss('newHeadRef')}</p> : null}
                <select id="newHeadRef" name="newHeadRef" class="form-control" aria-describedby="newHeadRef-hint">
                  <option value="">{q.none}</option>
                  {members.map((m, i) => <option value={String(i)} selected={iv.newHeadRef === String(i)}>{q.headOption(`${m.familyName} ${m.givenName}`, m.relationship)}</option>)}
                </select>
              </div>
            ) : null}
            {change === 'birth' ? (
              <fieldset class="card" data-testid="newborn"><legend class="font-bold">{q.newborn}</legend>
                {miss('nb-givenName') ? <p class="form-error">{miss('nb-givenName')}</p> : null}
                <div class="grid gap-4 md:grid-cols-3">
                  <Field id="nb-familyName" label={q.familyName} value={newborn?.familyName ?? members[0]?.familyName ?? ''} />
                  <Field id="nb-givenName" label={q.givenName} value={newborn?.givenName ?? ''} />
                  <Field id="nb-familyNameKana" label={q.familyNameKana} value={newborn?.familyNameKana ?? members[0]?.familyNameKana ?? ''} />
                  <Field id="nb-givenNameKana" label={q.givenNameKana} value={newborn?.givenNameKana ?? ''} />
                  <DateInput name="nb-birthDate" label={q.birthDate} value={newborn && newborn.birthDate !== '0000-01-01' ? dateWa(newborn.birthDate) : ''} lang={p.lang} />
                  <div class="form-field"><label class="form-label" for="nb-sex">{q.sex}</label>
                    <select id="nb-sex" name="nb-sex" class="form-control"><option value="female" selected={newborn?.sex !== 'male'}>{q.sexes.female}</option><option value="male" selected={newborn?.sex === 'male'}>{q.sexes.male}</option></select></div>
                  <Field id="nb-relationship" label={q.relationship} value={newborn?.relationship ?? '子'} />
                </div>
                <label class="mt-3 flex items-center gap-2"><input type="checkbox" name="nb-nhi" value="1" checked={newborn?.nhi} class="size-5" />{q.newbornNhi}</label>
              </fieldset>
            ) : null}
            <fieldset>
              <legend class="form-label">{registered ? q.members.registered : q.members.cards}</legend>
              {registered ? <input type="hidden" name="concernedShown" value="1" /> : null}
              <p class="form-hint">{q.kanaHint}</p>
              <table class="mt-2 w-full border-collapse text-left">
                <thead><tr class="border-b border-solid-gray-420">{[...(registered ? [q.concerned[change ?? ''] ?? q.concernedDefault] : []), q.columns.name, q.columns.familyNameKana, q.columns.givenNameKana, q.columns.birthDate, q.columns.relationship, q.columns.nhi].map((h) => <th scope="col" class="px-2 py-2">{h}</th>)}</tr></thead>
                <tbody>
                  {members.map((m, i) => (
                    <tr class="border-b border-solid-gray-200 align-top">
                      {registered ? <td class="px-2 py-2"><label class="flex items-center gap-2"><input type="checkbox" name={`c${i}`} value="1" checked={m.concerned} class="size-5" /><span class="sr-only">{`${m.familyName} ${m.givenName}`}</span></label></td> : null}
                      <td class="px-2 py-2 font-bold">{`${m.familyName} ${m.givenName}`}<br /><span class="text-dns-14N-130">{q.sexes[m.sex]}</span></td>
                      <td class="px-2 py-2"><label class="sr-only" for={`kf${i}`}>{q.srKanaFamily(`${m.familyName} ${m.givenName}`)}</label><input id={`kf${i}`} name={`kf${i}`} value={m.familyNameKana} class="form-control !w-36" aria-invalid={miss(`m${i}.kana`) ? 'true' : undefined} /></td>
                      <td class="px-2 py-2"><label class="sr-only" for={`kg${i}`}>{q.srKanaGiven(`${m.familyName} ${m.givenName}`)}</label><input id={`kg${i}`} name={`kg${i}`} value={m.givenNameKana} class="form-control !w-36" /></td>
                      <td class="px-2 py-2">{toWareki(m.birthDate)}</td>
                      <td class="px-2 py-2"><label class="sr-only" for={`rel${i}`}>{q.srRelationship(`${m.familyName} ${m.givenName}`)}</label>
                        <input id={`rel${i}`} name={`rel${i}`} value={m.relationship} list="relationships" class="form-control !w-28" aria-invalid={miss(`m${i}.relationship`) ? 'true' : undefined} /></td>
                      <td class="px-2 py-2"><label class="flex items-center gap-2"><input type="checkbox" name={`nhi${i}`} value="1" checked={m.nhi} class="size-5" />{q.nhiJoin}</label></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <datalist id="relationships">{['世帯主', '妻', '夫', '子', '父', '母', '同居人'].map((r) => <option value={r} />)}</datalist>
              {change === 'move-in' ? members.map((m, i) => (m.foreign ? (
                <fieldset class="card mt-3" data-testid={`residence-card-${i}`}><legend class="font-bold">{q.residenceCard(`${m.familyName} ${m.givenName}`)}</legend>
                  <div class="grid gap-4 md:grid-cols-3">
                    <Field id={`rn${i}`} label={q.romanName} value={m.romanName} />
                    <Field id={`nat${i}`} label={q.nationality} value={m.nationality} missing={miss(`m${i}.nationality`)} />
                    <Field id={`rc${i}`} label={q.residenceCardNo} value={m.residenceCardNo} missing={miss(`m${i}.residenceCardNo`)} hint={q.residenceCardNoHint} />
                    <Field id={`rs${i}`} label={q.residenceStatus} value={m.residenceStatus} missing={miss(`m${i}.residenceStatus`)} />
                    <DateInput name={`rx${i}`} label={q.residenceExpiry} value={dateWa(m.residenceExpiry) || m.residenceExpiry} lang={p.lang} />
                  </div>
                </fieldset>
              ) : null)) : null}
              <label class="mt-3 flex items-center gap-2"><input type="checkbox" name="dog" value="1" checked={iv.dog} class="size-5" />{q.dog}</label>
            </fieldset>
            {has('child-allowance') ? (
              <fieldset class="card"><legend class="font-bold">{q.childAllowance}</legend>
                <div class="grid gap-4 md:grid-cols-4">
                  <Field id="bankName" label={q.bankName} value={iv.bankName} missing={miss('bankName')} />
                  <Field id="branchName" label={q.branchName} value={iv.branchName} />
                  <div class="form-field"><label class="form-label" for="accountType">{q.accountType}</label>
                    <select id="accountType" name="accountType" class="form-control"><option value="ordinary" selected={iv.accountType === 'ordinary'}>{q.accountTypes.ordinary}</option><option value="current" selected={iv.accountType === 'current'}>{q.accountTypes.current}</option></select></div>
                  <Field id="accountNumber" label={q.accountNumber} value={iv.accountNumber} inputmode="numeric" missing={miss('accountNumber')} />
                </div>
              </fieldset>
            ) : null}
            {has('daycare') ? (
              <fieldset class="card"><legend class="font-bold">{q.daycare}</legend>
                <div class="grid gap-4 md:grid-cols-3">
                  <DateInput name="daycareStart" label={q.daycareStart} value={dateWa(iv.daycareStart) || iv.daycareStart} error={miss('daycareStart')} lang={p.lang} />
                  <Field id="daycarePreferences" label={q.daycarePreferences} value={iv.daycarePreferences} missing={miss('daycarePreferences')} />
                  <Field id="daycareReason" label={q.daycareReason} value={iv.daycareReason} missing={miss('daycareReason')} hint={q.daycareReasonHint} />
                </div>
              </fieldset>
            ) : null}
            {has('child-medical') ? (
              <fieldset class="card"><legend class="font-bold">{q.childMedical}</legend>
                <Field id="insurer" label={q.insurer} value={iv.insurer} missing={miss('insurer')} hint={q.insurerHint} />
              </fieldset>
            ) : null}
            {has('school-enrolment') ? (
              <fieldset class="card"><legend class="font-bold">{q.school}</legend>
                <Field id="previousSchool" label={q.previousSchool} value={iv.previousSchool} />
              </fieldset>
            ) : null}
            <div><button type="submit" class="button-primary">{q.save}</button></div>
          </form>
        </section>
      )}

      {filed ? null : (
        <section class="mt-10 card" aria-labelledby="file-title">
          <h2 id="file-title" class="text-std-24B-150">{T.file.heading}</h2>
          {v.missing.length ? (
            <div data-testid="missing"><p class="mt-2">{T.file.missingLead}</p>
              <ul class="mt-2 list-disc pl-6">{v.missing.map((x) => <li><a class="link" href={`#${x.field.startsWith('m') ? `${x.field.endsWith('kana') ? 'kf' : 'rel'}${x.field.slice(1, x.field.indexOf('.'))}` : x.field}`}>{missingText(T, x)}</a></li>)}</ul></div>
          ) : (
            <div>
              <p class="mt-2">{T.file.readyLead}</p>
              <p class="mt-4"><a class="button-secondary" href={`/console/counter/visits/${v.visitNo}/sheet.pdf`}>{T.file.openSheet}</a></p>
              <form method="post" action={`/console/counter/visits/${v.visitNo}/filing`} class="mt-4">
                <Hidden csrf={csrf} idem />
                <label class="flex items-center gap-2"><input type="checkbox" name="signed" value="1" class="size-5" required />{T.file.signed}</label>
                <button type="submit" class="button-primary mt-4">{T.file.submit(v.needed.filter((n) => n.def.caseType || n.def.registryChange).length)}</button>
              </form>
            </div>
          )}
        </section>
      )}
    </ConsoleLayout>
  );
}

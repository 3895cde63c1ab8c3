// SPDX-License-Identifier: EUPL-1.2
/** The counter visit: start from the card (券面事項), one interview, the signature sheet, filing every procedure at once. */
import { LIFE_EVENTS, LIFE_EVENT_LABELS, registryChangeOf, type LifeEvent, type Reservation, type VisitService } from '../../domains/counter/index.ts';
import { toWareki } from '../../platform/dates/jp-date.ts';
import { FORM_TOKEN_FIELD, newFormToken } from '../../platform/http/idempotency.ts';
import { DateInput } from '../ui/date-input.tsx';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { ConsoleLayout } from '../ui/console-layout.tsx';

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
  return (
    <ConsoleLayout {...p} title="来庁受付（聞き取りの開始）" current="counter">
      <h1 class="text-std-32B-150">来庁受付{p.ticket ? `（受付番号 ${p.ticket} 番）` : ''}</h1>
      {p.error ? <div class="banner-error mt-4" role="alert"><p class="font-bold">受け付けられませんでした</p><p>{p.error}</p></div> : null}
      {r ? (
        <section class="card mt-6 border-l-4 border-blue-900" aria-labelledby="reservation-title" data-testid="reservation">
          <h2 id="reservation-title" class="text-std-20B-150">{`来庁予約（受付番号 ${r.caseNo}）の内容で聞き取りを始めます`}</h2>
          <dl class="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
            <dt class="font-bold">申請者</dt><dd>{`${r.applicant.familyName} ${r.applicant.givenName}（${dateWa(r.applicant.birthDate)}生）`}</dd>
            <dt class="font-bold">届出</dt><dd>{r.kind === 'move-in' ? '転入届' : '転居届'}</dd>
            <dt class="font-bold">引越し日</dt><dd>{dateWa(r.movedOn)}</dd>
            <dt class="font-bold">新しい住所</dt><dd>{r.newAddress}</dd>
            {r.previousAddress ? <><dt class="font-bold">前の住所</dt><dd>{r.previousAddress}</dd></> : null}
          </dl>
          <p class="mt-2">{r.kind === 'move-in' ? '世帯員のカードを読み取ってください。予約の内容は聞き取りに入ります。' : '住民記録から申請者を選んでください。予約の内容は聞き取りに入ります。'}</p>
        </section>
      ) : p.reservations?.length ? (
        <section class="card mt-6" aria-labelledby="reservations-title">
          <h2 id="reservations-title" class="text-std-20B-150">来庁予約（オンラインで届いた転入・転居）</h2>
          <ul class="mt-2 flex flex-col gap-1" data-testid="reservations">
            {p.reservations.map((x) => <li><a class="link" href={`/console/counter/visits/new?reservation=${x.caseNo}${p.ticket ? `&ticket=${p.ticket}` : ''}`}>{`${x.applicantName}さん（受付番号 ${x.caseNo}、${dateWa(x.receivedOn)}受付）`}</a></li>)}
          </ul>
        </section>
      ) : null}
      <section class="card mt-6" aria-labelledby="from-registry-title">
        <h2 id="from-registry-title" class="text-std-20B-150">住民記録にある方（転居・転出・出生・死亡・世帯変更）</h2>
        <form method="get" action="/console/counter/visits/new" class="mt-3 flex flex-col gap-4">
          {p.ticket ? <input type="hidden" name="ticket" value={String(p.ticket)} /> : null}
          {keep}
          <fieldset>
            <legend class="form-label">ご用件</legend>
            <div class="mt-1 flex flex-wrap gap-x-6">
              {REGISTRY_EVENTS.map((e) => <label class="flex min-h-9 items-center gap-2"><input type="checkbox" name="e" value={e} class="size-5" checked={registryEvents.includes(e)} />{LIFE_EVENT_LABELS[e].ja}</label>)}
            </div>
          </fieldset>
          <div class="flex flex-wrap items-end gap-3">
            <div class="form-field"><label class="form-label" for="q">住民を検索</label>
              <p class="form-hint" id="q-hint">氏名（漢字・カナ）、生年月日（和暦）、又は氏名と生年月日</p>
              <input id="q" name="q" value={p.q ?? ''} class="form-control" aria-describedby="q-hint" maxlength={200} /></div>
            <button type="submit" class="button-secondary">検索</button>
          </div>
        </form>
        {p.hits ? (p.hits.length === 0 ? <p class="mt-4" role="status">該当する住民はいません。</p> : (
          <table class="mt-4 w-full border-collapse text-left" data-testid="reception-hits">
            <thead><tr class="border-b border-solid-gray-420">{['氏名', '生年月日', '住所', '続柄', ''].map((h) => <th scope="col" class="px-2 py-2">{h}</th>)}</tr></thead>
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
                      <button type="submit" class="button-primary button-small">{`${h.name}さんで受付`}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )) : null}
      </section>
      <h2 class="mt-8 text-std-20B-150">転入（カードから）</h2>
      <form method="post" action="/console/counter/visits" class="mt-4 flex flex-col gap-6">
        <Hidden csrf={p.actor.csrfToken} idem />
        {p.ticket ? <input type="hidden" name="ticket" value={String(p.ticket)} /> : null}
        {keep}
        <fieldset>
          <legend class="form-label">ご用件（ライフイベント）</legend>
          <div class="mt-2 grid gap-1 md:grid-cols-2">
            {LIFE_EVENTS.filter((e) => !REGISTRY_EVENTS.includes(e)).map((e) => <label class="flex min-h-9 items-center gap-2"><input type="checkbox" name="e" value={e} class="size-5" checked={p.events.includes(e)} />{LIFE_EVENT_LABELS[e].ja}</label>)}
          </div>
        </fieldset>
        <fieldset>
          <legend class="form-label">世帯員のマイナンバーカード（券面事項）</legend>
          <p class="form-hint">カードを読み取り装置に置くと券面事項（氏名・住所・生年月日・性別）が入ります。届出人を1人目にしてください。<a class="link" href={`/console/counter/visits/new?${p.ticket ? `ticket=${p.ticket}&` : ''}${r ? `reservation=${r.caseNo}&` : ''}simulate=1`}>模擬カードを読み取る（デモ）</a></p>
          <div class="mt-2 grid gap-4 md:grid-cols-2">
            {slots.map((text, i) => (
              <div class="form-field">
                <label class="form-label" for={`card${i}`}>{`${i + 1}人目`}</label>
                <textarea id={`card${i}`} name="card" rows={4} class="form-control !max-w-none" maxlength={600}>{text}</textarea>
              </div>
            ))}
          </div>
        </fieldset>
        <div><button type="submit" class="button-primary">聞き取りを始める</button></div>
      </form>
    </ConsoleLayout>
  );
}

const OCCURRED_LABEL: Record<string, string> = { 'move-in': '異動日（引越した日）', 'move-within': '異動日（引越した日）', 'move-out': '転出日（予定日）', birth: '生まれた日', death: '亡くなった日', 'household-change': '変更の日' };
const CONCERNED_LABEL: Record<string, string> = { 'move-within': '引越す', 'move-out': '転出する', death: '亡くなった方' };

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
  // Fields say what is missing once the interview was saved; before, the checklist at the end lists it.
  const miss = (f: string) => (v.saved ? v.missing.find((x) => x.field === f)?.message : undefined);
  const has = (c: string) => v.needed.some((n) => n.code === c);
  const who = (refs: string[]) => (refs.length ? refs.map((r) => { const m = iv.members[Number(r)]; return m ? `${m.familyName} ${m.givenName}` : ''; }).join('、') : '世帯');
  const notListed = v.rules.procedures.filter((d) => !v.needed.some((n) => n.code === d.code));
  const change = registryChangeOf(v.needed);
  const registered = !!iv.householdId;
  const members = iv.members.filter((m) => !m.isNew);
  const newborn = iv.members.find((m) => m.isNew);
  return (
    <ConsoleLayout {...p} title={`来庁 ${v.visitNo}`} current="counter">
      <h1 class="text-std-32B-150">{`来庁 ${v.visitNo}`}{v.ticketNumber ? `（受付番号 ${v.ticketNumber} 番）` : ''}</h1>
      <p class="mt-2">{v.events.map((e) => LIFE_EVENT_LABELS[e].ja).join('・')}</p>
      {p.notice ? <div class="banner-success mt-4" role="status">{p.notice}</div> : null}
      {p.error ? <div class="banner-error mt-4" role="alert"><p class="font-bold">できませんでした</p><p>{p.error}</p></div> : null}
      {filed ? (
        <section class="banner-success mt-6" data-testid="filed">
          <h2 class="text-std-24B-150">すべての届出・申請を受け付けました</h2>
          {v.hasRegistryChange ? <p class="mt-2">住民記録に仮登録しました（本登録は住民記録の仮登録一覧で行います）。</p> : null}
          <ul class="mt-2 list-disc pl-6">{v.caseNos.map((no) => <li><a class="link" href={`/console/cases/${no}`}>{`案件 ${no}`}</a></li>)}</ul>
          <p class="mt-4"><a class="link" href={`/console/counter/visits/${v.visitNo}/sheet.pdf`}>確認・署名用シート（PDF）</a>　<a class="link" href="/console/counter">受付に戻る</a></p>
        </section>
      ) : null}

      <section class="mt-8" aria-labelledby="procedures-title" id="procedures">
        <h2 id="procedures-title" class="text-std-24B-150">{`必要な手続（${v.needed.length}件）`}</h2>
        <table class="mt-3 w-full border-collapse text-left">
          <thead><tr class="border-b border-solid-gray-420"><th scope="col" class="px-2 py-2">手続</th><th scope="col" class="px-2 py-2">理由</th><th scope="col" class="px-2 py-2">対象</th><th scope="col" class="px-2 py-2">窓口</th>{filed ? null : <th scope="col" class="px-2 py-2">外す</th>}</tr></thead>
          <tbody>
            {v.needed.map((n) => (
              <tr class="border-b border-solid-gray-200 align-top" data-procedure={n.code}>
                <td class="px-2 py-2 font-bold">{n.def.title.ja}{n.source === 'clerk' ? <span class="badge ml-2">職員が追加</span> : null}</td>
                <td class="px-2 py-2">{n.reason.ja}</td>
                <td class="px-2 py-2">{who(n.memberRefs)}</td>
                <td class="px-2 py-2">{n.def.where.ja}</td>
                {filed ? null : (
                  <td class="px-2 py-2">
                    <form method="post" action={`/console/counter/visits/${v.visitNo}/adjustments`} class="flex flex-wrap items-end gap-2">
                      <Hidden csrf={csrf} />
                      <input type="hidden" name="action" value="drop" /><input type="hidden" name="code" value={n.code} />
                      <label class="sr-only" for={`drop-${n.code}`}>{`${n.def.title.ja}を外す理由`}</label>
                      <input id={`drop-${n.code}`} name="reason" class="form-control !w-40 !py-1" placeholder="外す理由" maxlength={200} />
                      <button type="submit" class="button-secondary button-small">外す</button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {v.dropped.length ? <p class="mt-2">外した手続: {v.dropped.map((d) => `${d.def.title.ja}（${d.reason}）`).join('、')}</p> : null}
        {filed ? null : (
          <form method="post" action={`/console/counter/visits/${v.visitNo}/adjustments`} class="mt-4 flex flex-wrap items-end gap-3">
            <Hidden csrf={csrf} />
            <input type="hidden" name="action" value="add" />
            <div class="form-field"><label class="form-label" for="add-code">手続を追加</label>
              <select id="add-code" name="code" class="form-control">{notListed.map((d) => <option value={d.code}>{d.title.ja}</option>)}</select></div>
            <div class="form-field"><label class="form-label" for="add-reason">追加する理由</label><input id="add-reason" name="reason" class="form-control" maxlength={200} /></div>
            <button type="submit" class="button-secondary">追加</button>
          </form>
        )}
      </section>

      {filed ? null : (
        <section class="mt-10" aria-labelledby="interview-title">
          <h2 id="interview-title" class="text-std-24B-150">聞き取り（共通の質問は一度だけ）</h2>
          <form method="post" action={`/console/counter/visits/${v.visitNo}/interview`} class="mt-4 flex flex-col gap-6">
            <Hidden csrf={csrf} />
            <div class="grid gap-4 md:grid-cols-3">
              <DateInput name="occurredOn" label={OCCURRED_LABEL[change ?? 'move-in'] ?? '異動日'} value={dateWa(iv.occurredOn) || iv.occurredOn} error={miss('occurredOn')} />
              <Field id="phone" label="連絡先電話番号" value={iv.phone} inputmode="tel" missing={miss('phone')} />
              {change === 'move-in' ? <Field id="previousAddress" label="前住所（カードから）" value={iv.previousAddress} missing={miss('previousAddress')} wide /> : null}
              {change === 'move-in' || change === 'move-within' ? <>
                <Field id="townName" label="新住所：町字" value={iv.townName} hint="例: 大字広丘野村" />
                <Field id="banchi" label="番地・号" value={iv.banchi} missing={miss('banchi')} />
                <Field id="katagaki" label="方書（建物名・部屋番号）" value={iv.katagaki} />
              </> : null}
              {change === 'move-out' ? <Field id="destination" label="転出先の住所" value={iv.destination} missing={miss('destination')} wide hint="都道府県から番地・部屋番号まで" /> : null}
              {change === 'move-in' || change === 'birth' ? <>
                <Field id="honseki" label="本籍" value={iv.honseki} missing={miss('honseki')} hint="ない場合は「なし」、分からない場合は「不明」" />
                <Field id="hittosha" label="筆頭者" value={iv.hittosha} />
              </> : null}
            </div>
            {registered && (change === 'death' || change === 'household-change' || change === 'move-out' || change === 'move-within') ? (
              <div class="form-field">
                <label class="form-label" for="newHeadRef">新しい世帯主</label>
                <p class="form-hint" id="newHeadRef-hint">{change === 'household-change' ? '世帯主になる方を選んでください' : '世帯主が亡くなった・引越す場合に、残る世帯の世帯主を選んでください'}</p>
                {miss('newHeadRef') ? <p class="form-error" id="newHeadRef-error">{miss('newHeadRef')}</p> : null}
                <select id="newHeadRef" name="newHeadRef" class="form-control" aria-describedby="newHeadRef-hint">
                  <option value="">選ばない</option>
                  {members.map((m, i) => <option value={String(i)} selected={iv.newHeadRef === String(i)}>{`${m.familyName} ${m.givenName}（${m.relationship || '続柄未入力'}）`}</option>)}
                </select>
              </div>
            ) : null}
            {change === 'birth' ? (
              <fieldset class="card" data-testid="newborn"><legend class="font-bold">生まれたお子さん</legend>
                {miss('nb-givenName') ? <p class="form-error">{miss('nb-givenName')}</p> : null}
                <div class="grid gap-4 md:grid-cols-3">
                  <Field id="nb-familyName" label="氏" value={newborn?.familyName ?? members[0]?.familyName ?? ''} />
                  <Field id="nb-givenName" label="名" value={newborn?.givenName ?? ''} />
                  <Field id="nb-familyNameKana" label="氏（フリガナ）" value={newborn?.familyNameKana ?? members[0]?.familyNameKana ?? ''} />
                  <Field id="nb-givenNameKana" label="名（フリガナ）" value={newborn?.givenNameKana ?? ''} />
                  <DateInput name="nb-birthDate" label="生年月日" value={newborn && newborn.birthDate !== '0000-01-01' ? dateWa(newborn.birthDate) : ''} />
                  <div class="form-field"><label class="form-label" for="nb-sex">性別</label>
                    <select id="nb-sex" name="nb-sex" class="form-control"><option value="female" selected={newborn?.sex !== 'male'}>女</option><option value="male" selected={newborn?.sex === 'male'}>男</option></select></div>
                  <Field id="nb-relationship" label="続柄" value={newborn?.relationship ?? '子'} />
                </div>
                <label class="mt-3 flex items-center gap-2"><input type="checkbox" name="nb-nhi" value="1" checked={newborn?.nhi} class="size-5" />国民健康保険に加入する</label>
              </fieldset>
            ) : null}
            <fieldset>
              <legend class="form-label">{registered ? '世帯員（住民記録から）' : '世帯員（氏名・生年月日・性別はカードから）'}</legend>
              {registered ? <input type="hidden" name="concernedShown" value="1" /> : null}
              <p class="form-hint">同じ氏の方のフリガナ（氏）は、1人分を入力して保存すると全員に入ります。</p>
              <table class="mt-2 w-full border-collapse text-left">
                <thead><tr class="border-b border-solid-gray-420">{[...(registered ? [CONCERNED_LABEL[change ?? ''] ?? '対象'] : []), '氏名', 'フリガナ（氏）', 'フリガナ（名）', '生年月日', '続柄', '国保に加入'].map((h) => <th scope="col" class="px-2 py-2">{h}</th>)}</tr></thead>
                <tbody>
                  {members.map((m, i) => (
                    <tr class="border-b border-solid-gray-200 align-top">
                      {registered ? <td class="px-2 py-2"><label class="flex items-center gap-2"><input type="checkbox" name={`c${i}`} value="1" checked={m.concerned} class="size-5" /><span class="sr-only">{`${m.familyName} ${m.givenName}`}</span></label></td> : null}
                      <td class="px-2 py-2 font-bold">{`${m.familyName} ${m.givenName}`}<br /><span class="text-dns-14N-130">{m.sex === 'male' ? '男' : '女'}</span></td>
                      <td class="px-2 py-2"><label class="sr-only" for={`kf${i}`}>{`${m.familyName} ${m.givenName} フリガナ（氏）`}</label><input id={`kf${i}`} name={`kf${i}`} value={m.familyNameKana} class="form-control !w-36" aria-invalid={miss(`m${i}.kana`) ? 'true' : undefined} /></td>
                      <td class="px-2 py-2"><label class="sr-only" for={`kg${i}`}>{`${m.familyName} ${m.givenName} フリガナ（名）`}</label><input id={`kg${i}`} name={`kg${i}`} value={m.givenNameKana} class="form-control !w-36" /></td>
                      <td class="px-2 py-2">{toWareki(m.birthDate)}</td>
                      <td class="px-2 py-2"><label class="sr-only" for={`rel${i}`}>{`${m.familyName} ${m.givenName} 続柄`}</label>
                        <input id={`rel${i}`} name={`rel${i}`} value={m.relationship} list="relationships" class="form-control !w-28" aria-invalid={miss(`m${i}.relationship`) ? 'true' : undefined} /></td>
                      <td class="px-2 py-2"><label class="flex items-center gap-2"><input type="checkbox" name={`nhi${i}`} value="1" checked={m.nhi} class="size-5" />加入</label></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <datalist id="relationships">{['世帯主', '妻', '夫', '子', '父', '母', '同居人'].map((r) => <option value={r} />)}</datalist>
              {change === 'move-in' ? members.map((m, i) => (m.foreign ? (
                <fieldset class="card mt-3" data-testid={`residence-card-${i}`}><legend class="font-bold">{`${m.familyName} ${m.givenName}さんの在留カード`}</legend>
                  <div class="grid gap-4 md:grid-cols-3">
                    <Field id={`rn${i}`} label="ローマ字氏名" value={m.romanName} />
                    <Field id={`nat${i}`} label="国籍・地域" value={m.nationality} missing={miss(`m${i}.nationality`)} />
                    <Field id={`rc${i}`} label="在留カード番号" value={m.residenceCardNo} missing={miss(`m${i}.residenceCardNo`)} hint="英字2・数字8・英字2（例: AB12345678CD）" />
                    <Field id={`rs${i}`} label="在留資格" value={m.residenceStatus} missing={miss(`m${i}.residenceStatus`)} />
                    <DateInput name={`rx${i}`} label="在留期間の満了日" value={dateWa(m.residenceExpiry) || m.residenceExpiry} />
                  </div>
                </fieldset>
              ) : null)) : null}
              <label class="mt-3 flex items-center gap-2"><input type="checkbox" name="dog" value="1" checked={iv.dog} class="size-5" />犬を飼っている</label>
            </fieldset>
            {has('child-allowance') ? (
              <fieldset class="card"><legend class="font-bold">児童手当（受取口座）</legend>
                <div class="grid gap-4 md:grid-cols-4">
                  <Field id="bankName" label="金融機関" value={iv.bankName} missing={miss('bankName')} />
                  <Field id="branchName" label="支店" value={iv.branchName} />
                  <div class="form-field"><label class="form-label" for="accountType">種別</label>
                    <select id="accountType" name="accountType" class="form-control"><option value="ordinary" selected={iv.accountType === 'ordinary'}>普通</option><option value="current" selected={iv.accountType === 'current'}>当座</option></select></div>
                  <Field id="accountNumber" label="口座番号（7桁）" value={iv.accountNumber} inputmode="numeric" missing={miss('accountNumber')} />
                </div>
              </fieldset>
            ) : null}
            {has('daycare') ? (
              <fieldset class="card"><legend class="font-bold">保育所等の利用申込</legend>
                <div class="grid gap-4 md:grid-cols-3">
                  <DateInput name="daycareStart" label="利用希望日" value={dateWa(iv.daycareStart) || iv.daycareStart} error={miss('daycareStart')} />
                  <Field id="daycarePreferences" label="希望する施設（読点で区切る・順に）" value={iv.daycarePreferences} missing={miss('daycarePreferences')} />
                  <Field id="daycareReason" label="保育を必要とする事由" value={iv.daycareReason} missing={miss('daycareReason')} hint="例: 父母とも就労（週40時間）" />
                </div>
              </fieldset>
            ) : null}
            {has('child-medical') ? (
              <fieldset class="card"><legend class="font-bold">子ども医療費</legend>
                <Field id="insurer" label="お子さんの健康保険（保険者名）" value={iv.insurer} missing={miss('insurer')} hint="お子さんが国保に加入する場合は、保存すると「国民健康保険」が入ります" />
              </fieldset>
            ) : null}
            {has('school-enrolment') ? (
              <fieldset class="card"><legend class="font-bold">小中学校の転入学</legend>
                <Field id="previousSchool" label="前の学校" value={iv.previousSchool} />
              </fieldset>
            ) : null}
            <div><button type="submit" class="button-primary">聞き取りを保存</button></div>
          </form>
        </section>
      )}

      {filed ? null : (
        <section class="mt-10 card" aria-labelledby="file-title">
          <h2 id="file-title" class="text-std-24B-150">確認・署名と届出</h2>
          {v.missing.length ? (
            <div data-testid="missing"><p class="mt-2">次の聞き取りが終わると、確認・署名用シートを印刷して届出できます。</p>
              <ul class="mt-2 list-disc pl-6">{v.missing.map((x) => <li><a class="link" href={`#${x.field.startsWith('m') ? `${x.field.endsWith('kana') ? 'kf' : 'rel'}${x.field.slice(1, x.field.indexOf('.'))}` : x.field}`}>{x.message}</a></li>)}</ul></div>
          ) : (
            <div>
              <p class="mt-2">シートを印刷し、内容を住民の方に確認して署名してもらってから、届出をまとめて行います。</p>
              <p class="mt-4"><a class="button-secondary" href={`/console/counter/visits/${v.visitNo}/sheet.pdf`}>確認・署名用シートを開く（PDF）</a></p>
              <form method="post" action={`/console/counter/visits/${v.visitNo}/filing`} class="mt-4">
                <Hidden csrf={csrf} idem />
                <label class="flex items-center gap-2"><input type="checkbox" name="signed" value="1" class="size-5" required />住民の方がシートの内容を確認し、署名しました</label>
                <button type="submit" class="button-primary mt-4">{`すべての届出・申請を行う（${v.needed.filter((n) => n.def.caseType || n.def.registryChange).length}件）`}</button>
              </form>
            </div>
          )}
        </section>
      )}
    </ConsoleLayout>
  );
}

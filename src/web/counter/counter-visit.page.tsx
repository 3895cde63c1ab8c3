// SPDX-License-Identifier: EUPL-1.2
/** The counter visit: start from the card (券面事項), one interview, the signature sheet, filing every procedure at once. */
import { LIFE_EVENTS, LIFE_EVENT_LABELS, type LifeEvent, type VisitService } from '../../domains/counter/index.ts';
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

/** Reception: life events and the card texts of the members. */
export function VisitStartPage(p: ConsoleContext & { ticket?: number; events: LifeEvent[]; cards: string[]; error?: string }) {
  const slots = Array.from({ length: 6 }, (_, i) => p.cards[i] ?? '');
  return (
    <ConsoleLayout {...p} title="来庁受付（聞き取りの開始）" current="counter">
      <h1 class="text-std-32B-150">来庁受付{p.ticket ? `（受付番号 ${p.ticket} 番）` : ''}</h1>
      {p.error ? <div class="banner-error mt-4" role="alert"><p class="font-bold">受け付けられませんでした</p><p>{p.error}</p></div> : null}
      <form method="post" action="/console/counter/visits" class="mt-6 flex flex-col gap-6">
        <Hidden csrf={p.actor.csrfToken} idem />
        {p.ticket ? <input type="hidden" name="ticket" value={String(p.ticket)} /> : null}
        <fieldset>
          <legend class="form-label">ご用件（ライフイベント）</legend>
          <div class="mt-2 grid gap-1 md:grid-cols-2">
            {LIFE_EVENTS.map((e) => <label class="flex min-h-9 items-center gap-2"><input type="checkbox" name="e" value={e} class="size-5" checked={p.events.includes(e)} />{LIFE_EVENT_LABELS[e].ja}</label>)}
          </div>
        </fieldset>
        <fieldset>
          <legend class="form-label">世帯員のマイナンバーカード（券面事項）</legend>
          <p class="form-hint">カードを読み取り装置に置くと券面事項（氏名・住所・生年月日・性別）が入ります。届出人を1人目にしてください。<a class="link" href={`/console/counter/visits/new?${p.ticket ? `ticket=${p.ticket}&` : ''}simulate=1`}>模擬カードを読み取る（デモ）</a></p>
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
              <DateInput name="occurredOn" label="異動日（引越した日）" value={dateWa(iv.occurredOn) || iv.occurredOn} error={miss('occurredOn')} />
              <Field id="phone" label="連絡先電話番号" value={iv.phone} inputmode="tel" missing={miss('phone')} />
              <Field id="previousAddress" label="前住所（カードから）" value={iv.previousAddress} missing={miss('previousAddress')} wide />
              <Field id="townName" label="新住所：町字" value={iv.townName} hint="例: 大字広丘野村" />
              <Field id="banchi" label="番地・号" value={iv.banchi} missing={miss('banchi')} />
              <Field id="katagaki" label="方書（建物名・部屋番号）" value={iv.katagaki} />
              <Field id="honseki" label="本籍" value={iv.honseki} missing={miss('honseki')} hint="ない場合は「なし」、分からない場合は「不明」" />
              <Field id="hittosha" label="筆頭者" value={iv.hittosha} />
            </div>
            <fieldset>
              <legend class="form-label">世帯員（氏名・生年月日・性別はカードから）</legend>
              <p class="form-hint">同じ氏の方のフリガナ（氏）は、1人分を入力して保存すると全員に入ります。</p>
              <table class="mt-2 w-full border-collapse text-left">
                <thead><tr class="border-b border-solid-gray-420">{['氏名', 'フリガナ（氏）', 'フリガナ（名）', '生年月日', '続柄', '国保に加入'].map((h) => <th scope="col" class="px-2 py-2">{h}</th>)}</tr></thead>
                <tbody>
                  {iv.members.map((m, i) => (
                    <tr class="border-b border-solid-gray-200 align-top">
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

// SPDX-License-Identifier: EUPL-1.2
/**
 * 管理 → エラー・アラート一覧 (/console/admin/messages; 標準仕様書 §11): every error and alert code of the registry from the
 * catalogue (src/domains/registry/messages), by area, with its level and message in the UI language (the other language
 * beside it), filterable by level. No personal data.
 */
import { MESSAGE_AREAS, type RegistryMessage } from '../../domains/registry/messages/registry-messages.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import type { Lang } from '../ui/i18n.ts';

const th = 'border-b-2 border-solid-gray-536 px-3 py-2 text-left text-std-16B-170 whitespace-nowrap';
const td = 'border-b border-solid-gray-420 px-3 py-2 align-top';

const TEXT = {
  ja: {
    title: 'エラー・アラート一覧', hint: '住民記録システムのエラーとアラートの一覧（メッセージ・区分）を確認します。',
    lead: '住民記録システムが表示するエラー（処理を止める）とアラート（注意を促し、処理は続ける）のすべてです。メッセージは原因と対処を示します。',
    annex: '標準仕様書の別紙「エラー項目一覧」「アラート項目一覧」は入手できていないため、各項目との対応は未記入です。',
    level: '区分', all: 'すべて', error: 'エラー', alert: 'アラート', show: '表示',
    count: (n: number, e: number, a: number) => `${n}件（エラー ${e}件・アラート ${a}件）`,
    cols: { level: '区分', message: 'メッセージ', other: '英語', code: 'コード', annex: '別紙の項目' },
  },
  en: {
    title: 'Errors and alerts', hint: 'The list of the resident registry’s errors and alerts (message, level).',
    lead: 'Every error (stops the processing) and alert (warns; the processing goes on) the resident registry shows. Each message states the cause and the remedy.',
    annex: 'The standard’s annex lists (エラー項目一覧, アラート項目一覧) are not available here, so the matching annex item is left blank.',
    level: 'Level', all: 'All', error: 'Error', alert: 'Alert', show: 'Show',
    count: (n: number, e: number, a: number) => `${n} codes (${e} errors, ${a} alerts)`,
    cols: { level: 'Level', message: 'Message', other: 'Japanese', code: 'Code', annex: 'Annex item' },
  },
};

/** The words of the page. */
export const messagesText = (lang: Lang) => TEXT[lang];

/** エラー・アラート一覧. */
export function MessagesPage(p: ConsoleContext & { messages: readonly RegistryMessage[]; level: 'error' | 'alert' | '' }) {
  const t = TEXT[p.lang];
  const shown = p.messages.filter((m) => !p.level || m.level === p.level);
  const all = p.messages;
  return (
    <ConsoleLayout {...p} title={t.title} current="admin">
      <h1 class="text-std-32B-150">{t.title}</h1>
      <p class="mt-2 max-w-4xl">{t.lead}</p>
      <p class="mt-2 max-w-4xl text-solid-gray-700">{t.annex}</p>
      <form method="get" action="/console/admin/messages" class="mt-6 flex flex-wrap items-end gap-4">
        <div class="form-field">
          <label class="form-label" for="level">{t.level}</label>
          <select class="form-control" id="level" name="level">
            <option value="" selected={!p.level}>{t.all}</option>
            <option value="error" selected={p.level === 'error'}>{t.error}</option>
            <option value="alert" selected={p.level === 'alert'}>{t.alert}</option>
          </select>
        </div>
        <button type="submit" class="button-secondary">{t.show}</button>
      </form>
      <p class="mt-4" data-testid="message-count">{t.count(all.length, all.filter((m) => m.level === 'error').length, all.filter((m) => m.level === 'alert').length)}</p>
      {Object.entries(MESSAGE_AREAS).map(([area, label]) => {
        const rows = shown.filter((m) => m.area === area);
        if (rows.length === 0) return null;
        return (
          <section class="mt-8">
            <h2 class="text-std-24B-150">{label[p.lang]}（{rows.length}）</h2>
            <div class="mt-2 overflow-x-auto">
              <table class="w-full border-collapse text-dns-16N-130">
                <thead><tr><th class={th} scope="col">{t.cols.level}</th><th class={th} scope="col">{t.cols.message}</th><th class={th} scope="col">{t.cols.other}</th><th class={th} scope="col">{t.cols.code}</th></tr></thead>
                <tbody>
                  {rows.map((m) => (
                    <tr id={`code-${m.code}`} data-level={m.level}>
                      <td class={td}><span class={m.level === 'error' ? 'badge border-error-1 text-error-1 whitespace-nowrap' : 'badge border-warning-yellow-1 whitespace-nowrap'}>{m.level === 'error' ? t.error : t.alert}</span></td>
                      <td class={`${td} max-w-xl`} lang={p.lang}>{p.lang === 'ja' ? m.ja : m.en}</td>
                      <td class={`${td} max-w-md text-solid-gray-700`} lang={p.lang === 'ja' ? 'en' : 'ja'}>{p.lang === 'ja' ? m.en : m.ja}</td>
                      <td class={`${td} whitespace-nowrap font-mono text-dns-14N-130`}>{m.code}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </ConsoleLayout>
  );
}

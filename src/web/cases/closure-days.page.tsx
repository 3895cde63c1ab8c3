// SPDX-License-Identifier: EUPL-1.2
/**
 * 閉庁日 (the municipality's own closure days) for administrators: the list, adding one, removing one. Each change
 * recomputes the due dates of the open cases at once and says how many moved (issue #10).
 */
import { toWareki } from '../../platform/dates/jp-date.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import { DateInput } from '../ui/date-input.tsx';

export function ClosureDaysPage(p: ConsoleContext & { items: Array<{ day: string; label: string }>; csrfToken: string; done?: string; error?: string }) {
  return (
    <ConsoleLayout {...p} title="閉庁日" current="closureDays">
      <h1 class="text-std-32B-150">閉庁日</h1>
      <p class="mt-2">土日・祝日・年末年始（12月29日〜1月3日）のほかに、この自治体が閉庁する日です。追加・削除すると、処理中の案件の処理期限をすぐに計算し直します。</p>
      {p.done ? <div class="banner-success mt-4" role="status" data-testid="done">{p.done}</div> : null}
      {p.error ? <div class="banner-error mt-4" role="alert" data-testid="error">{p.error}</div> : null}
      {p.items.length === 0 ? <p class="mt-6">閉庁日は登録されていません。</p> : (
        <table class="mt-6 border-collapse" data-testid="closure-days">
          <caption class="sr-only">閉庁日の一覧</caption>
          <thead><tr><th scope="col" class="border-b-2 p-2 text-left">日付</th><th scope="col" class="border-b-2 p-2 text-left">内容</th><th scope="col" class="border-b-2 p-2 text-left">操作</th></tr></thead>
          <tbody>
            {p.items.map((d) => (
              <tr>
                <td class="border-b p-2 whitespace-nowrap">{toWareki(d.day)}</td>
                <td class="border-b p-2">{d.label || '—'}</td>
                <td class="border-b p-2">
                  <form method="post" action="/console/closure-days/removals">
                    <input type="hidden" name="_csrf" value={p.csrfToken} />
                    <input type="hidden" name="day" value={d.day} />
                    <button type="submit" class="button-secondary">削除する</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 class="mt-10 text-std-20B-150">閉庁日を追加する</h2>
      <form method="post" action="/console/closure-days" class="mt-2 flex max-w-2xl flex-col gap-4">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <DateInput name="day" label="日付" required />
        <div class="form-field"><label class="form-label" for="label">内容（例: 庁舎設備点検）</label><input class="form-control" id="label" name="label" maxlength={100} /></div>
        <p><button type="submit" class="button-primary">追加する</button></p>
      </form>
    </ConsoleLayout>
  );
}

// SPDX-License-Identifier: EUPL-1.2
/**
 * 郵送待ち: certificates issued by an approved case (住民票の写し等の交付請求 by post) that wait for a clerk to print
 * them and mail them; each is marked as sent (an idempotent POST, then post/redirect/get). The latest sent below.
 */
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';

/** One certificate of the postal queue as the page shows it. */
export interface PostalItem { issueNo: number; title: string; names: string[]; copies: number; queuedAt: string; sentAt: string | null; sentByName: string }

const th = 'border-b-2 border-solid-gray-420 p-2 text-left text-std-16B-170';
const td = 'border-b border-solid-gray-420 p-2 align-top';

export function CertificatePostalPage(p: ConsoleContext & { waiting: PostalItem[]; sent: PostalItem[]; csrfToken: string; justSent?: number }) {
  return (
    <ConsoleLayout {...p} title="郵送待ちの証明書" current="postal">
      <h1 class="text-std-32B-150">郵送待ちの証明書</h1>
      <p class="mt-2">オンライン等の請求が承認され、交付済みで郵送を待っている証明書です。PDFを印刷して封入し、郵送したら「郵送済みにする」を押してください。</p>
      {p.justSent ? <div class="banner-success mt-4" role="status" data-testid="postal-sent">通番 {p.justSent} を郵送済みにしました。</div> : null}
      <p class="mt-6" role="status" data-testid="postal-count">郵送待ち {p.waiting.length}件</p>
      {p.waiting.length === 0 ? <p class="mt-2" data-testid="postal-none">郵送待ちの証明書はありません。</p> : (
        <div class="mt-2 overflow-x-auto">
          <table class="w-full border-collapse" data-testid="postal-waiting">
            <caption class="sr-only">郵送待ち</caption>
            <thead><tr>
              <th scope="col" class={th}>通番</th><th scope="col" class={th}>証明書</th><th scope="col" class={th}>証明した方</th>
              <th scope="col" class={th}>通数</th><th scope="col" class={th}>交付日時</th><th scope="col" class={th}>操作</th>
            </tr></thead>
            <tbody>
              {p.waiting.map((i) => (
                <tr data-testid="postal-row">
                  <td class={td}><a class="link" href={`/console/certificates/issuances/${i.issueNo}`}>{i.issueNo}</a></td>
                  <td class={td}>{i.title}</td>
                  <td class={td}>{i.names.join('、')}</td>
                  <td class={td}>{i.copies}通</td>
                  <td class={`${td} whitespace-nowrap`}>{toWarekiDateTime(i.queuedAt)}</td>
                  <td class={td}>
                    <div class="flex flex-wrap items-center gap-3">
                      <a class="link" href={`/console/certificates/issuances/${i.issueNo}/pdf`} target="_blank" rel="noopener">PDFを印刷</a>
                      <form method="post" action={`/console/certificates/postal/${i.issueNo}/sent`}>
                        <input type="hidden" name="_csrf" value={p.csrfToken} />
                        <button type="submit" class="button-secondary">郵送済みにする</button>
                      </form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="mt-10 text-std-20B-150">最近郵送したもの</h2>
      {p.sent.length === 0 ? <p class="mt-2">まだありません。</p> : (
        <ul class="mt-2 list-disc pl-6" data-testid="postal-sent-list">
          {p.sent.map((i) => <li>通番 <a class="link" href={`/console/certificates/issuances/${i.issueNo}`}>{i.issueNo}</a>　{i.title}　{i.names.join('、')}　{i.sentAt ? toWarekiDateTime(i.sentAt) : ''}（{i.sentByName}）</li>)}
        </ul>
      )}
    </ConsoleLayout>
  );
}

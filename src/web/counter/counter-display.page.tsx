// SPDX-License-Identifier: EUPL-1.2
/** The lobby display (呼出表示): the numbers being called, large; keeps itself current every 10 seconds (static/counter-display.js, no timed page refresh). No personal data. */
import type { TicketView } from '../../domains/counter/index.ts';
import { assetUrl } from '../ui/static-files.ts';
import type { Lang } from '../ui/i18n.ts';
import { counterText } from './counter-i18n.ts';

export function CounterDisplayPage(p: { lang: Lang; municipalityName: string; tickets: TicketView[] }) {
  const k = counterText(p.lang);
  const called = p.tickets.filter((x) => x.status === 'called').sort((a, b) => (b.calledAt?.getTime() ?? 0) - (a.calledAt?.getTime() ?? 0)).slice(0, 8);
  const waiting = p.tickets.filter((x) => x.status === 'waiting').length;
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${k.displayTitle} | Jichi ${p.municipalityName}`}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('counter-display.js')} defer></script>
      </head>
      <body class="bg-white">
        <main id="main" class="flex min-h-screen flex-col gap-8 p-10">
          <h1 class="text-std-45B-140">{`${p.municipalityName} ${k.displayTitle}`}</h1>
          <div id="display-numbers" class="flex flex-col gap-8" aria-live="polite">
            {called.length === 0 ? <p class="text-std-32B-150">{k.displayNone}</p> : (
              <ul class="grid grid-cols-2 gap-6 md:grid-cols-4">
                {called.map((x) => <li class="rounded-12 border-4 border-blue-900 p-6 text-center text-[6rem] font-bold leading-none" data-called={x.number}>{x.number}</li>)}
              </ul>
            )}
            <p class="text-std-32B-150">{k.displayWaiting(waiting)}</p>
          </div>
        </main>
      </body>
    </html>
  );
}

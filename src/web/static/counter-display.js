// SPDX-License-Identifier: EUPL-1.2
// The lobby display (呼出表示) keeps itself current: every 10 seconds it fetches its own page and replaces the
// numbers, without reloading (no timed page refresh; a screen reader hears the new numbers through aria-live).
// Without this script the page shows the numbers as of loading.
(() => {
  const main = document.getElementById('display-numbers');
  if (!main) return;
  const refresh = async () => {
    try {
      const res = await fetch(location.href, { credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const next = doc.getElementById('display-numbers');
      if (next && next.innerHTML !== main.innerHTML) main.innerHTML = next.innerHTML;
    } catch {
      // Offline for a moment: try again at the next tick.
    }
  };
  setInterval(refresh, 10_000);
})();

// SPDX-License-Identifier: EUPL-1.2
// Resident registry pages: arrow keys move between the rows of a result table (Enter opens the row's
// link), and "select all" for the 仮登録一覧. Progressive enhancement only.
document.addEventListener('DOMContentLoaded', () => {
  for (const table of document.querySelectorAll('table[data-keynav]')) {
    const links = () => [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('a')).filter(Boolean);
    table.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const all = links();
      const i = all.indexOf(document.activeElement);
      if (i < 0) return;
      const next = all[event.key === 'ArrowDown' ? Math.min(i + 1, all.length - 1) : Math.max(i - 1, 0)];
      event.preventDefault();
      next.focus();
    });
  }
  // From the search box, ArrowDown jumps into the results.
  const box = document.getElementById('q');
  const results = document.querySelector('table[data-keynav]');
  if (box && results) {
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown') return;
      const first = results.querySelector('tbody tr a');
      if (first) { event.preventDefault(); first.focus(); }
    });
  }
  for (const all of document.querySelectorAll('input[data-select-all]')) {
    const name = all.getAttribute('data-select-all');
    const boxes = () => [...document.querySelectorAll(`input[type="checkbox"][name="${name}"]`)];
    all.hidden = false;
    all.addEventListener('change', () => { for (const b of boxes()) b.checked = all.checked; });
  }
});

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
  // 外字 picker: insert the character at the cursor of the search box instead of reloading the form.
  for (const link of document.querySelectorAll('a[data-gaiji]')) {
    link.addEventListener('click', (event) => {
      const input = document.getElementById('q');
      if (!input) return;
      event.preventDefault();
      const ch = link.dataset.gaiji;
      const start = input.selectionStart ?? input.value.length;
      const end = input.selectionEnd ?? start;
      input.value = input.value.slice(0, start) + ch + input.value.slice(end);
      input.focus();
      input.setSelectionRange(start + ch.length, start + ch.length);
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
  // Address pick (spec §1.3.3): a 7-digit 郵便番号 fills the 市区町村 and 町字; a picked 市区町村 offers its 町字
  // (GET /api/v1/registry-address-dictionary); a picked 町字 fills an empty 郵便番号. Without script the names typed
  // are matched on the server.
  const api = async (path) => {
    const res = await fetch(`/api/v1/registry-address-dictionary/${path}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    return res.ok ? res.json() : null;
  };
  const digits = (s) => s.normalize('NFKC').replace(/[^0-9]/g, '');
  const cityCode = (label) => document.querySelector(`#municipality-list option[value="${CSS.escape(label)}"]`)?.dataset.code;
  for (const box of document.querySelectorAll('[data-address-pick]')) {
    const prefix = box.getAttribute('data-address-pick');
    const field = (k) => document.getElementById(`${prefix}-${k}`);
    const [postal, city, town] = [field('postal'), field('city'), field('town')];
    const townList = document.getElementById(`${prefix}-town-list`);
    const status = box.querySelector('[data-pick-status]');
    let towns = [];
    const loadTowns = async () => {
      const code = cityCode(city.value.trim());
      towns = code ? ((await api(`municipalities/${code}/towns`))?.items ?? []) : [];
      townList.replaceChildren(...towns.map((t) => Object.assign(document.createElement('option'), { value: t.name, label: t.kana })));
    };
    city.addEventListener('change', loadTowns);
    if (city.value) loadTowns();
    town.addEventListener('change', () => {
      const t = towns.find((x) => x.name === town.value.trim());
      if (t && t.postalCode && !postal.value.trim()) postal.value = `${t.postalCode.slice(0, 3)}-${t.postalCode.slice(3)}`;
    });
    postal.addEventListener('input', async () => {
      const code = digits(postal.value);
      if (code.length !== 7) return;
      const found = await api(`postal-codes/${code}`);
      const hit = found?.items?.[0];
      if (!hit) { status.textContent = postal.dataset.notFound ?? ''; return; }
      const label = [...document.querySelectorAll('#municipality-list option')].find((o) => o.dataset.code === hit.municipalityCode)?.value;
      if (label) { city.value = label; await loadTowns(); }
      // A 町域 of KEN_ALL (「霞が関」) is the 大字 of the master's 町字 (「霞が関一丁目」): the only one that starts with it is taken.
      const area = hit.areaName.startsWith('（') ? '' : hit.areaName;
      const within = area ? towns.filter((t) => t.name.startsWith(area)) : [];
      town.value = hit.town ? hit.town.name : within.length === 1 ? within[0].name : area;
      status.textContent = `${label ?? ''}${town.value}`;
    });
  }
  // 住所 of the municipality: a 7-digit 郵便番号 fills the 町字 from the municipality's own postal codes.
  const ownPostal = document.getElementById('postalCode');
  const ownTown = document.getElementById('townName');
  if (ownPostal && ownTown) {
    ownPostal.addEventListener('input', async () => {
      const code = digits(ownPostal.value);
      if (code.length !== 7) return;
      const res = await fetch(`/api/v1/registry-postal-codes/${code}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      const hit = res.ok ? (await res.json()).items?.find((i) => i.town) : null;
      if (hit && !ownTown.value.trim()) ownTown.value = hit.town.name;
    });
  }
});

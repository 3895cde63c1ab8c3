// SPDX-License-Identifier: EUPL-1.2
// Certificate request form: show only the fields of the chosen requester type as soon as it is chosen.
// Progressive enhancement only: without this script the server renders the chosen type's fields and the
// 「区分に合わせて入力欄を切り替える」 button re-renders the form for another type.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form[data-certificate-form]');
  if (!form) return;
  const radios = [...form.querySelectorAll('input[data-requester-type]')];
  const groups = [...form.querySelectorAll('[data-requester-group]')];
  const update = () => {
    const chosen = radios.find((r) => r.checked)?.value ?? '';
    for (const g of groups) g.hidden = !(g.getAttribute('data-requester-group') ?? '').split(' ').includes(chosen);
  };
  for (const r of radios) r.addEventListener('change', update);
  for (const s of form.querySelectorAll('[data-requester-switch]')) s.hidden = true;
  update();
});

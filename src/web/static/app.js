// SPDX-License-Identifier: EUPL-1.2
// Progressive enhancement only: every page works without this script.
document.addEventListener('DOMContentLoaded', () => {
  // Move focus to an error summary so screen-reader and keyboard users hear and reach it first.
  const summary = document.querySelector('[data-error-summary]');
  if (summary instanceof HTMLElement) summary.focus();
  // Prevent double submission of forms (e.g. pressing Enter twice on the sign-in form).
  const forms = document.querySelectorAll('form[data-once]');
  // A page restored from the back/forward cache must accept a new submission.
  window.addEventListener('pageshow', () => {
    for (const form of forms) {
      delete form.dataset.submitted;
      for (const button of form.querySelectorAll('button[type="submit"]')) button.removeAttribute('aria-disabled');
    }
  });
  for (const form of forms) {
    form.addEventListener('submit', (event) => {
      if (form.dataset.submitted === 'true') { event.preventDefault(); return; }
      form.dataset.submitted = 'true';
      for (const button of form.querySelectorAll('button[type="submit"]')) button.setAttribute('aria-disabled', 'true');
    });
  }
});

// Keep the OpenID Connect sign-in link pointing at the municipality chosen in the select.
document.addEventListener('DOMContentLoaded', () => {
  for (const link of document.querySelectorAll('a[data-oidc-link]')) {
    const select = document.getElementById(link.getAttribute('data-oidc-link') ?? '');
    if (!(select instanceof HTMLSelectElement)) continue;
    const update = () => {
      const url = new URL(link.getAttribute('href') ?? '', window.location.href);
      if (select.value) url.searchParams.set('municipality', select.value);
      else url.searchParams.delete('municipality');
      link.setAttribute('href', url.pathname + url.search);
    };
    select.addEventListener('change', update);
    update();
  }
});

// On phones the console menu becomes a disclosure button (collapsed); wider screens always show it.
document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.querySelector('button[data-nav-toggle]');
  const list = toggle && document.getElementById(toggle.getAttribute('aria-controls') ?? '');
  if (!(toggle instanceof HTMLButtonElement) || !list) return;
  const set = (open) => {
    toggle.setAttribute('aria-expanded', String(open));
    list.classList.toggle('nav-collapsed', !open);
  };
  toggle.hidden = false;
  set(false);
  toggle.addEventListener('click', () => set(toggle.getAttribute('aria-expanded') !== 'true'));
});

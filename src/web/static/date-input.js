// SPDX-License-Identifier: EUPL-1.2
// The live 和暦 reading under every date field (ui/date-input.tsx): as the clerk types 「R7.4.1」 or
// 「2025-04-01」, it shows 「令和7年4月1日」, or why the text is no date. Only a help: the server reads the field
// with the one parser (platform/dates/jp-date.ts) and decides. Progressive enhancement.
(() => {
  const ERAS = [
    { name: '令和', letter: 'R', start: '2019-05-01' },
    { name: '平成', letter: 'H', start: '1989-01-08' },
    { name: '昭和', letter: 'S', start: '1926-12-25' },
    { name: '大正', letter: 'T', start: '1912-07-30' },
    { name: '明治', letter: 'M', start: '1868-01-25' },
  ];
  const MSG = {
    ja: { unread: '日付として読み取れません', calendar: '暦にない日付です', era: (e) => `${e}の期間外の日付です`, early: '明治より前の日付は入力できません', full: '年月日をすべて入力してください', vague: (s) => `不詳日「${s}」として記録します`, reading: (w) => `読み取り: ${w}` },
    en: { unread: 'Not a date', calendar: 'No such day in the calendar', era: (e) => `Outside the ${e} era`, early: 'Dates before 明治 cannot be entered', full: 'Enter the year, month and day', vague: (s) => `Recorded as an uncertain date 「${s}」`, reading: (w) => `Reads as ${w}` },
  };
  const VAGUE = /(頃|ごろ|推定|上旬|中旬|下旬|春|夏|秋|冬|以前|以降|から|までの間|不詳|不明)/;
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = (y, m) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  const eraOf = (iso) => ERAS.find((e) => iso >= e.start);
  const wareki = (iso) => {
    const e = eraOf(iso);
    const y = Number(iso.slice(0, 4)) - Number(e.start.slice(0, 4)) + 1;
    return `${e.name}${y === 1 ? '元' : y}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
  };
  const prevDay = (iso) => { const d = new Date(`${iso}T00:00:00Z`); d.setUTCDate(d.getUTCDate() - 1); return d.toISOString().slice(0, 10); };

  /** Reads the text: { ok, text } with the message to show. */
  function read(raw, vagueAllowed, m) {
    const s = raw.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/元年/g, '1年');
    if (!s) return { text: '' };
    if (VAGUE.test(s)) return vagueAllowed ? { ok: true, text: m.vague(raw.trim()) } : { text: m.full };
    let y, mo, d, era, mt;
    if ((mt = /^(\d{4})(\d{2})(\d{2})$/.exec(s)) || (mt = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s))) [y, mo, d] = [+mt[1], +mt[2], +mt[3]];
    else if ((mt = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*(\d{1,2})[年.\/-]\s*(\d{1,2})[月.\/-]\s*(\d{1,2})日?$/.exec(s))) {
      era = ERAS.find((e) => e.name === mt[1] || e.letter === mt[1].toUpperCase());
      if (+mt[2] < 1) return { text: m.unread };
      [y, mo, d] = [Number(era.start.slice(0, 4)) + +mt[2] - 1, +mt[3], +mt[4]];
    } else return { text: /^(明治|大正|昭和|平成|令和|[MTSHR]?\d)/i.test(s) ? m.full : m.unread };
    if (mo < 1 || mo > 12 || d < 1 || d > days(y, mo)) return { text: m.calendar };
    const iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
    if (iso < ERAS[ERAS.length - 1].start) return { text: m.early };
    if (era) {
      const next = ERAS[ERAS.indexOf(era) - 1];
      if (iso < era.start || (next && iso >= next.start)) return { text: `${m.era(era.name)}（${wareki(era.start)}〜${next ? wareki(prevDay(next.start)) : ''}）` };
    }
    return { ok: true, text: m.reading(wareki(iso)) };
  }

  const setup = (input) => {
    const out = document.getElementById(`${input.id}-reading`);
    if (!out) return;
    const m = MSG[input.getAttribute('data-lang') === 'en' ? 'en' : 'ja'];
    const update = () => {
      const r = read(input.value, input.getAttribute('data-date-input') === 'vague', m);
      out.textContent = r.text;
      out.classList.toggle('text-error-1', !!r.text && !r.ok);
    };
    input.addEventListener('input', update);
    input.addEventListener('blur', update);
    if (input.value && !input.hasAttribute('aria-invalid')) update();
  };
  document.addEventListener('DOMContentLoaded', () => { for (const input of document.querySelectorAll('input[data-date-input]')) setup(input); });
})();

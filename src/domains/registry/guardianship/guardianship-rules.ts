// SPDX-License-Identifier: EUPL-1.2
/**
 * 成年被後見人 (spec §9.4), pure: the status of a person on a day from the 法務局's notices, whether a new notice fits
 * the ones recorded, the 法務局's notice file (CSV), and the batch report for the 選挙管理委員会 and the 転出先.
 */
import { formatLegalDate } from '../../../platform/dates/jp-date.ts';
import type { PersonRecord } from '../registry-model.ts';

export type GuardianshipEvent = 'start' | 'end';
export const EVENT_LABELS: Record<GuardianshipEvent, string> = { start: '後見開始', end: '後見終了' };
export interface Notice { event: GuardianshipEvent; effectiveOn: string; registrationNo: string; notifiedOn: string }

/** Notices in the order they took effect. */
const ordered = <T extends Notice>(list: T[]) => [...list].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || (a.event === 'start' ? -1 : 1));

/** Whether the person is a 成年被後見人 on a day (the last notice effective on or before it is a 後見開始), and since when. */
export function statusOn(notices: Notice[], day: string): { under: boolean; since: string | null } {
  const last = ordered(notices).filter((n) => n.effectiveOn <= day).at(-1);
  return last?.event === 'start' ? { under: true, since: last.effectiveOn } : { under: false, since: null };
}

/** The refusal a new notice meets, or null: a 開始 while under guardianship, an 終了 without a 開始 before it. */
export function conflictOf(notices: Notice[], n: Notice): 'guardianship-already-started' | 'guardianship-not-started' | null {
  const before = ordered(notices).filter((x) => x.effectiveOn < n.effectiveOn || (x.effectiveOn === n.effectiveOn && x.event === 'start' && n.event === 'end')).at(-1);
  if (n.event === 'start' && before?.event === 'start') return 'guardianship-already-started';
  if (n.event === 'end' && before?.event !== 'start') return 'guardianship-not-started';
  return null;
}

/** One line of the 法務局's notice file: 宛名番号,種別(開始|終了),効力発生日,登記番号,通知日 (dates YYYY-MM-DD). */
export interface FileLine extends Notice { line: number; atenaNo: string }

/** Reads the file (a header line first); the lines and the numbers of the lines that cannot be read. */
export function parseNoticeFile(text: string, today: string): { lines: FileLine[]; bad: number[] } {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim());
  const lines: FileLine[] = [];
  const bad: number[] = [];
  const day = (s: string | undefined) => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s) && s <= today;
  rows.forEach((row, i) => {
    if (i === 0 || row === '') return; // header, blank lines
    const [atenaNo, kind, effectiveOn, registrationNo, notifiedOn] = row.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    const event = kind === '開始' ? 'start' : kind === '終了' ? 'end' : null;
    if (!atenaNo || !/^\d{1,20}$/.test(atenaNo) || !event || !day(effectiveOn) || !registrationNo || registrationNo.length > 40 || !day(notifiedOn)) bad.push(i + 1);
    else lines.push({ line: i + 1, atenaNo, event, effectiveOn: effectiveOn!, registrationNo, notifiedOn: notifiedOn! });
  });
  return { lines, bad };
}

/** Columns of the batch report's CSV. */
export const GUARDIANSHIP_COLUMNS = ['区分', '宛名番号', '氏名', '生年月日', '住所', '日付', '登記番号', '通知先'];

type Row = Record<string, string | number>;
const nameOf = (r: PersonRecord) => (r.familyName ? `${r.familyName}　${r.givenName}`.trim() : (r.romanName ?? ''));
const addressOf = (r: PersonRecord) => `${r.address.townName}${r.address.banchi}${r.address.katagaki ? ` ${r.address.katagaki}` : ''}`;

/**
 * 成年被後見人に関する通知 for a period: (1) every 後見開始/終了 notice effective in the period, listed for the 選挙管理委員会;
 * (2) for every 成年被後見人 who moved out (国内転出) in the period, the notice to the 転出先 (spec §9.4). Alerts: a 転出 without
 * a 転出先 (the notice cannot be addressed), a notice of a person no longer a resident.
 */
export function guardianshipReport(p: { from: string; to: string }, persons: Array<{ personId: string; atenaNo: string; record: PersonRecord; notices: Notice[] }>) {
  const rows: Row[] = [];
  const ids = new Set<string>();
  let missingDestination = 0;
  let removedNotified = 0;
  const base = (x: { atenaNo: string; record: PersonRecord }) => ({ 宛名番号: x.atenaNo, 氏名: nameOf(x.record), 生年月日: x.record.birthDate ? formatLegalDate(x.record.birthDate, 'wareki') : '', 住所: addressOf(x.record) });
  for (const x of persons) {
    for (const n of ordered(x.notices).filter((n) => n.effectiveOn >= p.from && n.effectiveOn <= p.to)) {
      rows.push({ 区分: EVENT_LABELS[n.event], ...base(x), 日付: n.effectiveOn, 登記番号: n.registrationNo, 通知先: '選挙管理委員会' });
      ids.add(x.personId);
      if (x.record.removedOn && x.record.removedOn < n.effectiveOn) removedNotified++;
    }
    const r = x.record;
    if (r.removalReason === '国内転出' && r.removedOn && r.removedOn >= p.from && r.removedOn <= p.to && statusOn(x.notices, r.removedOn).under) {
      const start = ordered(x.notices).filter((n) => n.effectiveOn <= r.removedOn!).at(-1)!;
      rows.push({ 区分: '成年被後見人の転出通知', ...base(x), 日付: r.removedOn, 登記番号: start.registrationNo, 通知先: r.destination ? `転出先（${r.destination}）` : '' });
      ids.add(x.personId);
      if (!r.destination) missingDestination++;
    }
  }
  rows.sort((a, b) => String(a['日付']).localeCompare(String(b['日付'])) || String(a['宛名番号']).localeCompare(String(b['宛名番号'])));
  const alerts = [
    ...(missingDestination ? [{ code: 'guardianship-destination-missing', message: `転出先が記録されていない成年被後見人の転出が${missingDestination}件あります。転出先を確認し、通知を作成してください` }] : []),
    ...(removedNotified ? [{ code: 'guardianship-notice-after-removal', message: `消除後の日付の後見の通知が${removedNotified}件あります。法務局の通知と住民の記録を確認してください` }] : []),
  ];
  return {
    rows, personIds: [...ids],
    summary: { 後見開始: rows.filter((r) => r['区分'] === '後見開始').length, 後見終了: rows.filter((r) => r['区分'] === '後見終了').length,
      転出通知: rows.filter((r) => r['区分'] === '成年被後見人の転出通知').length },
    alerts,
  };
}

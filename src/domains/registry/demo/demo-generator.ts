// SPDX-License-Identifier: EUPL-1.2
/**
 * Deterministic demo data for the registry: realistic households (single, couple, families, three
 * generations), names with readings, a regional population pyramid, ~2.5 % foreign residents, and past
 * changes (転入, 出生, 転居, 死亡, 転出) as final history. Pure: same seed and options → same data (ids included).
 */
import { addDays } from '../../../platform/dates/jp-date.ts';
import { formatRegistryNumber, myNumberCheckDigit, residentCodeCheckDigit } from '../numbers/my-number.ts';
import type { Address, PersonRecord, Sex } from '../registry-model.ts';
import { reasonOf } from '../registry-model.ts';
import type { ChangeRow, SnapshotRow } from '../registry.repository.ts';
import type { Town } from '../addresses/address-master.ts';
import { AGE_BAND_WEIGHTS, FOREIGN, GIVEN, SURNAMES } from './demo-names.ts';
import { createRandom as seededRandom } from '../../../platform/random/seeded-random.ts';

export interface DemoOptions {
  /** Approximate number of living residents. */
  persons: number;
  seed?: string;
  /** Reference date: every event is on or before it. */
  asOf?: string;
  towns: Town[];
  myNumberIndex(n: string): string;
}

/** Everything the seeder writes. */
export interface DemoDataset {
  households: Array<{ householdId: string; householdNo: string }>;
  persons: Array<{ personId: string; atenaNo: string }>;
  changes: ChangeRow[];
  snapshots: SnapshotRow[];
  current: Array<{ personId: string; historyNo: number; record: PersonRecord }>;
  myNumbers: Array<{ index: string; myNumber: string }>;
  living: number;
}

interface MemberSpec { relationship: string; sex: Sex; age: number; foreign: boolean; surname?: [string, string] }

/** Generates the dataset. */
export function generateDemoRegistry(o: DemoOptions): DemoDataset {
  const rnd = seededRandom(o.seed ?? 'jichi-demo-202151');
  const asOf = o.asOf ?? '2026-04-01';
  const refYear = Number(asOf.slice(0, 4));
  // Time-ordered ids (like UUIDv7): a counter in the leading bits keeps index inserts local.
  let serial = 0;
  const uuid = () => {
    const h = (++serial).toString(16).padStart(12, '0') + Array.from({ length: 20 }, () => '0123456789abcdef'[rnd.int(16)]).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rnd.int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const digits = (n: number) => Array.from({ length: n }, () => rnd.int(10)).join('');
  let atena = 0;
  let hhNo = 0;
  const ds: DemoDataset = { households: [], persons: [], changes: [], snapshots: [], current: [], myNumbers: [], living: 0 };
  const surnameWeights = SURNAMES.map((s) => s[2]);
  const foreignWeights = FOREIGN.map((f) => f.weight);

  const ageOfBand = (minAge: number, maxAge: number) => {
    const ws = AGE_BAND_WEIGHTS.map((w, b) => (b * 5 + 4 < minAge || b * 5 > maxAge ? 0 : w));
    const band = rnd.weighted(ws);
    return Math.min(maxAge, Math.max(minAge, band * 5 + rnd.int(5)));
  };
  const birthFor = (age: number) => addDays(asOf, -Math.floor(age * 365.25 + rnd.int(365)) - 1);
  const givenName = (sex: Sex, birth: string): [string, string] => {
    const y = Number(birth.slice(0, 4));
    const groups = GIVEN[sex].filter((g) => g.from <= y);
    return rnd.pick(groups[groups.length - 1]!.names);
  };
  const address = (): Address => {
    const t = rnd.pick(o.towns);
    const apt = rnd.chance(0.18);
    return { townCode: t.code, townName: t.name, banchi: `${1 + rnd.int(2500)}番地${rnd.chance(0.5) ? 1 + rnd.int(30) : ''}`,
      katagaki: apt ? `${rnd.pick(['コーポ', 'ハイツ', 'メゾン', 'レジデンス'])}${rnd.pick(['桔梗', '塩尻', 'みどり', 'アルプス'])} ${1 + rnd.int(3)}0${1 + rnd.int(8)}号` : '', check: 'listed' };
  };

  const household = (): MemberSpec[] => {
    if (rnd.chance(0.025)) {
      // Foreign residents: workers living alone, or families.
      if (rnd.chance(0.6)) return [{ relationship: '世帯主', sex: rnd.chance(0.5) ? 'male' : 'female', age: 19 + rnd.int(15), foreign: true }];
      const a = 25 + rnd.int(25);
      const kids = rnd.int(3);
      return [{ relationship: '世帯主', sex: 'male', age: a, foreign: true }, { relationship: '妻', sex: 'female', age: Math.max(20, a - rnd.int(5)), foreign: true },
        ...Array.from({ length: kids }, () => ({ relationship: '子', sex: (rnd.chance(0.5) ? 'male' : 'female') as Sex, age: rnd.int(Math.max(1, a - 20)), foreign: true }))];
    }
    const type = rnd.weighted([34, 24, 22, 8, 10, 2]);
    const sex = (): Sex => (rnd.chance(0.5) ? 'male' : 'female');
    const spouse = (headSex: Sex): Sex => (headSex === 'male' ? 'female' : 'male');
    if (type === 0) return [{ relationship: '世帯主', sex: sex(), age: ageOfBand(18, 100), foreign: false }];
    if (type === 1) {
      const a = rnd.chance(0.75) ? ageOfBand(60, 95) : ageOfBand(22, 59);
      return [{ relationship: '世帯主', sex: 'male', age: a, foreign: false }, { relationship: '妻', sex: 'female', age: Math.max(20, a - rnd.int(6)), foreign: false }];
    }
    const children = (parentAge: number, n: number): MemberSpec[] => Array.from({ length: n }, () => ({ relationship: '子', sex: sex(), age: Math.max(0, parentAge - 22 - rnd.int(Math.max(1, Math.min(20, parentAge - 22)))), foreign: false }));
    if (type === 2) {
      const a = 28 + rnd.int(30);
      return [{ relationship: '世帯主', sex: 'male', age: a, foreign: false }, { relationship: '妻', sex: 'female', age: Math.max(22, a - rnd.int(5)), foreign: false }, ...children(a, 1 + rnd.weighted([40, 45, 15]))];
    }
    if (type === 3) {
      const hs = rnd.chance(0.85) ? 'female' : 'male';
      const a = 27 + rnd.int(28);
      return [{ relationship: '世帯主', sex: hs, age: a, foreign: false }, ...children(a, 1 + rnd.int(2))];
    }
    if (type === 4) {
      const a = 35 + rnd.int(25);
      const hs: Sex = 'male';
      const parent = rnd.chance(0.6) ? '母' : '父';
      const out: MemberSpec[] = [{ relationship: '世帯主', sex: hs, age: a, foreign: false }, { relationship: '妻', sex: spouse(hs), age: a - rnd.int(4), foreign: false },
        ...children(a, rnd.int(3)), { relationship: parent, sex: parent === '父' ? 'male' : 'female', age: Math.min(100, a + 24 + rnd.int(10)), foreign: false }];
      return out;
    }
    const a = 40 + rnd.int(30);
    return [{ relationship: '世帯主', sex: 'male', age: a, foreign: false }, { relationship: '同居人', sex: sex(), age: ageOfBand(20, 80), foreign: false }];
  };

  const changeRow = (kind: Parameters<typeof reasonOf>[0], occurredOn: string, personIds: string[], householdId: string, abroad = false): ChangeRow => ({
    changeId: uuid(), kind, reasonCode: reasonOf(kind, { abroad }).code, status: 'final', occurredOn, notifiedOn: occurredOn, processedOn: occurredOn,
    exOfficio: kind === 'birth' || kind === 'death', notifier: '', operatorId: 'demo-seed', cancelsChangeId: null, personIds, householdIds: [householdId], alerts: [], note: '',
    decidedBy: 'demo-seed', decidedAt: null,
  });

  while (ds.living < o.persons) {
    const specs = household();
    const householdId = uuid();
    const householdNo = formatRegistryNumber(++hhNo);
    ds.households.push({ householdId, householdNo });
    const home = address();
    const foreignNat = specs[0]!.foreign ? FOREIGN[rnd.weighted(foreignWeights)]! : undefined;
    const [surname, surnameKana] = (() => { const s = SURNAMES[rnd.weighted(surnameWeights)]!; return [s[0], s[1]]; })();
    const headBirth = birthFor(specs[0]!.age);
    const earliest = [addDays(headBirth, 18 * 366), '1970-04-01'].sort()[1]!;
    const span = Math.max(1, Math.floor((Date.parse(asOf) - Date.parse(earliest)) / 86_400_000) - 30);
    const established = span > 1 ? addDays(earliest, rnd.int(span)) : earliest;
    const fromAbroad = !!foreignNat && rnd.chance(0.5);
    const members = specs.map((s, i) => {
      const birth = i === 0 ? headBirth : birthFor(s.age);
      const [g, gk] = foreignNat ? [rnd.pick(foreignNat.given), ''] : givenName(s.sex, birth);
      const personId = uuid();
      const atenaNo = formatRegistryNumber(++atena);
      const myNumber = rnd.chance(0.8) ? (() => { const b = digits(11); return `${b}${myNumberCheckDigit(b)}`; })() : undefined;
      const residentBase = `${1 + rnd.int(9)}${digits(9)}`;
      const bornHere = birth > established;
      const since = bornHere ? birth : established;
      const record: PersonRecord = {
        atenaNo, householdId, householdNo, relationship: s.relationship, memberOrder: i,
        residentKind: foreignNat ? 'foreign' : 'japanese',
        familyName: foreignNat ? '' : s.relationship === '母' || s.relationship === '父' || s.relationship === '同居人' ? (rnd.chance(0.5) ? surname : SURNAMES[rnd.weighted(surnameWeights)]![0]) : surname,
        givenName: foreignNat ? '' : g, familyNameKana: foreignNat ? '' : surnameKana, givenNameKana: foreignNat ? '' : gk,
        // By 2026 the 戸籍's 振り仮名 have been notified for nearly everyone (令和5年法律48号, in force 2025-05-26): most
        // demo readings are certified; every tenth stays 未確認 so the demo shows both (no random draw: the demo stays as it was).
        readingStatus: foreignNat || atena % 10 === 0 ? undefined : { familyNameKana: 'certified', givenNameKana: 'certified' },
        romanName: foreignNat ? `${rnd.pick(foreignNat.family)} ${g}` : undefined,
        birthDate: { sortKey: birth, precision: 'day' }, sex: s.sex,
        honseki: foreignNat ? undefined : rnd.chance(0.7) ? `長野県塩尻市${home.townName}${1 + rnd.int(2000)}番地` : `${rnd.pick(['東京都', '長野県松本市', '愛知県名古屋市', '山梨県甲府市'])}${1 + rnd.int(50)}番地`,
        hittosha: foreignNat ? undefined : `${surname}${specs[0]!.sex === 'male' ? givenName('male', headBirth)[0] : g}`,
        address: home, becameResidentOn: { sortKey: since, precision: 'day' }, addressFixedOn: { sortKey: since, precision: 'day' },
        notifiedOn: since, previousAddress: bornHere ? undefined : fromAbroad ? '国外' : rnd.pick(['長野県松本市', '長野県岡谷市', '東京都新宿区', '愛知県名古屋市中区', '長野県諏訪市']),
        myNumberIndex: myNumber ? o.myNumberIndex(myNumber) : undefined,
        residentCode: `${residentBase}${residentCodeCheckDigit(residentBase)}`,
        foreign: foreignNat ? {
          nationality: foreignNat.nationality, category: rnd.chance(0.1) && foreignNat.nationality === '韓国' ? '特別永住者' : '中長期在留者',
          residenceStatus: rnd.pick(foreignNat.statuses), residencePeriod: rnd.pick(['1年', '3年', '5年']), residenceExpiry: addDays(asOf, 30 + rnd.int(1000)),
          residenceCardNo: `${String.fromCharCode(65 + rnd.int(26))}${String.fromCharCode(65 + rnd.int(26))}${digits(8)}${String.fromCharCode(65 + rnd.int(26))}${String.fromCharCode(65 + rnd.int(26))}`,
          foreignResidentSince: { sortKey: since, precision: 'day' },
        } : undefined,
      };
      if (myNumber) ds.myNumbers.push({ index: record.myNumberIndex!, myNumber });
      ds.persons.push({ personId, atenaNo });
      return { personId, record, bornHere, birth };
    });
    const history = new Map<string, PersonRecord[]>();
    const push = (personId: string, record: PersonRecord, changeId: string, effectiveOn: string) => {
      const h = history.get(personId) ?? [];
      h.push(record);
      history.set(personId, h);
      ds.snapshots.push({ personId, historyNo: h.length, changeId, effectiveOn, record });
    };
    // 転入 of everyone present at establishment, then 出生 of those born later.
    const initial = members.filter((m) => !m.bornHere);
    const entry = changeRow('move-in', established, initial.map((m) => m.personId), householdId, fromAbroad);
    ds.changes.push(entry);
    for (const m of initial) push(m.personId, m.record, entry.changeId, established);
    for (const m of members.filter((x) => x.bornHere).sort((a, b) => a.birth.localeCompare(b.birth))) {
      const c = changeRow('birth', m.birth, [m.personId], householdId);
      ds.changes.push(c);
      push(m.personId, m.record, c.changeId, m.birth);
    }
    const lastDate = [established, ...members.map((m) => m.birth)].sort().at(-1)!;
    const room = Math.floor((Date.parse(asOf) - Date.parse(lastDate)) / 86_400_000) - 2;
    if (room > 30 && rnd.chance(0.1)) {
      // 転居 of the whole household within the city.
      const on = addDays(lastDate, 1 + rnd.int(room));
      const to = address();
      const c = changeRow('move-within', on, members.map((m) => m.personId), householdId);
      ds.changes.push(c);
      for (const m of members) push(m.personId, { ...history.get(m.personId)!.at(-1)!, address: to, addressFixedOn: { sortKey: on, precision: 'day' }, notifiedOn: on }, c.changeId, on);
    } else if (room > 30 && members.length >= 2 && rnd.chance(0.12)) {
      // A former member: 死亡 (elderly) or 転出; the record stays as a 除票.
      const elder = rnd.chance(0.5);
      const birth = birthFor(elder ? 75 + rnd.int(20) : 18 + rnd.int(10));
      const sex: Sex = rnd.chance(0.5) ? 'male' : 'female';
      const [g, gk] = givenName(sex, birth);
      const personId = uuid();
      const atenaNo = formatRegistryNumber(++atena);
      const base = `${1 + rnd.int(9)}${digits(9)}`;
      const rec: PersonRecord = { ...members[0]!.record, atenaNo, relationship: elder ? (sex === 'male' ? '父' : '母') : '子', memberOrder: members.length,
        givenName: g, givenNameKana: gk, birthDate: { sortKey: birth, precision: 'day' }, sex, myNumberIndex: undefined, residentCode: `${base}${residentCodeCheckDigit(base)}`,
        becameResidentOn: { sortKey: established, precision: 'day' }, addressFixedOn: { sortKey: established, precision: 'day' } };
      if (rec.residentKind === 'foreign') rec.foreign = { ...rec.foreign!, residenceCardNo: undefined };
      ds.persons.push({ personId, atenaNo });
      entry.personIds.push(personId);
      push(personId, rec, entry.changeId, established);
      const on = addDays(lastDate, 1 + rnd.int(room));
      const kind = elder ? 'death' : 'move-out';
      const c = changeRow(kind, on, [personId], householdId);
      ds.changes.push(c);
      push(personId, { ...rec, removedOn: on, removalReason: elder ? '死亡' : '国内転出', destination: elder ? undefined : '東京都千代田区' }, c.changeId, on);
    }
    for (const [personId, h] of history) {
      const last = h.at(-1)!;
      ds.current.push({ personId, historyNo: h.length, record: last });
      if (!last.removedOn) ds.living++;
    }
  }
  return ds;
}

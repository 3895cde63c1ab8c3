// SPDX-License-Identifier: EUPL-1.2
/**
 * What a certificate says, as labelled text rows (spec §20.1–20.2; domain brief §6.2): pure, so the
 * printed items are decided and tested before any PDF is drawn. `certificate-pdf.ts` only lays them out.
 */
import type { CertificateKind, CertificateLayout, CertificatePerson, CertificateSubject, PrintItem } from './certificate-model.ts';
import { findMunicipality } from '../../platform/tenancy/municipality-list.ts';
import { KIND_TITLES, MOVE_OUT_EX_OFFICIO_TITLE } from './certificate-model.ts';
import { formatLegalDate, toSeireki, toWareki } from '../../platform/dates/jp-date.ts';

/** One labelled line of a certificate. */
export interface ContentRow {
  label: string;
  value: string;
}

/** One person's block. */
export interface PersonBlock {
  personId: string;
  rows: ContentRow[];
  /** 備考 (統合記載欄): history, removal, notes. */
  remarks: string[];
}

/** The whole text of a certificate, ready to be laid out. */
export interface CertificateContent {
  kind: CertificateKind;
  title: string;
  /** 「公用」 marking (spec §5.7). */
  official: boolean;
  /** 世帯連記式 (up to 4 persons per page) or 個人票 (one person per page). */
  layout: 'household' | 'individual';
  header: ContentRow[];
  persons: PersonBlock[];
  /** e.g. 「令和5年4月1日現在」 for a 記載事項証明書 of a past day. */
  asOfLine?: string;
  /** 認証文, printed on the last page only (spec §5.1). */
  certification: string;
  /** 「令和7年4月1日」: the day of issue. */
  issuedOnText: string;
  /** 「長野県塩尻市長」 and the mayor's name. */
  issuerTitle: string;
  issuerName: string;
  /** Printed after the last entry so nothing can be added below it. */
  closingMark: '以下余白';
}

/** Context that comes from the tenant and the request, not from the registry. */
export interface ContentContext {
  kind: CertificateKind;
  items: readonly PrintItem[];
  /**
   * The layout asked for (the request's choice, else the municipality's `certificateLayout`); 世帯連記式 when unset.
   * History-bearing copies and 除票の写し are 個人票 whatever is asked (spec §20.1.1).
   */
  layout?: CertificateLayout;
  /** 都道府県名 and 市区町村名 (the address and the issuer title carry both). */
  prefectureName: string;
  municipalityName: string;
  mayorName: string;
  /** 「職務代理者　副市長」 when a deputy certifies on the day of issue (spec §1.3.9). */
  issuerTitleSuffix?: string;
  official: boolean;
  /** Whole household requested (changes the certification sentence). */
  wholeHousehold: boolean;
  /** The day the certificate speaks about, and today. */
  day: string;
  today: string;
}

const SEX = { male: '男', female: '女' } as const;
const NO_READING = '********';

/** Builds the content of a certificate for the persons of one household. */
export function buildCertificateContent(subject: CertificateSubject, ctx: ContentContext): CertificateContent {
  const has = (i: PrintItem) => ctx.items.includes(i);
  const ref = subject.persons[0]!;
  const head = subject.householdMembers.find((m) => m.relationship === '世帯主');
  const header: ContentRow[] = [{ label: '住所', value: addressText(ctx, ref) }];
  if (has('householdHead') && head) header.push({ label: '世帯主', value: displayName(head) });

  const individual = ctx.kind === 'removed-copy' || (ctx.kind === 'residence-copy' && has('history')) || ctx.layout === 'individual';
  return {
    kind: ctx.kind,
    title: ctx.kind === 'move-out' && subject.persons.some((p) => p.moveOutExOfficio) ? MOVE_OUT_EX_OFFICIO_TITLE : KIND_TITLES[ctx.kind],
    official: ctx.official,
    layout: individual ? 'individual' : 'household',
    header,
    persons: subject.persons.map((p) => personBlock(p, ctx)),
    asOfLine: ctx.kind === 'residence-items' && ctx.day !== ctx.today ? `${toWareki(ctx.day)}現在` : undefined,
    certification: ctx.kind === 'move-out' && subject.persons.some((p) => p.moveOutExOfficio)
      ? '上記の者は、転出の届出が転出の日から14日を経過した後に行われたため、職権により住民票を消除したことを証明する。' : certificationSentence(ctx),
    issuedOnText: toWareki(ctx.today),
    issuerTitle: `${ctx.prefectureName}${ctx.municipalityName}長${ctx.issuerTitleSuffix ?? ''}`,
    issuerName: ctx.mayorName,
    closingMark: '以下余白',
  };
}

/** 認証文 per kind (wording after common municipal forms; confirm against the standard's chapter 4). */
function certificationSentence(ctx: ContentContext): string {
  switch (ctx.kind) {
    case 'residence-copy': return ctx.wholeHousehold ? 'この写しは、世帯全員の住民票の原本と相違ないことを証明する。' : 'この写しは、住民票の原本と相違ないことを証明する。';
    case 'removed-copy': return 'この写しは、住民票の除票の原本と相違ないことを証明する。';
    case 'residence-items': return '上記の事項は、住民票に記載されていることを証明する。';
    case 'move-out': return '上記の者は、転出の届出をしたことを証明する。';
  }
}

/** 「長野県塩尻市」 for a 全国地方公共団体コード (the code itself when unknown). */
function municipalityText(code: string): string {
  const m = findMunicipality(code);
  if (!m) return code;
  return m.class === '都道府県' ? m.name : `${m.prefectureName}${m.name}`;
}

function addressText(ctx: ContentContext, p: CertificatePerson): string {
  const katagaki = p.address.katagaki ? `　${p.address.katagaki}` : '';
  return `${ctx.prefectureName}${ctx.municipalityName}${p.address.townName}${p.address.banchi}${katagaki}`;
}

/** The name as registered; foreign residents by their name in alphabet when no kanji name is kept. */
function displayName(p: CertificatePerson): string {
  const kanji = [p.familyName, p.givenName].filter(Boolean).join('　');
  if (p.residentKind === 'foreign') return kanji || p.romanName || '';
  return kanji;
}

/** A reading as a certificate may print it: only when the 戸籍 certified it (公証, 令和5年法律第48号). */
const certified = (p: CertificatePerson, f: 'familyNameKana' | 'givenNameKana' | 'oldSurnameKana') =>
  p.readingStatus?.[f] === 'certified' && p[f] ? p[f] : '';

/**
 * The 振り仮名 row: certified readings only; an unverified reading never prints as if official (MUST NOT, spec
 * §1.1.18): `********` when neither is certified, 【氏空欄】/【名空欄】 for the one that is not.
 */
function reading(p: CertificatePerson): string {
  if (p.residentKind === 'foreign') return NO_READING; // no certified reading (residence cards carry none)
  const family = certified(p, 'familyNameKana');
  const given = certified(p, 'givenNameKana');
  if (!family && !given) return NO_READING;
  return `${family || '【氏空欄】'}　${given || '【名空欄】'}`;
}

function personBlock(p: CertificatePerson, ctx: ContentContext): PersonBlock {
  const has = (i: PrintItem) => ctx.items.includes(i);
  const wareki = (d: CertificatePerson['birthDate']) => formatLegalDate(d, 'wareki');
  const rows: ContentRow[] = [];
  const remarks: string[] = [];
  const foreign = p.residentKind === 'foreign' ? p.foreign : undefined;
  // A pending 転出 (planned day still ahead): items recorded from the 転出届 are omitted (spec §5.1).
  const removed = !!p.removedOn && p.removedOn <= ctx.day;

  if (p.residentKind === 'foreign' && p.romanName) rows.push({ label: '氏名（アルファベット）', value: p.romanName });
  rows.push({ label: '氏名', value: displayName(p) });
  rows.push({ label: 'フリガナ', value: reading(p) });
  const oldKana = certified(p, 'oldSurnameKana');
  if (has('oldSurname') && p.oldSurname) rows.push({ label: '旧氏', value: oldKana ? `${p.oldSurname}（${oldKana}）` : p.oldSurname });
  if (has('alias') && p.alias) rows.push({ label: '通称', value: p.aliasKana ? `${p.alias}（${p.aliasKana}）` : p.alias });
  rows.push({ label: '生年月日', value: formatLegalDate(p.birthDate, foreign ? 'seireki' : 'wareki') });
  rows.push({ label: '性別', value: SEX[p.sex] });
  if (has('householdHead')) rows.push({ label: '続柄', value: p.relationship });

  if (foreign) {
    // 国籍・地域 and the 30条の45 区分 may be omitted on request, like 本籍 (住基法12条5項, 30条の51).
    if (has('nationality')) rows.push({ label: '国籍・地域', value: foreign.nationality });
    if (has('foreignCategory')) rows.push({ label: '第30条の45に規定する区分', value: foreign.category });
    rows.push({ label: '外国人住民となった年月日', value: wareki(foreign.foreignResidentSince) });
    if (has('residenceDetails')) {
      if (foreign.residenceStatus) rows.push({ label: '在留資格', value: foreign.residenceStatus });
      if (foreign.residencePeriod) rows.push({ label: '在留期間', value: foreign.residencePeriod });
      if (foreign.residenceExpiry) rows.push({ label: '在留期間の満了の日', value: toSeireki(foreign.residenceExpiry) });
      if (foreign.residenceCardNo) rows.push({ label: '在留カード等の番号', value: foreign.residenceCardNo });
    }
  } else {
    rows.push({ label: '住民となった年月日', value: wareki(p.becameResidentOn) });
  }
  // 住所を定めた年月日: the day the person took up the current address, from the record (for a 転入者 or a newborn the
  // day they became a resident); it was left blank on 84be6ac whenever the two days were the same (issue #9).
  rows.push({ label: '住所を定めた年月日', value: wareki(p.addressFixedOn) });
  if (p.notifiedOn) rows.push({ label: '届出日', value: toWareki(p.notifiedOn) });
  if (has('previousAddress') && p.previousAddress) rows.push({ label: '前住所', value: p.previousAddress });
  if (has('honseki') && !foreign) {
    rows.push({ label: '本籍', value: p.honseki ?? '' });
    rows.push({ label: '筆頭者', value: p.hittosha ?? '' });
  }
  if (has('residentCode')) rows.push({ label: '住民票コード', value: p.residentCode ?? '' });
  if (has('myNumber')) rows.push({ label: '個人番号', value: p.myNumber ?? '' });

  if (ctx.kind === 'move-out' || removed) {
    if (p.destination) rows.push({ label: ctx.kind === 'move-out' ? '転出先' : '転出先住所', value: p.destination });
    // A vague date of death or 失踪 is printed as recorded (「推定令和8年11月頃」「年月日不詳」, spec §1.1.8).
    const removedText = p.removedOnText ?? (p.removedOn ? toWareki(p.removedOn) : '');
    if (p.removedOn) rows.push({ label: ctx.kind === 'move-out' ? (p.moveOutExOfficio ? '転出年月日' : '転出予定年月日') : '消除年月日', value: removedText });
    if (removed && p.removalReason) remarks.push(`${removedText}　${p.removalReason}${p.removalGround ? `（${p.removalGround}）` : ''}${p.moveOutExOfficio ? '（職権）' : ''}`);
  }
  if (has('history')) {
    for (const h of p.history.filter((e) => e.on <= ctx.day)) remarks.push(`${toWareki(h.on)}　${h.label}${h.detail ? `（${h.detail}）` : ''}`);
  }
  // 通称の記載及び削除に関する事項 (住基令30条の27): when asked, each entry and deletion with its day and municipality.
  if (has('aliasHistory') && p.residentKind === 'foreign') {
    for (const e of (p.aliasHistory ?? []).filter((x) => x.on <= ctx.day)) {
      const name = `${e.alias}${e.aliasKana ? `（${e.aliasKana}）` : ''}`;
      remarks.push(`${toWareki(e.on)}　${municipalityText(e.municipalityCode)}で通称「${name}」を${e.action === 'entered' ? '記載' : '削除'}`);
    }
  }
  return { personId: p.personId, rows, remarks };
}

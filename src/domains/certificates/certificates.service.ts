// SPDX-License-Identifier: EUPL-1.2
/**
 * Use cases of certificates: preview, issue (entitlement → content → PDF → ledger + access log in one
 * transaction), the issuance ledger and its export, and public verification of a code.
 */
import { createIssuanceHistoryUseCases, IssuanceVoidedError } from './issuance-history.service.ts';
import crypto from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed, can } from '../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { withPlatform, withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { TenantService } from '../tenants/index.ts';
import { buildCertificateContent, type CertificateContent } from './certificate-content.ts';
import { certificateFont, type CertificateFont } from './certificate-font.ts';
import { IDENTITY_DOCUMENT_LABELS, KIND_TITLES, REQUESTER_LABELS, type CertificateKind, type CertificatePerson, type IdentityDocument, type RequesterType } from './certificate-model.ts';
import { findMissingGlyphs, MissingGlyphsError, renderCertificatePdf, substituteUnsupportedVariants } from './certificate-pdf.ts';
import { certifierOn, certifierProblem, readCertificateSettings, type CertifierJson } from './certificate-settings.ts';
import type { CertificateSource, HouseholdRef, PendingChange, SourceActor, SourceContext } from './certificate-source.ts';
import type { CertificateRepository, IssuanceRow } from './certificates.repository.ts';
import type { CertificateRequestInput } from './certificates.schema.ts';
import { decideEntitlement, isRemovedOn, type EntitlementAlert } from './entitlement.ts';
import { orderMembers } from '../registry/index.ts';

/** What the 並び順 reads of a certificate person. */
const memberOrderOf = (m: CertificatePerson) => ({ personId: m.personId, relationship: m.relationship, birthKey: m.birthDate.sortKey,
  atenaNo: (m as { atenaNo?: string }).atenaNo ?? '', memberOrder: m.memberOrder, familyOf: m.familyOf });
import { hashVerificationCode, newVerificationCode, normaliseVerificationCode, sha256Hex } from './verification-code.ts';
import { formatLegalDate, japanDay, toWareki } from '../../platform/dates/jp-date.ts';

/** A refused request: stable code, Japanese title; logged, nothing issued. */
export class CertificateRefusedError extends DomainError {
  constructor(code: string, title: string, status: 400 | 403 | 404 | 409 | 422, extra?: Record<string, unknown>) {
    super(code, title, status, `Certificate request refused: ${code}`, extra);
  }
}

/** Seals and opens the stored document of an issuance (AES-256-GCM under the deployment's data key). */
export interface DocumentCipher {
  seal(plain: string, aad: string): { keyId: string; ciphertext: string };
  open(sealed: { keyId: string; ciphertext: string }, aad: string): string;
}

/** Stores documents as they are (tests and the in-memory setup only). */
const PLAIN_DOCUMENTS: DocumentCipher = { seal: (plain) => ({ keyId: 'plain', ciphertext: plain }), open: (s) => s.ciphertext };

/** What is kept of an issuance to show its result page and print it again: exactly what was printed. */
interface StoredDocument {
  v: 1;
  content: CertificateContent;
  verificationCode: string;
  verificationUrl: string;
  issueNumber: string;
  createdAt: string;
  copies: number;
  sealPngBase64?: string;
  /** The over-length rule in force at issue (spec §5.8), so a 再交付 prints as the original did. */
  overflowMode?: 'print-to-limit' | 'leave-blank';
  /** The request's options as printed (spec §5.1): items, layout; the content above already carries their effect. */
  options?: { items: string[]; layout: 'household' | 'individual' };
  /** Fields that did not fit at issue (spec §5.8), alerted to the clerk. */
  overflow?: string[];
  /** The persons as printed, in order. */
  names: string[];
  staffName: string;
  unitFeeYen: number;
}

/** 発行番号 without the page part (spec §5.5): issue day, municipality and 通番. */
export function formatIssueNumber(day: string, municipalityName: string, issueNo: number): string {
  return `${day.replaceAll('-', '')} ${municipalityName} ${String(issueNo).padStart(6, '0')}`;
}

/** The display name of a person as printed (kanji name, or the alphabet name of a foreign resident). */
export function personName(p: Pick<CertificatePerson, 'familyName' | 'givenName' | 'romanName'>): string {
  return [p.familyName, p.givenName].filter(Boolean).join('　') || p.romanName || '';
}

/** An issued certificate. */
export interface IssuedCertificate {
  issuanceId: string;
  /** 通番: identifies the issuance on the result page (/console/certificates/issuances/<issueNo>). */
  issueNo: number;
  issueNumber: string;
  verificationCode: string;
  pdf: Uint8Array;
  pdfSha256: string;
  pageCount: number;
  feeYen: number;
  alerts: string[];
  overflow: string[];
}

/** Creates the certificates service. */
export function createCertificateService(deps: {
  db: Database; source: CertificateSource; certificates: CertificateRepository; accessLog: AccessLogRepository;
  tenants: Pick<TenantService, 'get'> & Partial<Pick<TenantService, 'updateSettings'>>; clock: Clock;
  /** Base of the public verification URL encoded in the QR code, e.g. `https://jichi.example.jp/verify`. */
  verificationBaseUrl: string;
  font?: () => CertificateFont;
  random?: (n: number) => Uint8Array;
  /** Seals the stored documents; without it they are stored as they are (tests). */
  documents?: DocumentCipher;
}) {
  const { db, source, certificates, accessLog, clock } = deps;
  const font = deps.font ?? certificateFont;
  const documents = deps.documents ?? PLAIN_DOCUMENTS;

  /** Logs a refusal in its own transaction (the request changes nothing else) and throws it. */
  async function refuse(actor: Actor, input: CertificateRequestInput, ctx: SourceContext, err: CertificateRefusedError): Promise<never> {
    await withTenant(db, actor.municipalityCode, async (trx) => {
      const subjects = input.personIds ?? [input.householdId ?? ''];
      for (const id of subjects) {
        await accessLog.append(trx, actor.municipalityCode, {
          actorType: 'staff', actorId: actor.staffId, action: 'certificates.refused', subjectType: input.personIds ? 'person' : 'household', subjectId: id,
          purpose: `${input.kind}/${input.requester.type}/${err.code}`, clientIp: ctx.clientIp, requestId: ctx.requestId, outcome: 'denied',
        });
      }
    });
    throw err;
  }

  /** Loads the records, decides the entitlement and builds the content; refusals are logged and thrown. */
  async function prepare(actor: Actor, input: CertificateRequestInput, ctx: SourceContext) {
    assertAllowed(actor, 'certificates:issue');
    // 利用範囲 (spec §10.3): an account may be kept from certificates that show 個人番号.
    if ((input.items ?? []).includes('myNumber') && !can(actor, 'certificates:issue-my-number')) {
      return refuse(actor, input, ctx, new CertificateRefusedError('my-number-not-in-scope', 'このアカウントの利用範囲には、個人番号を記載した証明書の交付が含まれていません。個人番号を省略するか、権限のある職員に依頼してください', 403));
    }
    return prepareFor(actor, input, ctx, (err) => refuse(actor, input, ctx, err));
  }

  /** The tenant as certificates print it, read in the caller's transaction. */
  async function tenantIn(trx: TenantTx, municipalityCode: string) {
    const r = await trx.selectFrom('platform.tenant as t').innerJoin('platform.municipality as m', 'm.code', 't.municipalityCode')
      .select(['m.name', 'm.prefectureName', 't.settings']).where('t.municipalityCode', '=', municipalityCode).executeTakeFirst();
    return r ? { name: r.name, prefectureName: r.prefectureName, settings: r.settings as Record<string, unknown> } : undefined;
  }

  /**
   * The issuance rules, for a staff member (new transactions) or inside the caller's transaction (`trx`, a case's
   * approval): records, entitlement, content, fee, pending 仮登録. `refused` logs and throws a refusal.
   */
  async function prepareFor(actor: SourceActor, input: CertificateRequestInput, ctx: SourceContext, refused: (err: CertificateRefusedError) => Promise<never>, trx?: TenantTx) {
    const refuse = (_a: unknown, _i: unknown, _c: unknown, err: CertificateRefusedError) => refused(err);
    const today = japanDay(clock.now());
    const day = input.asOf ?? today;
    const tenant = trx ? await tenantIn(trx, actor.municipalityCode) : await deps.tenants.get(actor.municipalityCode);
    const settings = readCertificateSettings(tenant?.settings ?? {});
    // The certifier of the day of issue: the mayor, or the deputy (職務代理者) for the days they act (spec §1.3.9).
    const certifier = certifierOn(settings, today);
    if (!tenant || !certifier) {
      return refuse(actor, input, ctx, new CertificateRefusedError('certificate-settings-missing', '証明書の発行者（市区町村長名）が設定されていません', 409));
    }
    const wantsMyNumber = (input.items ?? []).includes('myNumber');
    const ref = input.householdId ? { householdId: input.householdId } : { personId: input.personIds![0]! };
    const loaded = await source.loadHousehold(actor, ref, day, { myNumberFor: wantsMyNumber ? input.personIds ?? undefined : undefined, trx }, ctx);
    if (!loaded) return refuse(actor, input, ctx, new CertificateRefusedError('not-found', '対象の世帯または住民が見つかりません', 404));
    // 世帯員の並び順 (spec §5.2) as the municipality keeps it: each married 子 with their own family, or the order of entry.
    const household = { ...loaded, members: orderMembers(loaded.members, memberOrderOf, settings.memberOrder) };
    let persons: CertificatePerson[];
    if (input.personIds) {
      const byId = new Map(household.members.map((m) => [m.personId, m]));
      const unknown = input.personIds.filter((id) => !byId.has(id));
      if (unknown.length > 0) return refuse(actor, input, ctx, new CertificateRefusedError('not-found', '対象の住民が見つかりません', 404, { personIds: unknown }));
      const wanted = new Set(input.personIds);
      persons = household.members.filter((m) => wanted.has(m.personId));
    } else {
      // 世帯全員: the members living in the household on the day.
      persons = household.members.filter((m) => !isRemovedOn(m, day));
    }
    if (wantsMyNumber && !input.personIds) {
      const again = await source.loadHousehold(actor, { householdId: household.householdId }, day, { myNumberFor: persons.map((p) => p.personId), trx }, ctx);
      const byId = new Map((again?.members ?? []).map((m) => [m.personId, m]));
      persons = persons.map((p) => byId.get(p.personId) ?? p);
    }
    const current = household.members.filter((m) => !isRemovedOn(m, day));
    const decision = decideEntitlement({
      kind: input.kind, requester: input.requester, purpose: input.purpose, items: input.items, persons,
      householdMembers: household.members, asOf: input.asOf, today,
    });
    if (!decision.allowed) return refuse(actor, input, ctx, new CertificateRefusedError(decision.code, decision.title, decision.status as 400, decision.detail));
    const built = buildCertificateContent({ householdId: household.householdId, householdMembers: current.length > 0 ? current : household.members, persons }, {
      kind: input.kind, items: decision.items, layout: input.layout ?? settings.certificateLayout, prefectureName: tenant.prefectureName, municipalityName: tenant.name, mayorName: certifier.name, issuerTitleSuffix: certifier.titleSuffix,
      official: input.requester.type === 'official', wholeHousehold: !input.personIds || (persons.length === current.length && current.length > 0), day, today,
    });
    // A variant glyph the font lacks is printed in its base form with a note, never refused (issue #9).
    const { content, substituted } = substituteUnsupportedVariants(built, font());
    const copies = input.copies ?? 1;
    const unitFeeYen = input.requester.type === 'official' ? 0 : settings.fees[input.kind];
    const feeYen = unitFeeYen * copies;
    // 仮登録 pending for a printed person or the household: the clerk is warned and must confirm (issue #9).
    const names = new Map(household.members.map((m) => [m.personId, personName(m)]));
    const pending = await source.pendingChanges(actor, household.householdId, persons.map((x) => x.personId), trx);
    const pendingChanges = pending.map((c: PendingChange) => ({ kindLabel: c.kindLabel, names: c.personIds.map((id) => names.get(id) ?? '').filter(Boolean) }));
    const alerts: string[] = [...decision.alerts, ...(pending.length > 0 ? ['pending-provisional-change'] : [])];
    return { tenant, settings, certifier, household, persons, decision, content, substituted, copies, unitFeeYen, feeYen, today, day, pendingChanges, alerts };
  }

  /** Who issues: a staff member, or the automatic review of a case (no staff member). */
  type Issuer = { type: 'staff' | 'system'; municipalityCode: string; staffId: string | null; displayName: string; systemId?: string };

  /** Numbers, renders and records an issuance (ledger, sealed document, access log) in `trx`. */
  async function writeIssuance(trx: TenantTx, issuer: Issuer, input: CertificateRequestInput, p: Awaited<ReturnType<typeof prepareFor>>, ctx: SourceContext,
    opts: { deliver?: boolean; caseId?: string; postal?: boolean }): Promise<IssuedCertificate> {
    const now = clock.now();
    const code = newVerificationCode(deps.random);
    const normalised = normaliseVerificationCode(code)!;
    const issueNo = await certificates.nextIssueNo(trx, issuer.municipalityCode);
    const issueNumber = formatIssueNumber(p.today, p.tenant.name, issueNo);
    const doc: StoredDocument = {
      v: 1, content: p.content, verificationCode: code, verificationUrl: `${deps.verificationBaseUrl}/${normalised}`, issueNumber,
      createdAt: now.toISOString(), copies: p.copies, sealPngBase64: p.certifier.sealPng ? Buffer.from(p.certifier.sealPng).toString('base64') : undefined, overflowMode: p.settings.overflowMode,
      options: { items: p.decision.items, layout: p.content.layout },
      names: p.persons.map(personName), staffName: issuer.displayName, unitFeeYen: p.unitFeeYen,
    };
    const rendered = await renderStored(doc);
    // A value that does not fit even at the smallest size (spec §5.8): alerted to the clerk and kept with the issuance.
    doc.overflow = rendered.overflow;
    const alerts = rendered.overflow.length > 0 ? [...p.alerts, 'value-overflow'] : p.alerts;
    const pdfSha256 = sha256Hex(rendered.bytes);
    const row: IssuanceRow = {
      municipalityCode: issuer.municipalityCode, issuanceId: crypto.randomUUID(), issueNo, issuedAt: now, certificateKind: input.kind,
      requesterType: input.requester.type, requesterGround: input.requester.ground ?? '', officialBody: input.requester.officialBody ?? '',
      legalBasis: input.requester.legalBasis ?? '', purpose: input.purpose ?? '', householdId: p.household.householdId,
      personIds: p.persons.map((x) => x.personId), items: p.decision.items, asOf: p.day, feeYen: p.feeYen, copies: p.copies,
      identityDocument: input.requester.identityDocument ?? '', pendingAcknowledged: p.pendingChanges.length > 0, staffId: issuer.staffId, issuedBy: issuer.type, caseId: opts.caseId ?? null,
      pageCount: rendered.pageCount, myNumberPrinted: p.decision.items.includes('myNumber'), alerts, overflowFields: rendered.overflow,
      pdfSha256, verificationCodeHash: hashVerificationCode(normalised),
    };
    await certificates.insertIssuance(trx, row);
    const sealed = documents.seal(JSON.stringify(doc), row.issuanceId);
    await certificates.insertDocument(trx, { municipalityCode: issuer.municipalityCode, issuanceId: row.issuanceId, keyId: sealed.keyId, sealed: sealed.ciphertext });
    // The API answers with the PDF itself: that delivery is the original print.
    if (opts.deliver && issuer.staffId) {
      await certificates.insertPrint(trx, { municipalityCode: issuer.municipalityCode, issuanceId: row.issuanceId, printNo: 1, printedAt: now, staffId: issuer.staffId!, staffName: issuer.displayName, pdfSha256 });
    }
    for (const person of p.persons) {
      await accessLog.append(trx, issuer.municipalityCode, {
        actorType: issuer.type, actorId: issuer.staffId ?? issuer.systemId ?? 'system', action: 'certificates.issue', subjectType: 'person', subjectId: person.personId,
        purpose: `${input.kind}/${input.requester.type}/${issueNo}`, myNumberAccessed: row.myNumberPrinted, clientIp: ctx.clientIp, requestId: ctx.requestId,
      });
    }
    if (opts.postal) await certificates.queuePostal(trx, issuer.municipalityCode, row.issuanceId, now);
    return {
      issuanceId: row.issuanceId, issueNo, issueNumber, verificationCode: code, pdf: rendered.bytes, pdfSha256, pageCount: rendered.pageCount,
      feeYen: p.feeYen, alerts, overflow: rendered.overflow,
    };
  }

  /** Opens the stored document of an issuance. */
  async function documentOf(trx: TenantTx, municipalityCode: string, issuanceId: string): Promise<StoredDocument> {
    const row = await certificates.findDocument(trx, municipalityCode, issuanceId);
    if (!row) throw new DomainError('not-found', '交付記録が見つかりません', 404, 'Issuance document not found');
    return JSON.parse(documents.open({ keyId: row.keyId, ciphertext: row.sealed }, issuanceId)) as StoredDocument;
  }

  /** Renders a stored document: the original, or a 再交付 with its number and day. */
  function renderStored(doc: StoredDocument, reprint?: { no: number; onText: string }) {
    return renderCertificatePdf(doc.content, {
      font: font(), issueNumber: doc.issueNumber, createdAt: new Date(doc.createdAt), copies: doc.copies,
      sealPng: doc.sealPngBase64 ? new Uint8Array(Buffer.from(doc.sealPngBase64, 'base64')) : undefined,
      verification: { code: doc.verificationCode, url: doc.verificationUrl }, reprint, overflowMode: doc.overflowMode,
    });
  }

  /** Characters outside the font are refused with their code points and fields (never silently dropped). */
  const glyphRefusal = (missing: MissingGlyphsError['missing']) => new CertificateRefusedError('characters-not-in-font',
    '証明書のフォントで印字できない文字が含まれています（外字の登録または文字の同定が必要です）', 422, { missing });

  return {
    ...createIssuanceHistoryUseCases({ db, certificates, accessLog }),
    /**
     * Sets the certificate part of the tenant settings (administrators): mayor's name, seal PNG, fees.
     * @throws ForbiddenError without 'tenant:configure'; DomainError 'invalid-seal' for a non-PNG seal
     */
    async updateSettings(actor: Actor, input: { mayorName?: string; sealPngBase64?: string; certificateFees?: Partial<Record<CertificateKind, number>>; certifiers?: CertifierJson[]; overflowMode?: 'print-to-limit' | 'leave-blank'; certificateLayout?: 'household' | 'individual'; memberOrder?: 'standard' | 'entry' }, ctx: SourceContext) {
      assertAllowed(actor, 'tenant:configure');
      const problem = input.certifiers ? certifierProblem(input.certifiers) : undefined;
      if (problem) throw new DomainError('invalid-certifiers', problem, 422, 'Certifiers: invalid periods, titles or seals');
      if (input.sealPngBase64 && !readCertificateSettings({ sealPngBase64: input.sealPngBase64 }).sealPng) {
        throw new DomainError('invalid-seal', '公印の画像はPNG形式で指定してください', 400, 'The seal must be a PNG image');
      }
      const tenant = await deps.tenants.get(actor.municipalityCode);
      if (!tenant || !deps.tenants.updateSettings) throw new DomainError('not-found', '自治体が見つかりません', 404, 'Tenant not found');
      const next = { ...tenant.settings, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
      await deps.tenants.updateSettings(actor.municipalityCode, next);
      await withTenant(db, actor.municipalityCode, (trx) => accessLog.append(trx, actor.municipalityCode, {
        actorType: 'staff', actorId: actor.staffId, action: 'certificates.settings.update', subjectType: 'tenant', subjectId: actor.municipalityCode,
        clientIp: ctx.clientIp, requestId: ctx.requestId,
      }));
      return readCertificateSettings(next);
    },

    /**
     * The household of a person (or a household) as the request form shows it: members by name, 続柄 and 生年月日,
     * and pending 仮登録. Access-logged for every member shown. Undefined when unknown.
     */
    async subjectForForm(actor: Actor, ref: HouseholdRef, ctx: SourceContext) {
      assertAllowed(actor, 'certificates:issue');
      const today = japanDay(clock.now());
      const household = await source.loadHousehold(actor, ref, today, {}, ctx);
      if (!household) return undefined;
      const members = household.members.filter((m) => !isRemovedOn(m, today) || ('personId' in ref && m.personId === ref.personId));
      const pending = await source.pendingChanges(actor, household.householdId, members.map((m) => m.personId));
      await withTenant(db, actor.municipalityCode, async (trx) => {
        for (const m of members) {
          await accessLog.append(trx, actor.municipalityCode, {
            actorType: 'staff', actorId: actor.staffId, action: 'certificates.subject.read', subjectType: 'person', subjectId: m.personId,
            purpose: 'certificate-request', clientIp: ctx.clientIp, requestId: ctx.requestId,
          });
        }
      });
      const pendingIds = new Set(pending.flatMap((c) => c.personIds));
      const defaultLayout = readCertificateSettings((await deps.tenants.get(actor.municipalityCode))?.settings ?? {}).certificateLayout;
      return {
        householdId: household.householdId, defaultLayout,
        address: members[0] ? `${members[0].address.townName}${members[0].address.banchi}${members[0].address.katagaki ? `　${members[0].address.katagaki}` : ''}` : '',
        householdPending: pending.some((c) => c.householdPending),
        members: members.map((m) => ({
          personId: m.personId, name: personName(m), relationship: m.relationship, removed: isRemovedOn(m, today), pending: pendingIds.has(m.personId),
          birthText: formatLegalDate(m.birthDate, m.residentKind === 'foreign' ? 'seireki' : 'wareki'),
        })),
      };
    },

    /** The content and fee of a certificate, without issuing it (the read is access-logged). */
    async preview(actor: Actor, input: CertificateRequestInput, ctx: SourceContext) {
      const p = await prepare(actor, input, ctx);
      const missing = findMissingGlyphs(p.content, font());
      // Over-length values (spec §5.8) are found by laying the certificate out as it would be printed: the clerk is alerted before issuing.
      const overflow = missing.length > 0 ? [] : (await renderCertificatePdf(p.content, { font: font(), issueNumber: '', createdAt: clock.now(), copies: 1, overflowMode: p.settings.overflowMode, sealPng: p.certifier.sealPng })).overflow;
      await withTenant(db, actor.municipalityCode, async (trx) => {
        for (const person of p.persons) {
          await accessLog.append(trx, actor.municipalityCode, {
            actorType: 'staff', actorId: actor.staffId, action: 'certificates.preview', subjectType: 'person', subjectId: person.personId,
            purpose: `${input.kind}/${input.requester.type}`, myNumberAccessed: p.decision.items.includes('myNumber'), clientIp: ctx.clientIp, requestId: ctx.requestId,
          });
        }
      });
      return {
        ...p.content, items: p.decision.items, alerts: [...p.alerts, ...(missing.length > 0 ? ['characters-not-in-font'] : []), ...(overflow.length > 0 ? ['value-overflow'] : [])],
        overflow, overflowMode: p.settings.overflowMode,
        pendingChanges: p.pendingChanges, variantsSubstituted: p.substituted, copies: p.copies, unitFeeYen: p.unitFeeYen, feeYen: p.feeYen, missing,
        householdId: p.household.householdId, personIds: p.persons.map((x) => x.personId), names: p.persons.map(personName),
      };
    },

    /**
     * Issues a certificate: numbers it, renders the PDF with a new verification code, and records the ledger
     * entry and the access log in one transaction.
     * @throws CertificateRefusedError (logged) for every refusal, ForbiddenError without the permission
     */
    async issue(actor: Actor, input: CertificateRequestInput, ctx: SourceContext, opts: { deliver?: boolean } = {}): Promise<IssuedCertificate> {
      const p = await prepare(actor, input, ctx);
      const missing = findMissingGlyphs(p.content, font());
      if (missing.length > 0) return refuse(actor, input, ctx, glyphRefusal(missing));
      if (p.pendingChanges.length > 0 && !input.acknowledgePendingChanges) {
        return refuse(actor, input, ctx, new CertificateRefusedError('pending-change-unacknowledged',
          '仮登録中の異動がある方が含まれています。異動の内容を確認し、このまま交付することを確認してください', 409, { pendingChanges: p.pendingChanges.map((c) => c.kindLabel) }));
      }
      try {
        return await withTenant(db, actor.municipalityCode, (trx) => writeIssuance(trx, { type: 'staff', municipalityCode: actor.municipalityCode, staffId: actor.staffId, displayName: actor.displayName }, input, p, ctx, { deliver: opts.deliver }));
      } catch (err) {
        if (err instanceof MissingGlyphsError) return refuse(actor, input, ctx, glyphRefusal(err.missing));
        throw err;
      }
    },

    /**
     * Issues the certificate of an approved case inside the caller's transaction (the approval's), by the same rules,
     * numbering and access log as at the counter, and queues it for postal delivery when asked. Idempotent per case:
     * a case already issued returns its issuance (`already`), never a second one. A refusal is thrown, not logged
     * apart (the approval rolls back with it).
     * @throws CertificateRefusedError
     */
    async issueIn(trx: TenantTx, municipalityCode: string, issuer: { type: 'staff'; staffId: string } | { type: 'system'; id: string }, input: CertificateRequestInput,
      ctx: SourceContext, opts: { caseId: string; postal: boolean }) {
      const prior = await certificates.findByCase(trx, municipalityCode, opts.caseId);
      if (prior) return { issuanceId: prior.issuanceId, issueNo: prior.issueNo, feeYen: prior.feeYen, already: true };
      const staff = issuer.type === 'staff'
        ? await trx.selectFrom('platform.staff').select('displayName').where('municipalityCode', '=', municipalityCode).where('staffId', '=', issuer.staffId).executeTakeFirst()
        : undefined;
      const who = { type: issuer.type, municipalityCode, staffId: issuer.type === 'staff' ? issuer.staffId : null, displayName: staff?.displayName ?? '自動審査',
        systemId: issuer.type === 'system' ? issuer.id : undefined };
      const p = await prepareFor({ municipalityCode }, input, ctx, async (err) => { throw err; }, trx);
      const missing = findMissingGlyphs(p.content, font());
      if (missing.length > 0) throw glyphRefusal(missing);
      if (p.pendingChanges.length > 0 && !input.acknowledgePendingChanges) {
        throw new CertificateRefusedError('pending-change-unacknowledged', '仮登録中の異動がある方が含まれています。職員が異動の内容を確認してください', 409,
          { pendingChanges: p.pendingChanges.map((c) => c.kindLabel) });
      }
      try {
        const issued = await writeIssuance(trx, who, input, p, ctx, { caseId: opts.caseId, postal: opts.postal });
        return { issuanceId: issued.issuanceId, issueNo: issued.issueNo, feeYen: issued.feeYen, already: false };
      } catch (err) {
        if (err instanceof MissingGlyphsError) throw glyphRefusal(err.missing);
        throw err;
      }
    },

    /**
     * The postal queue (郵送待ち) or the latest sent: 通番, kind, names as printed, copies, queued/sent. Reading it is
     * one access-log entry for the list.
     */
    async listPostal(actor: Actor, q: { sent: boolean; limit: number }, ctx: SourceContext) {
      assertAllowed(actor, 'certificates:issue');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = await certificates.listPostal(trx, actor.municipalityCode, q);
        await accessLog.append(trx, actor.municipalityCode, {
          actorType: 'staff', actorId: actor.staffId, action: 'certificates.postal.read', subjectType: 'issuance',
          subjectId: rows.map((r) => r.issueNo).join(',') || '-', purpose: '郵送待ちの確認', clientIp: ctx.clientIp, requestId: ctx.requestId,
        });
        const out = [];
        for (const r of rows) {
          const doc = await documentOf(trx, actor.municipalityCode, r.issuanceId).catch(() => undefined);
          const kind = r.certificateKind as CertificateKind;
          out.push({ issueNo: r.issueNo, kind, title: KIND_TITLES[kind], names: doc?.names ?? [], copies: r.copies, caseId: r.caseId,
            queuedAt: new Date(r.queuedAt).toISOString(), sentAt: r.sentAt ? new Date(r.sentAt).toISOString() : null, sentByName: r.sentByName });
        }
        return out;
      });
    },

    /**
     * Marks a certificate of the postal queue as mailed. Idempotent: marking it again changes nothing.
     * @throws DomainError 'not-found' (no such issuance in the postal queue)
     */
    async markPostalSent(actor: Actor, issueNo: number, ctx: SourceContext) {
      assertAllowed(actor, 'certificates:issue');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await certificates.findByIssueNo(trx, actor.municipalityCode, issueNo);
        const postal = row ? await certificates.findPostal(trx, actor.municipalityCode, row.issuanceId) : undefined;
        if (!row || !postal) throw new DomainError('not-found', '郵送待ちの証明書が見つかりません', 404, 'Not in the postal queue');
        if (postal.sentAt) return { issueNo, sentAt: new Date(postal.sentAt).toISOString(), already: true };
        const at = clock.now();
        await certificates.markPostalSent(trx, actor.municipalityCode, row.issuanceId, { staffId: actor.staffId, staffName: actor.displayName, at });
        await accessLog.append(trx, actor.municipalityCode, {
          actorType: 'staff', actorId: actor.staffId, action: 'certificates.postal.sent', subjectType: 'issuance', subjectId: String(issueNo),
          purpose: '郵送', clientIp: ctx.clientIp, requestId: ctx.requestId,
        });
        return { issueNo, sentAt: at.toISOString(), already: false };
      });
    },

    /** The 通番 of the certificate issued for a case, if any (the case page links to it). */
    issuanceOfCaseIn: (trx: TenantTx, municipalityCode: string, caseId: string) => certificates.findByCase(trx, municipalityCode, caseId),

    /**
     * One issuance as its result page shows it: the persons by name, 発行番号, fee, copies and every print (who, when).
     * Reading it is access-logged for each person. Never issues anything.
     * @throws DomainError 'not-found'
     */
    async getIssuance(actor: Actor, issueNo: number, ctx: SourceContext) {
      assertAllowed(actor, 'certificates:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await certificates.findByIssueNo(trx, actor.municipalityCode, issueNo);
        if (!row) throw new DomainError('not-found', '交付記録が見つかりません', 404, 'Issuance not found');
        const doc = await documentOf(trx, actor.municipalityCode, row.issuanceId);
        const prints = await certificates.listPrints(trx, actor.municipalityCode, row.issuanceId);
        const voided = await certificates.findVoid(trx, actor.municipalityCode, row.issuanceId);
        const disposals = new Map((await certificates.listDisposals(trx, actor.municipalityCode, row.issuanceId)).map((d) => [d.printNo, d]));
        for (const personId of row.personIds) {
          await accessLog.append(trx, actor.municipalityCode, {
            actorType: 'staff', actorId: actor.staffId, action: 'certificates.issuance.read', subjectType: 'person', subjectId: personId,
            purpose: `${row.certificateKind}/${row.issueNo}`, clientIp: ctx.clientIp, requestId: ctx.requestId,
          });
        }
        const kind = row.certificateKind as CertificateKind;
        return {
          issuanceId: row.issuanceId, issueNo: row.issueNo, issueNumber: doc.issueNumber, issuedAt: new Date(row.issuedAt).toISOString(),
          issuedOnText: toWareki(japanDay(new Date(row.issuedAt))), kind, title: KIND_TITLES[kind], names: doc.names, copies: row.copies,
          unitFeeYen: doc.unitFeeYen, feeYen: row.feeYen, pageCount: row.pageCount, verificationCode: doc.verificationCode,
          requesterLabel: REQUESTER_LABELS[row.requesterType as RequesterType] ?? '', identityDocumentLabel: IDENTITY_DOCUMENT_LABELS[row.identityDocument as IdentityDocument] ?? '',
          pendingAcknowledged: row.pendingAcknowledged, alerts: row.alerts, overflowFields: row.overflowFields, overflowMode: doc.overflowMode ?? 'print-to-limit', staffName: doc.staffName,
          layout: doc.content.layout,
          prints: prints.map((x) => {
            const d = disposals.get(x.printNo);
            return {
              printNo: x.printNo, reprint: x.printNo > 1, printedAt: new Date(x.printedAt).toISOString(), staffName: x.staffName, terminalCode: x.terminalCode, placeCode: x.placeCode,
              disposal: d ? { disposedAt: new Date(d.disposedAt).toISOString(), reason: d.reason, terminalCode: d.terminalCode, placeCode: d.placeCode } : null,
            };
          }),
          // 交付履歴 (spec §1.3.8): where it was issued, and whether it was declared void.
          terminalCode: row.terminalCode, placeCode: row.placeCode,
          void: voided ? { voidedAt: new Date(voided.voidedAt).toISOString(), reason: voided.reason, terminalCode: voided.terminalCode, placeCode: voided.placeCode } : null,
        };
      });
    },

    /**
     * Delivers the PDF of an issuance: the first delivery is the original; every later one is a 再交付 printed as
     * such (its number and day on every sheet) and recorded with who and when, in the prints and the access log.
     * @throws DomainError 'not-found'
     */
    async printPdf(actor: Actor, ref: { issueNo: number } | { issuanceId: string }, ctx: SourceContext) {
      assertAllowed(actor, 'certificates:issue');
      const now = clock.now();
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = 'issueNo' in ref ? await certificates.findByIssueNo(trx, actor.municipalityCode, ref.issueNo)
          : /^[0-9a-f-]{36}$/i.test(ref.issuanceId) ? await certificates.findById(trx, actor.municipalityCode, ref.issuanceId) : undefined;
        if (!row) throw new DomainError('not-found', '交付記録が見つかりません', 404, 'Issuance not found');
        if (await certificates.findVoid(trx, actor.municipalityCode, row.issuanceId)) throw new IssuanceVoidedError();
        const doc = await documentOf(trx, actor.municipalityCode, row.issuanceId);
        const printNo = await certificates.nextPrintNo(trx, actor.municipalityCode, row.issuanceId);
        const reprint = printNo > 1 ? { no: printNo - 1, onText: toWareki(japanDay(now)) } : undefined;
        const rendered = await renderStored(doc, reprint);
        const pdfSha256 = sha256Hex(rendered.bytes);
        await certificates.insertPrint(trx, { municipalityCode: actor.municipalityCode, issuanceId: row.issuanceId, printNo, printedAt: now, staffId: actor.staffId, staffName: actor.displayName, pdfSha256 });
        for (const personId of row.personIds) {
          await accessLog.append(trx, actor.municipalityCode, {
            actorType: 'staff', actorId: actor.staffId, action: reprint ? 'certificates.reprint' : 'certificates.print', subjectType: 'person', subjectId: personId,
            purpose: `${row.certificateKind}/${row.issueNo}/${printNo}`, myNumberAccessed: row.myNumberPrinted, clientIp: ctx.clientIp, requestId: ctx.requestId,
          });
        }
        return { pdf: rendered.bytes, issueNo: row.issueNo, printNo, reprint: !!reprint, filename: `certificate-${row.issueNo}${reprint ? `-reprint-${reprint.no}` : ''}.pdf` };
      });
    },

    /**
     * The clerk's own latest issuances for the console home: 通番, kind, the names as printed (from the sealed
     * document), when. One query and one access-log entry, not a ledger read.
     */
    async recentIssuancesOf(actor: Actor, limit: number, ctx: SourceContext) {
      assertAllowed(actor, 'certificates:issue');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = await certificates.recentOf(trx, actor.municipalityCode, actor.staffId, limit);
        if (rows.length === 0) return [];
        await accessLog.append(trx, actor.municipalityCode, {
          actorType: 'staff', actorId: actor.staffId, action: 'certificates.recent-own.read', subjectType: 'issuance',
          subjectId: rows.map((r) => r.issueNo).join(','), purpose: '自分の交付記録の確認', clientIp: ctx.clientIp, requestId: ctx.requestId,
        });
        const out = [];
        for (const r of rows) {
          const doc = await documentOf(trx, actor.municipalityCode, r.issuanceId).catch(() => undefined);
          out.push({ issueNo: r.issueNo, kind: r.certificateKind as CertificateKind, names: doc?.names ?? [], issuedAt: new Date(r.issuedAt).toISOString() });
        }
        return out;
      });
    },

    /** The issuance ledger, newest first (counter clerks and administrators). */
    async listIssuances(actor: Actor, q: { from?: string; to?: string; limit: number; format?: 'json' | 'csv' }, ctx: SourceContext = { clientIp: '', requestId: '' }) {
      if (!can(actor, 'certificates:issue') && !can(actor, 'access-log:read')) throw new ForbiddenError('certificates:ledger');
      // Days are Japanese days: [from 00:00 JST, to+1 00:00 JST).
      const fromTs = q.from ? new Date(`${q.from}T00:00:00+09:00`) : undefined;
      const toTs = q.to ? new Date(new Date(`${q.to}T00:00:00+09:00`).getTime() + 86_400_000) : undefined;
      const { rows, prints } = await withTenant(db, actor.municipalityCode, async (trx) => {
        // The ledger names households, persons and purposes: its reading is a batch access (issue #15).
        await accessLog.append(trx, actor.municipalityCode, {
          actorType: 'staff', actorId: actor.staffId, action: q.format === 'csv' ? 'certificates.ledger.export' : 'certificates.ledger.read',
          subjectType: 'issuance-ledger', subjectId: `${q.from ?? ''}..${q.to ?? ''}`,
          purpose: q.format === 'csv' ? '交付記録の出力（CSV）' : '交付記録の閲覧', clientIp: ctx.clientIp, requestId: ctx.requestId,
        });
        const rows = await certificates.listIssuances(trx, actor.municipalityCode, { fromTs, toTs, limit: q.limit });
        return { rows, prints: await certificates.printCounts(trx, actor.municipalityCode, rows.map((r) => r.issuanceId)) };
      });
      return rows.map((r) => ({
        issuanceId: r.issuanceId, issueNo: r.issueNo, issuedAt: new Date(r.issuedAt).toISOString(), certificateKind: r.certificateKind as CertificateKind,
        requesterType: r.requesterType as RequesterType, requesterGround: r.requesterGround, officialBody: r.officialBody, legalBasis: r.legalBasis,
        purpose: r.purpose, householdId: r.householdId, personIds: r.personIds, items: r.items, asOf: dayText(r.asOf), feeYen: r.feeYen,
        copies: r.copies, identityDocument: r.identityDocument, pendingAcknowledged: r.pendingAcknowledged, printCount: prints.get(r.issuanceId) ?? 0, staffId: r.staffId,
        pageCount: r.pageCount, myNumberPrinted: r.myNumberPrinted, alerts: r.alerts, overflowFields: r.overflowFields, pdfSha256: r.pdfSha256,
        terminalCode: r.terminalCode, placeCode: r.placeCode,
      }));
    },

    /**
     * Answers whether a code is genuine, with municipality, time and kind of issue only (no session needed).
     * @throws DomainError 'verification-code-malformed' | 'verification-code-unknown'
     */
    async verify(code: string) {
      const normalised = normaliseVerificationCode(code);
      if (!normalised) throw new DomainError('verification-code-malformed', '照合番号の形式が正しくありません', 400, 'Malformed verification code');
      const found = await withPlatform(db, (trx) => certificates.verify(trx, hashVerificationCode(normalised)));
      if (!found) throw new DomainError('verification-code-unknown', 'この照合番号の証明書は発行されていません', 404, 'No certificate was issued with this code');
      const municipalityCode = String(found.municipalityCode).trim();
      const m = await deps.tenants.get(municipalityCode);
      const kind = found.certificateKind as CertificateKind;
      const issuedAt = new Date(found.issuedAt);
      return {
        genuine: true as const, municipalityCode, municipalityName: m ? `${m.prefectureName}${m.name}` : municipalityCode,
        issuedAt: issuedAt.toISOString(), certificateKind: kind, certificateTitle: KIND_TITLES[kind],
        issueNumber: formatIssueNumber(japanDay(issuedAt), m?.name ?? municipalityCode, Number(found.issueNo)), pdfSha256: String(found.pdfSha256),
        voided: found.voided === true, // declared void (無効) by the municipality after issue (spec §1.3.8)
      };
    },
  };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
export type CertificatePreviewResult = CertificateContent & { items: string[]; alerts: (EntitlementAlert | string)[]; feeYen: number };

function dayText(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 10);
  return `${(v as Date).getFullYear()}-${String((v as Date).getMonth() + 1).padStart(2, '0')}-${String((v as Date).getDate()).padStart(2, '0')}`;
}

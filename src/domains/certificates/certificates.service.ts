// SPDX-License-Identifier: EUPL-1.2
/**
 * Use cases of certificates: preview, issue (entitlement → content → PDF → ledger + access log in one
 * transaction), the issuance ledger and its export, and public verification of a code.
 */
import crypto from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed, can } from '../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { withPlatform, withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import type { TenantService } from '../tenants/index.ts';
import { buildCertificateContent, type CertificateContent } from './certificate-content.ts';
import { certificateFont, type CertificateFont } from './certificate-font.ts';
import { KIND_TITLES, type CertificateKind, type CertificatePerson, type RequesterType } from './certificate-model.ts';
import { findMissingGlyphs, MissingGlyphsError, renderCertificatePdf } from './certificate-pdf.ts';
import { readCertificateSettings } from './certificate-settings.ts';
import type { CertificateSource, SourceContext } from './certificate-source.ts';
import type { CertificateRepository, IssuanceRow } from './certificates.repository.ts';
import type { CertificateRequestInput } from './certificates.schema.ts';
import { decideEntitlement, isRemovedOn, type EntitlementAlert } from './entitlement.ts';
import { hashVerificationCode, newVerificationCode, normaliseVerificationCode, sha256Hex } from './verification-code.ts';
import { japanDay } from '../../platform/dates/jp-date.ts';

/** A refused request: stable code, Japanese title; logged, nothing issued. */
export class CertificateRefusedError extends DomainError {
  constructor(code: string, title: string, status: 400 | 403 | 404 | 409 | 422, extra?: Record<string, unknown>) {
    super(code, title, status, `Certificate request refused: ${code}`, extra);
  }
}

/** An issued certificate. */
export interface IssuedCertificate {
  issuanceId: string;
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
}) {
  const { db, source, certificates, accessLog, clock } = deps;
  const font = deps.font ?? certificateFont;

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
    const today = japanDay(clock.now());
    const day = input.asOf ?? today;
    const tenant = await deps.tenants.get(actor.municipalityCode);
    const settings = readCertificateSettings(tenant?.settings ?? {});
    if (!tenant || !settings.mayorName) {
      return refuse(actor, input, ctx, new CertificateRefusedError('certificate-settings-missing', '証明書の発行者（市区町村長名）が設定されていません', 409));
    }
    const wantsMyNumber = (input.items ?? []).includes('myNumber');
    const ref = input.householdId ? { householdId: input.householdId } : { personId: input.personIds![0]! };
    const household = await source.loadHousehold(actor, ref, day, { myNumberFor: wantsMyNumber ? input.personIds ?? undefined : undefined }, ctx);
    if (!household) return refuse(actor, input, ctx, new CertificateRefusedError('not-found', '対象の世帯または住民が見つかりません', 404));
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
      const again = await source.loadHousehold(actor, { householdId: household.householdId }, day, { myNumberFor: persons.map((p) => p.personId) }, ctx);
      const byId = new Map((again?.members ?? []).map((m) => [m.personId, m]));
      persons = persons.map((p) => byId.get(p.personId) ?? p);
    }
    const current = household.members.filter((m) => !isRemovedOn(m, day));
    const decision = decideEntitlement({
      kind: input.kind, requester: input.requester, purpose: input.purpose, items: input.items, persons,
      householdMembers: household.members, asOf: input.asOf, today,
    });
    if (!decision.allowed) return refuse(actor, input, ctx, new CertificateRefusedError(decision.code, decision.title, decision.status as 400, decision.detail));
    const content = buildCertificateContent({ householdId: household.householdId, householdMembers: current.length > 0 ? current : household.members, persons }, {
      kind: input.kind, items: decision.items, prefectureName: tenant.prefectureName, municipalityName: tenant.name, mayorName: settings.mayorName,
      official: input.requester.type === 'official', wholeHousehold: !input.personIds || (persons.length === current.length && current.length > 0), day, today,
    });
    const feeYen = input.requester.type === 'official' ? 0 : settings.fees[input.kind];
    return { tenant, settings, household, persons, decision, content, feeYen, today, day };
  }

  /** Characters outside the font are refused with their code points and fields (never silently dropped). */
  const glyphRefusal = (missing: MissingGlyphsError['missing']) => new CertificateRefusedError('characters-not-in-font',
    '証明書のフォントで印字できない文字が含まれています（外字の登録または文字の同定が必要です）', 422, { missing });

  return {
    /**
     * Sets the certificate part of the tenant settings (administrators): mayor's name, seal PNG, fees.
     * @throws ForbiddenError without 'tenant:configure'; DomainError 'invalid-seal' for a non-PNG seal
     */
    async updateSettings(actor: Actor, input: { mayorName?: string; sealPngBase64?: string; certificateFees?: Partial<Record<CertificateKind, number>> }, ctx: SourceContext) {
      assertAllowed(actor, 'tenant:configure');
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

    /** The content and fee of a certificate, without issuing it (the read is access-logged). */
    async preview(actor: Actor, input: CertificateRequestInput, ctx: SourceContext) {
      const p = await prepare(actor, input, ctx);
      const missing = findMissingGlyphs(p.content, font());
      await withTenant(db, actor.municipalityCode, async (trx) => {
        for (const person of p.persons) {
          await accessLog.append(trx, actor.municipalityCode, {
            actorType: 'staff', actorId: actor.staffId, action: 'certificates.preview', subjectType: 'person', subjectId: person.personId,
            purpose: `${input.kind}/${input.requester.type}`, myNumberAccessed: p.decision.items.includes('myNumber'), clientIp: ctx.clientIp, requestId: ctx.requestId,
          });
        }
      });
      return { ...p.content, items: p.decision.items, alerts: [...p.decision.alerts, ...(missing.length > 0 ? ['characters-not-in-font'] : [])], feeYen: p.feeYen, missing };
    },

    /**
     * Issues a certificate: numbers it, renders the PDF with a new verification code, and records the ledger
     * entry and the access log in one transaction.
     * @throws CertificateRefusedError (logged) for every refusal, ForbiddenError without the permission
     */
    async issue(actor: Actor, input: CertificateRequestInput, ctx: SourceContext): Promise<IssuedCertificate> {
      const p = await prepare(actor, input, ctx);
      const missing = findMissingGlyphs(p.content, font());
      if (missing.length > 0) return refuse(actor, input, ctx, glyphRefusal(missing));
      const now = clock.now();
      const code = newVerificationCode(deps.random);
      const normalised = normaliseVerificationCode(code)!;
      try {
        return await withTenant(db, actor.municipalityCode, async (trx) => {
          const issueNo = await certificates.nextIssueNo(trx, actor.municipalityCode);
          const issueNumber = `${p.today.replaceAll('-', '')} ${p.tenant.name} ${String(issueNo).padStart(6, '0')}`;
          const rendered = await renderCertificatePdf(p.content, {
            font: font(), issueNumber, createdAt: now, sealPng: p.settings.sealPng,
            verification: { code, url: `${deps.verificationBaseUrl}/${normalised}` },
          });
          const pdfSha256 = sha256Hex(rendered.bytes);
          const row: IssuanceRow = {
            municipalityCode: actor.municipalityCode, issuanceId: crypto.randomUUID(), issueNo, issuedAt: now, certificateKind: input.kind,
            requesterType: input.requester.type, requesterGround: input.requester.ground ?? '', officialBody: input.requester.officialBody ?? '',
            legalBasis: input.requester.legalBasis ?? '', purpose: input.purpose ?? '', householdId: p.household.householdId,
            personIds: p.persons.map((x) => x.personId), items: p.decision.items, asOf: p.day, feeYen: p.feeYen, staffId: actor.staffId,
            pageCount: rendered.pageCount, myNumberPrinted: p.decision.items.includes('myNumber'), alerts: p.decision.alerts,
            pdfSha256, verificationCodeHash: hashVerificationCode(normalised),
          };
          await certificates.insertIssuance(trx, row);
          for (const person of p.persons) {
            await accessLog.append(trx, actor.municipalityCode, {
              actorType: 'staff', actorId: actor.staffId, action: 'certificates.issue', subjectType: 'person', subjectId: person.personId,
              purpose: `${input.kind}/${input.requester.type}/${issueNo}`, myNumberAccessed: row.myNumberPrinted, clientIp: ctx.clientIp, requestId: ctx.requestId,
            });
          }
          return {
            issuanceId: row.issuanceId, issueNumber, verificationCode: code, pdf: rendered.bytes, pdfSha256, pageCount: rendered.pageCount,
            feeYen: p.feeYen, alerts: p.decision.alerts, overflow: rendered.overflow,
          };
        });
      } catch (err) {
        if (err instanceof MissingGlyphsError) return refuse(actor, input, ctx, glyphRefusal(err.missing));
        throw err;
      }
    },

    /** The issuance ledger, newest first (counter clerks and administrators). */
    async listIssuances(actor: Actor, q: { from?: string; to?: string; limit: number; format?: 'json' | 'csv' }, ctx: SourceContext = { clientIp: '', requestId: '' }) {
      if (!can(actor, 'certificates:issue') && !can(actor, 'access-log:read')) throw new ForbiddenError('certificates:ledger');
      // Days are Japanese days: [from 00:00 JST, to+1 00:00 JST).
      const fromTs = q.from ? new Date(`${q.from}T00:00:00+09:00`) : undefined;
      const toTs = q.to ? new Date(new Date(`${q.to}T00:00:00+09:00`).getTime() + 86_400_000) : undefined;
      const rows = await withTenant(db, actor.municipalityCode, async (trx) => {
        // The ledger names households, persons and purposes: its reading is a batch access (issue #15).
        await accessLog.append(trx, actor.municipalityCode, {
          actorType: 'staff', actorId: actor.staffId, action: q.format === 'csv' ? 'certificates.ledger.export' : 'certificates.ledger.read',
          subjectType: 'issuance-ledger', subjectId: `${q.from ?? ''}..${q.to ?? ''}`,
          purpose: q.format === 'csv' ? '交付記録の出力（CSV）' : '交付記録の閲覧', clientIp: ctx.clientIp, requestId: ctx.requestId,
        });
        return certificates.listIssuances(trx, actor.municipalityCode, { fromTs, toTs, limit: q.limit });
      });
      return rows.map((r) => ({
        issuanceId: r.issuanceId, issueNo: r.issueNo, issuedAt: new Date(r.issuedAt).toISOString(), certificateKind: r.certificateKind as CertificateKind,
        requesterType: r.requesterType as RequesterType, requesterGround: r.requesterGround, officialBody: r.officialBody, legalBasis: r.legalBasis,
        purpose: r.purpose, householdId: r.householdId, personIds: r.personIds, items: r.items, asOf: dayText(r.asOf), feeYen: r.feeYen, staffId: r.staffId,
        pageCount: r.pageCount, myNumberPrinted: r.myNumberPrinted, alerts: r.alerts, pdfSha256: r.pdfSha256,
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
      return {
        genuine: true as const, municipalityCode, municipalityName: m ? `${m.prefectureName}${m.name}` : municipalityCode,
        issuedAt: new Date(found.issuedAt).toISOString(), certificateKind: kind, certificateTitle: KIND_TITLES[kind], pdfSha256: String(found.pdfSha256),
      };
    },
  };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
export type CertificatePreviewResult = CertificateContent & { items: string[]; alerts: (EntitlementAlert | string)[]; feeYen: number };

function dayText(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 10);
  const d = v as Date;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

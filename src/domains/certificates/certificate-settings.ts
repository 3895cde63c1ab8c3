// SPDX-License-Identifier: EUPL-1.2
/**
 * The certificate part of a tenant's settings (platform.tenant.settings): mayor's name, seal image and the
 * fee per certificate kind (手数料条例). Read defensively: settings are JSON edited by administrators.
 */
import type { CertificateKind, CertificateLayout } from './certificate-model.ts';

/** Fees when the municipality has set none (yen per certificate; 転出証明書 is free by law). */
export const DEFAULT_FEES: Record<CertificateKind, number> = { 'residence-copy': 300, 'residence-items': 300, 'removed-copy': 300, 'move-out': 0 };

/** Settings keys read here, as written in platform.tenant.settings. */
export interface CertificateSettingsJson {
  mayorName?: string;
  sealPngBase64?: string;
  /** e.g. `{ "residence-copy": 350 }`. */
  certificateFees?: Partial<Record<CertificateKind, number>>;
  /** 認証者 with their periods (spec §1.3.9): the mayor, and deputies (職務代理者) for the days they act. */
  certifiers?: CertifierJson[];
  /** A value too long for its field (spec §5.8): print to the limit (default) or leave it blank. */
  overflowMode?: 'print-to-limit' | 'leave-blank';
  /** The layout of a 住民票の写し when the request does not choose one (spec chapter 4): 世帯連記式 (default) or 個人票. */
  certificateLayout?: CertificateLayout;
  /** 世帯員の並び順 (spec §5.2): the standard order (default) or the order of entry. */
  memberOrder?: 'standard' | 'entry';
}

/** One 認証者 as stored: role, title of a deputy (副市長 …), name, period (ISO days, `validTo` inclusive) and own seal. */
export interface CertifierJson { role: 'mayor' | 'deputy'; title?: string; name: string; validFrom: string; validTo?: string; sealPngBase64?: string }

/** Who certifies on a day, as printed: title (「長野県塩尻市長」 or 「長野県塩尻市長職務代理者　副市長」), name and seal. */
export interface CertifierOnDay { deputy: boolean; titleSuffix: string; name: string; sealPng?: Uint8Array }

/** Parsed settings. */
export interface CertificateSettings {
  mayorName?: string;
  sealPng?: Uint8Array;
  fees: Record<CertificateKind, number>;
  certifiers: CertifierJson[];
  overflowMode: 'print-to-limit' | 'leave-blank';
  certificateLayout: CertificateLayout;
  memberOrder: 'standard' | 'entry';
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

/** Reads the certificate settings; an invalid seal or fee is ignored (no seal / default fee). */
export function readCertificateSettings(settings: Record<string, unknown>): CertificateSettings {
  const s = settings as CertificateSettingsJson;
  const fees = { ...DEFAULT_FEES };
  for (const [k, v] of Object.entries(s.certificateFees ?? {})) {
    if (k in fees && Number.isInteger(v) && (v as number) >= 0) fees[k as CertificateKind] = v as number;
  }
  const certifiers = (Array.isArray(s.certifiers) ? s.certifiers : []).filter((c): c is CertifierJson => !!c && (c.role === 'mayor' || c.role === 'deputy')
    && typeof c.name === 'string' && c.name.trim() !== '' && typeof c.validFrom === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.validFrom));
  return { mayorName: typeof s.mayorName === 'string' && s.mayorName.trim() ? s.mayorName.trim() : undefined, sealPng: pngOf(s.sealPngBase64), fees, certifiers,
    overflowMode: s.overflowMode === 'leave-blank' ? 'leave-blank' : 'print-to-limit',
    certificateLayout: s.certificateLayout === 'individual' ? 'individual' : 'household', memberOrder: s.memberOrder === 'entry' ? 'entry' : 'standard' };
}

/** A PNG from base64, or undefined when it is none. */
export function pngOf(base64: unknown): Uint8Array | undefined {
  if (typeof base64 !== 'string' || base64.length === 0) return undefined;
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b) ? bytes : undefined;
}

const covers = (c: CertifierJson, day: string) => c.validFrom <= day && (!c.validTo || day <= c.validTo);

/**
 * The certifier of a day (spec §1.3.7, §1.3.9): a deputy whose period covers the day (職務代理者, with the deputy's own
 * title, name and seal) before the mayor whose period covers it; without certifiers for the day, the mayor's name and
 * seal of the settings. Undefined when nobody can certify.
 */
export function certifierOn(s: CertificateSettings, day: string): CertifierOnDay | undefined {
  const deputy = s.certifiers.find((c) => c.role === 'deputy' && covers(c, day));
  if (deputy) return { deputy: true, titleSuffix: `職務代理者　${deputy.title ?? ''}`.trim(), name: deputy.name.trim(), sealPng: pngOf(deputy.sealPngBase64) };
  const mayor = s.certifiers.find((c) => c.role === 'mayor' && covers(c, day));
  if (mayor) return { deputy: false, titleSuffix: '', name: mayor.name.trim(), sealPng: pngOf(mayor.sealPngBase64) ?? s.sealPng };
  return s.mayorName ? { deputy: false, titleSuffix: '', name: s.mayorName, sealPng: s.sealPng } : undefined;
}

/**
 * Checks certifiers before they are stored: periods in order, and no two of one role on the same day (so the switch
 * to a deputy is never ambiguous). Returns the Japanese message of the first problem, or undefined.
 */
export function certifierProblem(list: CertifierJson[]): string | undefined {
  for (const c of list) {
    if (c.validTo && c.validTo < c.validFrom) return `${c.name}の期間の終わりが始まりより前です`;
    if (c.sealPngBase64 && !pngOf(c.sealPngBase64)) return `${c.name}の公印の画像はPNG形式で指定してください`;
    if (c.role === 'deputy' && !c.title?.trim()) return `職務代理者${c.name}の職名（副市長等）を入力してください`;
  }
  for (const [i, a] of list.entries()) {
    for (const b of list.slice(i + 1)) {
      if (a.role !== b.role) continue;
      const overlap = a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');
      if (overlap) return `${a.role === 'deputy' ? '職務代理者' : '市区町村長'}の期間が重なっています（${a.name}、${b.name}）。同じ日に認証者は一人です`;
    }
  }
  return undefined;
}

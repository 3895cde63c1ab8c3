// SPDX-License-Identifier: EUPL-1.2
/**
 * The certificate part of a tenant's settings (platform.tenant.settings): mayor's name, seal image and the
 * fee per certificate kind (手数料条例). Read defensively: settings are JSON edited by administrators.
 */
import type { CertificateKind } from './certificate-model.ts';

/** Fees when the municipality has set none (yen per certificate; 転出証明書 is free by law). */
export const DEFAULT_FEES: Record<CertificateKind, number> = { 'residence-copy': 300, 'residence-items': 300, 'removed-copy': 300, 'move-out': 0 };

/** Settings keys read here, as written in platform.tenant.settings. */
export interface CertificateSettingsJson {
  mayorName?: string;
  sealPngBase64?: string;
  /** e.g. `{ "residence-copy": 350 }`. */
  certificateFees?: Partial<Record<CertificateKind, number>>;
}

/** Parsed settings. */
export interface CertificateSettings {
  mayorName?: string;
  sealPng?: Uint8Array;
  fees: Record<CertificateKind, number>;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

/** Reads the certificate settings; an invalid seal or fee is ignored (no seal / default fee). */
export function readCertificateSettings(settings: Record<string, unknown>): CertificateSettings {
  const s = settings as CertificateSettingsJson;
  const fees = { ...DEFAULT_FEES };
  for (const [k, v] of Object.entries(s.certificateFees ?? {})) {
    if (k in fees && Number.isInteger(v) && (v as number) >= 0) fees[k as CertificateKind] = v as number;
  }
  let sealPng: Uint8Array | undefined;
  if (typeof s.sealPngBase64 === 'string' && s.sealPngBase64.length > 0) {
    const bytes = new Uint8Array(Buffer.from(s.sealPngBase64, 'base64'));
    if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) sealPng = bytes;
  }
  return { mayorName: typeof s.mayorName === 'string' && s.mayorName.trim() ? s.mayorName.trim() : undefined, sealPng, fees };
}

// SPDX-License-Identifier: EUPL-1.2
/** Public surface of the certificates domain: what other domains and the composition root may import. */
export { createCertificateService, type CertificateService, CertificateRefusedError, personName } from './certificates.service.ts';
export { certificateRoutes } from './certificates.routes.ts';
export type { CertificateSource } from './certificate-source.ts';

import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { createMyNumberCipher, createRegistryRepository, loadMyNumberKeys } from '../registry/index.ts';
import type { TenantService } from '../tenants/index.ts';
import { verificationBaseUrl } from './certificates.config.ts';
import { createCertificateRepository } from './certificates.repository.ts';
import { createCertificateService } from './certificates.service.ts';
import { createRegistryCertificateSource } from './registry-certificate-source.ts';

/** Wires the certificates service over the resident registry for the composition root. */
export function createCertificates(db: Database, clock: Clock, tenants: TenantService, accessLog: AccessLogRepository, env: Record<string, string | undefined> = process.env) {
  const cipher = createMyNumberCipher(loadMyNumberKeys(env));
  const source = createRegistryCertificateSource({ db, registry: createRegistryRepository(), cipher, now: () => clock.now() });
  return createCertificateService({
    db, source, certificates: createCertificateRepository(), accessLog, tenants, clock, verificationBaseUrl: verificationBaseUrl(env),
    // The stored document of an issuance holds what was printed (possibly a 個人番号): sealed like the registry's vault.
    documents: { seal: (plain, aad) => cipher.seal(plain, `certificate:${aad}`), open: (sealed, aad) => cipher.open(sealed, `certificate:${aad}`) },
  });
}
export {
  CERTIFICATE_KINDS, DEFAULT_ITEMS, IDENTITY_DOCUMENTS, IDENTITY_DOCUMENT_LABELS, KIND_TITLES, LAYOUTS, LAYOUT_LABELS, MAX_COPIES, PRINT_ITEMS, PRINT_ITEM_LABELS, REQUESTER_LABELS,
  REQUESTER_TYPES, THIRD_PARTY_GROUNDS, type CertificateKind, type CertificateLayout, type IdentityDocument, type PrintItem, type RequesterType,
} from './certificate-model.ts';
export { CertificateRequestInput } from './certificates.schema.ts';

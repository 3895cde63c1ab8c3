// SPDX-License-Identifier: EUPL-1.2
/**
 * Who is acting on the resident side: a person signed in through OpenID Connect (in production the national
 * identity provider, in the demo and the tests a local provider). The contract between resident sign-in
 * (identity) and everything a resident does (procedures, 申請状況, 閲覧履歴).
 */

/** The registry person the signed-in resident was matched to by 基本4情報 (exactly one), if any. */
export interface ResidentMatch {
  /** Keys for queries (never shown): the registry person and household (always set by the resident sign-in). */
  personId?: string;
  householdId?: string;
  atenaNo: string;
  householdNo: string;
  /** Is the person the 世帯主 (may request the household's certificate)? */
  isHouseholdHead: boolean;
}

export interface Resident {
  type: 'resident';
  /** The municipality whose portal the resident signed in to. */
  municipalityCode: string;
  /** Jichi's own stable key of the resident account (never shown on a screen). */
  residentId: string;
  /** OIDC issuer and subject of the identity provider. */
  issuer: string;
  subject: string;
  /** Assurance level stated by the provider (acr), recorded with every submission. */
  assurance: string;
  /** Name as the provider states it (not normalised). */
  displayName: string;
  /** null: not matched to exactly one registry person; forms then start empty and say why. */
  match: ResidentMatch | null;
  /** Why `match` is null: the provider stated too little, nobody matched, or several persons did. */
  unmatchedReason?: 'missing-attributes' | 'not-found' | 'several';
  /** CSRF token bound to the resident session. */
  csrfToken: string;
  sessionTokenHash: string;
}

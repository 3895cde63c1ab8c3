// SPDX-License-Identifier: EUPL-1.2
/** The standard procedures shipped with Jichi (every municipality enables and configures them; none is forked). */
import type { ProcedureDefinition } from '../procedure-definition.ts';
import { RESIDENCE_CERTIFICATE, SEAL_CERTIFICATE } from './certificates.ts';
import { CHILD_ALLOWANCE, DAYCARE_APPLICATION } from './family.ts';
import { MOVE_OUT, VISIT_RESERVATION } from './moves.ts';
import { NHI_ENROLMENT, NHI_WITHDRAWAL } from './nhi.ts';

export const STANDARD_PROCEDURES: ProcedureDefinition[] = [
  RESIDENCE_CERTIFICATE, MOVE_OUT, VISIT_RESERVATION, DAYCARE_APPLICATION, CHILD_ALLOWANCE, NHI_ENROLMENT, NHI_WITHDRAWAL, SEAL_CERTIFICATE,
];

/** The definition of a code (the newest version valid on the day). */
export function procedureOf(code: string): ProcedureDefinition | undefined {
  return STANDARD_PROCEDURES.find((p) => p.code === code);
}

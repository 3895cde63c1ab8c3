// SPDX-License-Identifier: EUPL-1.2
/** The Mincho font of certificates: the platform's shared, once-parsed BIZ UDP明朝 (see platform/pdf). */
import type * as fontkit from 'fontkit';
import { fontParseCount, minchoFont } from '../../platform/pdf/japanese-fonts.ts';

/** A parsed font with its name, shared by all documents. */
export interface CertificateFont {
  name: string;
  font: fontkit.Font;
}

/** The certificate font, parsed on first use and then reused. */
export function certificateFont(): CertificateFont {
  return { name: 'BIZUDPMincho', font: minchoFont('regular') };
}

export { fontParseCount };

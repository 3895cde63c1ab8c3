// SPDX-License-Identifier: EUPL-1.2
/**
 * The Mincho font of certificates (BIZ UDP明朝, SIL Open Font License), parsed once per process: parsing the
 * 7 MB TrueType file costs far more than laying out a page, so every document reuses the same fontkit font
 * and pdfkit embeds only the glyphs used (subset).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/** A parsed font with its name, shared by all documents. */
export interface CertificateFont {
  name: string;
  font: fontkit.Font;
}

let cached: CertificateFont | undefined;
let parseCount = 0;

/** The certificate font, parsed on first use and then reused. */
export function certificateFont(): CertificateFont {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@expo-google-fonts/biz-udpmincho/400Regular/BIZUDPMincho_400Regular.ttf');
    cached = { name: 'BIZUDPMincho', font: fontkit.create(fs.readFileSync(file)) };
    parseCount += 1;
  }
  return cached;
}

/** How many times the font file was parsed in this process (the benchmark asserts 1). */
export function fontParseCount(): number {
  return parseCount;
}

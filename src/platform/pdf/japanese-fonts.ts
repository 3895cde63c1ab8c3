// SPDX-License-Identifier: EUPL-1.2
/**
 * The Japanese Mincho font of every PDF the platform prints (BIZ UDP明朝, SIL Open Font License), parsed once
 * per process and shared: parsing the 7 MB TrueType file costs far more than laying out a page, so every
 * document reuses the same fontkit font and pdfkit embeds only the glyphs it uses (subset).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);
const FILES = {
  regular: '@expo-google-fonts/biz-udpmincho/400Regular/BIZUDPMincho_400Regular.ttf',
  bold: '@expo-google-fonts/biz-udpmincho/700Bold/BIZUDPMincho_700Bold.ttf',
} as const;

const cache = new Map<keyof typeof FILES, fontkit.Font>();
let parseCount = 0;

/** The Mincho font of the given weight, parsed on first use and then reused. */
export function minchoFont(weight: keyof typeof FILES = 'regular'): fontkit.Font {
  let font = cache.get(weight);
  if (!font) {
    font = fontkit.create(fs.readFileSync(require.resolve(FILES[weight]))) as fontkit.Font;
    cache.set(weight, font);
    parseCount += 1;
  }
  return font;
}

/** How many font files were parsed in this process (benchmarks assert one per weight). */
export function fontParseCount(): number {
  return parseCount;
}

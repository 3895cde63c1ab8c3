// SPDX-License-Identifier: EUPL-1.2
/** The small part of fontkit (a pdfkit dependency without bundled types) that the certificates domain uses. */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

// SPDX-License-Identifier: EUPL-1.2
/** The type of an uploaded file by its content (magic bytes), never by its name or the browser's claim. */

export type SniffedType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The media type the bytes start with, or undefined. */
export function sniffMediaType(bytes: Uint8Array): SniffedType | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
}

// SPDX-License-Identifier: EUPL-1.2
/** Reads the text of a PDF back (pdfjs-dist legacy build), for tests that check every printed item. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page with all white space removed (the layout splits items at spaces). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const tc = await (await doc.getPage(i)).getTextContent();
    pages.push(tc.items.map((it) => ('str' in it ? it.str : '')).join('').replace(/[\s\u3000]/g, ''));
  }
  await doc.destroy();
  return pages;
}

/** The document information dictionary. */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const meta = await doc.getMetadata();
  await doc.destroy();
  return meta.info as Record<string, unknown>;
}

/** Removes white space, as `pdfPageTexts` does, for comparing expected values. */
export const squash = (s: string) => s.replace(/[\s\u3000]/g, '');

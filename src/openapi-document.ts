// SPDX-License-Identifier: EUPL-1.2
/** Renders the OpenAPI document without a database: the routes only need their schemas. */
import { buildApi, openApiDocument } from './app.ts';
import type { Services } from './services.ts';

/** The OpenAPI 3.1 document as committed to the repository (stable key order, trailing newline). */
export function renderOpenApi(): string {
  const api = buildApi({} as Services, false);
  return `${JSON.stringify(openApiDocument(api), null, 2)}\n`;
}

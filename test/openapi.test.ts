// The API contract is an artefact: the committed openapi.json must match the routes' schemas.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderOpenApi } from '../src/openapi-document.ts';
import { useTestApp } from './test-app.ts';

describe('openapi.json', () => {
  it('is up to date (run `npm run openapi` after changing a route)', () => {
    const committed = fs.readFileSync('openapi.json', 'utf8');
    expect(committed === renderOpenApi(), 'openapi.json is out of date: run `npm run openapi` and commit it').toBe(true);
  });

  it('is OpenAPI 3.1 with problem responses and operations under /api/v1', () => {
    const doc = JSON.parse(renderOpenApi()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/sessions', '/sessions/current', '/staff', '/municipalities/{code}']));
    expect(doc.paths['/sessions']!.post!.responses['401']).toBeDefined();
  });

  const t = useTestApp();
  it('is served at /api/v1/openapi.json', async () => {
    const res = await t.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });
});

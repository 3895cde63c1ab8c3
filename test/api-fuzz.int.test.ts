// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue #15, "under load and faults": a property-based fuzz over every operation of the OpenAPI document, signed in
 * with every role. Bodies built from each operation's own schema with wrong types, control characters, huge and
 * deeply nested values and impossible dates; malformed JSON; odd path and query parameters. Never a 5xx, every
 * refusal a problem+json with a stable code, and an operation whose requests were all refused changed nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableChecksums } from '../src/platform/backup/backup.ts';
import { renderOpenApi } from '../src/openapi-document.ts';
import { useTestApp, type Client } from './test-app.ts';
import { fillEveryTable, FIXTURE_MAIN } from './fixtures/every-table.ts';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; $ref?: string; enum?: unknown[]; format?: string; anyOf?: Schema[]; oneOf?: Schema[] };
type Operation = { parameters?: Array<{ name: string; in: string; schema?: Schema }>; requestBody?: { content?: Record<string, { schema?: Schema }> } };

const doc = JSON.parse(renderOpenApi()) as { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };
const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!]) : s);

/** Tables that change on every request, refused or not (the access log records refusals too). */
const VOLATILE = new Set(['audit.access_log', 'platform.session', 'platform.idempotency_key', 'platform.login_attempt', 'cases.case_view']);
const NUMBER_OF_RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const hostile = (): fc.Arbitrary<unknown> => fc.oneof(
  fc.constantFrom('', ' ', 'a\u0000b', '\u001f', '\u202e逆', '2026-02-31', '0000-00-00', '令和99年13月40日', '-1', '1e309', 'NaN', '../../etc/passwd',
    "'; DROP TABLE platform.staff; --", '<script>alert(1)</script>', '𠮷野家', 'ｱｲｳ', '\ud800', 'x'.repeat(5000)),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}),
  fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A body shaped like the operation's schema, with some values replaced by hostile ones. */
function bodyFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (!s || depth > 4) return hostile();
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => bodyFor(v, depth + 1)));
  if (s.properties) {
    const entries = Object.entries(s.properties).map(([k, v]) => [k, fc.oneof({ weight: 2, arbitrary: bodyFor(v, depth + 1) }, { weight: 1, arbitrary: hostile() })] as const);
    return fc.record(Object.fromEntries(entries), { requiredKeys: [] });
  }
  if (s.items) return fc.oneof(fc.array(bodyFor(s.items, depth + 1), { maxLength: 3 }), hostile());
  if (s.enum) return fc.oneof(fc.constantFrom(...s.enum), hostile());
  return hostile();
}

const rawBodies = [
  '{', 'null', '[]', '"text"', '{"a":1,"a":2}', `${'['.repeat(5000)}${']'.repeat(5000)}`, `{"x":"${'あ'.repeat(300_000)}"}`,
];
const pathValues = fc.constantFrom('00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%00', '..', 'あ', 'x'.repeat(300), '1', '-1', '2026-02-31', '%E3%81%82%FF');
const queryValues = fc.constantFrom('', '%00', 'x'.repeat(2000), '-1', '99999999999999999999', '2026-02-31', 'true', 'null', '%FF', 'a&b=c');

describe('fuzzing every API operation (issue #15)', () => {
  const t = useTestApp();
  let api: Client;

  it('never answers 5xx, refuses with problem+json and a code, and a refused operation changes nothing', async () => {
    await fillEveryTable(t);
    const everyRole = await t.staff(FIXTURE_MAIN, ['counter', 'reviewer', 'approver', 'daycare', 'admin', 'analyst']);
    api = await t.login(FIXTURE_MAIN, everyRole.loginId);
    const failures: string[] = [];
    let requests = 0;
    const stable = async () => Object.fromEntries(Object.entries(await tableChecksums(t.services.db)).filter(([k]) => !VOLATILE.has(k)));
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        // Signing out would end the fuzzing session; sign-in is fuzzed without a session below.
        if (template === '/sessions/current' && method === 'delete') continue;
        const seed = [...`${method} ${template}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
        const paths = fc.sample(fc.record(Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, pathValues]))), { seed, numRuns: NUMBER_OF_RUNS });
        const queries = fc.sample(fc.array(fc.tuple(fc.constantFrom(...(op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name), 'unknown'), queryValues), { maxLength: 3 }), { seed, numRuns: NUMBER_OF_RUNS });
        const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
        const bodies = op.requestBody ? fc.sample(bodyFor(jsonSchema), { seed, numRuns: NUMBER_OF_RUNS }) : [];
        const before = method === 'get' ? undefined : await stable();
        let accepted = false;
        for (let i = 0; i < NUMBER_OF_RUNS + (op.requestBody ? rawBodies.length : 0); i++) {
          const url = `/api/v1${template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(paths[i % NUMBER_OF_RUNS]![name])).replace(/%25/g, '%'))}`
            + (queries[i % NUMBER_OF_RUNS]!.length ? `?${queries[i % NUMBER_OF_RUNS]!.map(([k, v]) => `${k}=${v}`).join('&')}` : '');
          const headers = { 'content-type': 'application/json', 'idempotency-key': `fuzz-${seed}-${i}` };
          const body = !op.requestBody ? undefined : i < NUMBER_OF_RUNS ? JSON.stringify(bodies[i]) : rawBodies[i - NUMBER_OF_RUNS];
          const who = template === '/sessions' ? t.anonymous() : api;
          let res: Response;
          try {
            res = await who.send(method.toUpperCase(), url, body, headers);
          } catch (err) {
            failures.push(`${method.toUpperCase()} ${url.slice(0, 120)}: threw ${(err as Error).message}`);
            continue;
          }
          requests++;
          if (res.status >= 500) failures.push(`${method.toUpperCase()} ${url.slice(0, 120)} body ${String(body).slice(0, 120)}: ${res.status} ${(await res.text()).slice(0, 200)}`);
          else if (res.status >= 400) {
            const type = res.headers.get('content-type') ?? '';
            const problem = type.includes('json') ? (await res.json()) as { code?: string } : {};
            if (!type.includes('application/problem+json') || !problem.code) failures.push(`${method.toUpperCase()} ${url.slice(0, 120)}: ${res.status} without a problem code (${type})`);
          } else {
            accepted = true;
            await res.arrayBuffer();
          }
        }
        if (before && !accepted) {
          const after = await stable();
          const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
          if (changed.length > 0) failures.push(`${method.toUpperCase()} ${template}: every request refused, yet ${changed.join(', ')} changed`);
        }
      }
    }
    expect(requests).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 600_000);
});

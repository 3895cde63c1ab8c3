// The layout rules of docs/architecture.md, checked on the source: a domain imports another domain only
// through its index.ts, and platform/ never imports from domains/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => path.resolve(path.dirname(file), m[1]!));
}

const root = path.resolve('src');

describe('architecture', () => {
  it('keeps platform/ free of imports from domains/', () => {
    const bad = sourceFiles(path.join(root, 'platform')).flatMap((f) =>
      imports(f).filter((i) => i.startsWith(path.join(root, 'domains') + path.sep)).map((i) => `${path.relative(root, f)} → ${path.relative(root, i)}`));
    expect(bad).toEqual([]);
  });

  it('lets a domain reach another domain only through its index.ts', () => {
    const domainsDir = path.join(root, 'domains');
    const bad: string[] = [];
    for (const domain of fs.readdirSync(domainsDir)) {
      for (const f of sourceFiles(path.join(domainsDir, domain))) {
        for (const i of imports(f)) {
          const rel = path.relative(domainsDir, i);
          if (rel.startsWith('..')) continue;
          const [other, ...rest] = rel.split(path.sep);
          if (other !== domain && rest.join('/') !== 'index.ts') bad.push(`${path.relative(root, f)} → ${path.relative(root, i)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps source files small enough to read (under 600 lines; the generated database types excepted)', () => {
    const generated = new Set([path.join(root, 'platform', 'db', 'types.ts')]);
    const long = sourceFiles(root).filter((f) => !generated.has(f)).filter((f) => fs.readFileSync(f, 'utf8').split('\n').length > 600).map((f) => path.relative(root, f));
    expect(long).toEqual([]);
  });
});

// The layers of GUIDE.md §2, as imports: lib/ (data, actions, rules) is used by components/,
// app/ and scripts/ and uses none of them; components/ uses lib/ but never scripts/ or app/.
// What two of those layers both need belongs in the lower one.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const SOURCE = /\.(?:ts|tsx|mts|mjs)$/;

function sourceFiles(dir: string): string[] {
  const absolute = path.join(root, dir);
  return readdirSync(absolute).flatMap((name) => {
    if (name === 'generated' || name === 'node_modules') return [];
    const relative = path.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    return SOURCE.test(name) ? [relative] : [];
  });
}

/** Every module a file imports (static, dynamic, re-exports), as a path from the repository root when local. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => {
    if (specifier.startsWith('@/')) return specifier.slice(2);
    if (specifier.startsWith('.')) return path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier));
    return specifier;
  });
}

function crossings(layer: string, forbidden: string[]): string[] {
  return sourceFiles(layer).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((other) => target === other || target.startsWith(`${other}/`)))
      .map((target) => `${file} → ${target}`),
  );
}

describe('layers', () => {
  it('lib/ imports nothing from components/, app/ or scripts/', () => {
    expect(crossings('lib', ['components', 'app', 'scripts'])).toEqual([]);
  });

  it('components/ imports nothing from app/ or scripts/', () => {
    expect(crossings('components', ['app', 'scripts'])).toEqual([]);
  });

  it('finds an import across layers when there is one', () => {
    expect(importsOf('lib/db.ts').length).toBeGreaterThan(0);
    expect(importsOf('app/(public)/besoins/page.tsx')).toContain('components/inventory/pagination');
  });
});

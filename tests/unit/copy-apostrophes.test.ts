// One kind of apostrophe in the interface's own words: the typographic ’ (docs/vocabulaire.md).
// The check reads the source's strings, so that the entries' data, which keeps the
// inventory's ', is never counted.
import { describe, expect, it } from 'vitest';
import { findCopyApostrophes, findStraightApostrophes } from '@/scripts/lib/copy/apostrophes';
import { repoRoot } from '@/scripts/lib/next-app';

describe('findStraightApostrophes', () => {
  it('finds a straight apostrophe in strings, templates and JSX text, and its HTML entity', () => {
    const source = [
      `const a = "Type d'aide";`,
      'const b = `Il reste ${n} fiches d\'autres`;',
      `const c = <p>Revenir à l&apos;accueil</p>;`,
      `const d = <p>Le panier n'est pas plein</p>;`,
    ].join('\n');
    expect(findStraightApostrophes('x.tsx', source).map((finding) => finding.line)).toEqual([1, 2, 3, 4]);
  });

  it('accepts the typographic apostrophe, comments, and quotes that are code', () => {
    const source = [
      `'use server';`,
      `import { x } from './y';`,
      `// the page's own words, in English`,
      `/** "Formation (déduits par l'équipe)" */`,
      `const a = 'Type d’aide';`,
      `const b = <p className='x'>Revenir à l’accueil</p>;`,
    ].join('\n');
    expect(findStraightApostrophes('x.tsx', source)).toEqual([]);
  });
});

describe('the interface’s copy', () => {
  it('writes every apostrophe ’', { timeout: 60_000 }, () => {
    expect(findCopyApostrophes(repoRoot)).toEqual([]);
  });
});

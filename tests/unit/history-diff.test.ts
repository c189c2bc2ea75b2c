import { describe, expect, it } from 'vitest';
import { conflictFields } from '@/lib/history/conflict';
import { diffSnapshots } from '@/lib/history/diff';
import { parseSlugList, slugFromTitle } from '@/lib/validation/entry';
import { typedLists, typedValues } from '@/lib/validation/form-state';

const need = {
  slug: 'acces', status: 'DRAFT', version: 1, verifiedAt: null, toVerify: false, verifyNote: '',
  kind: 'NEED', title: 'Accès', description: 'Un long texte sur le matériel.', note: '', position: 3,
  theme: null, solutions: [{ id: 's1', label: 'Prêt de matériel', position: 1 }], links: [],
};

describe('diffSnapshots', () => {
  it('gives word diffs for texts, before/after for values, added/removed for lists, and hides the version', () => {
    const after = {
      ...need, version: 2, status: 'PUBLISHED', description: 'Un long texte sur le matériel informatique.',
      solutions: [{ id: 's2', label: 'Logiciels libres', position: 1 }], theme: { id: 't', label: 'Outils' },
    };
    const changes = diffSnapshots('Need', need, after);
    expect(changes.map((change) => change.field)).toEqual(['description', 'theme', 'solutions', 'status']);
    expect(changes[0]!.parts?.filter((part) => part.change === 'added').map((part) => part.value.trim())).toEqual(['informatique']);
    expect(changes[1]).toMatchObject({ before: '(aucun)', after: 'Outils' });
    expect(changes[2]).toMatchObject({ added: ['Logiciels libres (ordre 1)'], removed: ['Prêt de matériel (ordre 1)'] });
    expect(changes[3]).toMatchObject({ label: 'État', before: 'Brouillon', after: 'Publié' });
  });

  it('treats a creation as every field added, and keeps markup as plain text', () => {
    const changes = diffSnapshots('Need', null, { ...need, title: '<script>alert(1)</script>' });
    expect(changes.find((change) => change.field === 'title')).toMatchObject({ before: '', after: '<script>alert(1)</script>' });
  });

  it('compares only the fields a form sends for the conflict panel', () => {
    const fields = conflictFields('Need', { title: 'Mon titre', description: need.description }, { ...need, title: 'Son titre', version: 4 });
    expect(fields).toEqual([{ label: 'Titre', mine: 'Mon titre', theirs: 'Son titre' }]);
  });
});

describe('slugs and echoed values', () => {
  it('makes ASCII slugs from French titles', () => {
    expect(slugFromTitle('Main-d’œuvre : pénurie & compétences!')).toBe('main-d-oeuvre-penurie-competences');
    expect(slugFromTitle('<<<>>>')).toBe('fiche');
    expect(slugFromTitle('x'.repeat(300))).toHaveLength(100);
    expect(parseSlugList('https://exemple.org/solutions/clinique-juridique/\npret-materiel, PAS VALIDE')).toEqual(['clinique-juridique', 'pret-materiel']);
  });

  it('gives back long texts whole when the form asks for it', () => {
    const form = new FormData();
    form.set('description', 'a'.repeat(15_000));
    form.append('solutionId', 'x');
    form.append('solutionId', 'y');
    form.set('$ACTION_ID_abc', '');
    expect(typedValues(form, ['description'] as const).description).toHaveLength(2_000);
    expect(typedValues(form, ['description'] as const, { maxLength: 21_000 }).description).toHaveLength(15_000);
    const lists = typedLists(form, { maxLength: 21_000 });
    expect(lists.description?.[0]).toHaveLength(15_000);
    expect(lists.solutionId).toEqual(['x', 'y']);
    expect(lists).not.toHaveProperty('$ACTION_ID_abc');
  });
});

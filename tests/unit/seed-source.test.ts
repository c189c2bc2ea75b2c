// The seed file against its source: every row, bullet, "lié à" and name of the round
// table's inventory (prisma/seed/source/) must be in prisma/seed/inventaire-2023.json,
// in the source's wording (after the corrections the JSON lists), and nothing else.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CostOption, ProviderRole } from '@/lib/generated/prisma/enums';
import { flattenSolutions, parseInventory, seedInventorySchema, type SeedInventory, type SeedSolution } from '@/lib/seed/schema';

const root = path.resolve(import.meta.dirname, '..', '..');
const rawJson = JSON.parse(readFileSync(path.join(root, 'prisma/seed/inventaire-2023.json'), 'utf8')) as unknown;
const inventory = parseInventory(rawJson);
const rawSource = readFileSync(path.join(root, inventory.source.file), 'utf8');
// The seed file as it was before the corrections of issue 12 (items 15–20): what databases
// seeded earlier hold, and what the checks below must catch.
const beforeCorrections = parseInventory(
  JSON.parse(readFileSync(path.join(root, 'tests/fixtures/seed/inventaire-2023-avant-corrections.json'), 'utf8')) as unknown,
);

// Organisations and programs the source names, as it spells them (after corrections).
// Persons (their names are not published) and generic mentions (philanthropie, programmes de subvention
// salariale, programmes pour le privé) are not providers.
const NAMED_IN_SOURCE = [
  'la Puce',
  'SynergITIC',
  'MutualIT',
  'CoCo',
  'Le Consortium',
  'Nord Ouvert',
  'Cpour.ca',
  'Hub0/1',
  'Hub01',
  'Cégep André-Laurendeau',
  'Communautaire et Femmes et TIC',
  'Techno Culture Club',
  'Insertech',
  'Dataide',
  'Programme numérique collectif',
  'Fonds de relance du communautaire',
  'Programme de préparation à l\'investissement',
  'PSOC',
  'LÉO',
  'Relief Affaires',
  'Centraide Québec',
  'TechSoup Canada',
  'OPEQ',
  'Innovlog',
  'NTEN',
  'Centre canadien pour la résilience numérique des OBNL',
  'Juripop',
  'Coalition Interjeunes',
];

type Bullet = { marker: '' | '●' | '•' | '○'; text: string };
type SourceRow = { line: number; first: string; bullets: Bullet[] };

function applyCorrections(text: string, data: SeedInventory): string {
  return data.source.corrections.reduce((result, fix) => result.replaceAll(fix.original, fix.corrected), text);
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Text before the first bullet (a plain "Lié à…" cell) gets the marker ''. */
function splitBullets(cell: string): Bullet[] {
  const parts = stripTags(cell).split(/([●•○])/);
  const bullets: Bullet[] = [];
  let marker: Bullet['marker'] = '';
  for (const part of parts) {
    if (part === '●' || part === '•' || part === '○') {
      marker = part;
      continue;
    }
    const text = part.trim();
    if (text) bullets.push({ marker, text });
  }
  return bullets;
}

function parseSource(text: string): { lines: string[]; header: string[]; rows: SourceRow[] } {
  const lines = text.split(/\r?\n/);
  const tabbed = lines.map((line, index) => ({ line: index + 1, columns: line.split('\t') })).filter((row) => row.columns.length > 1);
  const [header, ...body] = tabbed;
  return {
    lines,
    header: header?.columns.map(stripTags) ?? [],
    rows: body.map(({ line, columns }) => ({
      line,
      first: stripTags(columns[0] ?? ''),
      bullets: columns.slice(1).flatMap(splitBullets),
    })),
  };
}

/** The source rows grouped by need: a row with an empty first column continues the previous one. */
function groupRows(rows: SourceRow[]): Array<{ first: string; bullets: Bullet[]; continuation: Bullet[] }> {
  const groups: Array<{ first: string; bullets: Bullet[]; continuation: Bullet[] }> = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (row.first === '') {
      if (!last) throw new Error(`line ${row.line}: continuation row before any need`);
      last.continuation.push(...row.bullets);
    } else {
      groups.push({ first: row.first, bullets: row.bullets, continuation: [] });
    }
  }
  return groups;
}

/** Checks the seed file against the source; returns the problems found (empty: all good). */
function compareWithSource(data: SeedInventory, source: string): string[] {
  const problems: string[] = [];
  const corrected = applyCorrections(source, data);
  const { rows } = parseSource(corrected);
  const groups = groupRows(rows);

  if (groups.length !== data.needs.length) {
    problems.push(`the source has ${groups.length} needs and issues, the seed file ${data.needs.length}`);
  }
  groups.forEach((group, index) => {
    const need = data.needs[index];
    if (!need) return problems.push(`source row "${group.first}" has no need at position ${index + 1}`);
    if (need.description !== group.first) {
      problems.push(`need #${index + 1} "${need.key}": description differs from the source row "${group.first}"`);
    }

    // "Lié à…" bullets are the need's related notes; the other bullets are its solutions.
    const relatedNotes = need.related.map((related) => sourceWordsOf(related.note));
    const sourceRelated = group.bullets.filter((bullet) => relatedNotes.includes(bullet.text)).map((bullet) => bullet.text);
    const sourceSolutions = group.bullets.filter((bullet) => !relatedNotes.includes(bullet.text));
    const seedSolutions = flattenSolutions(need.solutions);

    expectSame(problems, `"${need.key}" related notes`, sourceRelated, relatedNotes);
    expectSame(
      problems,
      `"${need.key}" solutions`,
      sourceSolutions.map((bullet) => bullet.text),
      seedSolutions.map((solution) => solution.description),
    );

    // Nesting: a ○ bullet is a child of the bullet above it.
    let parent: SeedSolution | undefined;
    sourceSolutions.forEach((bullet, bulletIndex) => {
      const solution = seedSolutions[bulletIndex];
      if (!solution) return;
      if (bullet.marker === '○') {
        if (!parent?.children.includes(solution)) {
          problems.push(`solution "${solution.key}" is a sub-bullet of "${parent?.key}" in the source`);
        }
      } else {
        if (!need.solutions.includes(solution)) problems.push(`solution "${solution.key}" is a top-level bullet in the source`);
        parent = solution;
      }
    });

    expectSame(problems, `"${need.key}" note (continuation row)`, [group.continuation.map((bullet) => bullet.text).join(' ')].filter(Boolean), [need.note].filter(Boolean));

    for (const related of need.related) {
      if (sourceWordsOf(related.note).includes('ligne précédente') && related.need !== data.needs[index - 1]?.key) {
        problems.push(`"${need.key}": "${related.note}" should point to the previous need`);
      }
    }
  });
  return problems;
}

function expectSame(problems: string[], what: string, fromSource: string[], fromSeed: string[]): void {
  const missing = fromSource.filter((text) => !fromSeed.includes(text));
  const extra = fromSeed.filter((text) => !fromSource.includes(text));
  for (const text of missing) problems.push(`${what}: not in the seed file: "${text}"`);
  for (const text of extra) problems.push(`${what}: not in the source: "${text}"`);
  if (missing.length === 0 && extra.length === 0 && fromSource.join('\n') !== fromSeed.join('\n')) {
    problems.push(`${what}: not in the source's order`);
  }
}

/** The source's words of a note: without the team's additions in brackets (" [de l'inventaire : …]"). */
function sourceWordsOf(text: string): string {
  return text.replace(/ \[[^\]]*\]/g, '');
}

const allSolutions = (data: SeedInventory) => data.needs.flatMap((need) => flattenSolutions(need.solutions));
const mentions = (text: string, name: string) => name !== '' && text.toLocaleLowerCase('fr').includes(name.toLocaleLowerCase('fr'));

describe('seed source copy', () => {
  it('is kept in the repository with its title lines', () => {
    expect(existsSync(path.join(root, inventory.source.file))).toBe(true);
    const { lines, header } = parseSource(rawSource);
    expect(lines).toContain(inventory.source.title);
    expect(lines).toContain(`${inventory.source.organisation} - avril 2023`);
    expect(inventory.source.date).toBe('2023-04');
    expect(header).toEqual(['Enjeux et besoins', 'Solution existante ou proposée']);
  });

  it('lists corrections that each fix something present in the source', () => {
    expect(inventory.source.corrections.length).toBeGreaterThan(0);
    for (const fix of inventory.source.corrections) {
      expect(rawSource, fix.original).toContain(fix.original);
      expect(fix.corrected).not.toBe(fix.original);
    }
  });
});

describe('seed file against the source', () => {
  it('has every row, bullet, sub-bullet, "lié à" and note of the source, in order and in its wording', () => {
    expect(compareWithSource(inventory, rawSource)).toEqual([]);
  });

  it('names only organisations and programs that the source names, each in a solution that mentions it', () => {
    const corrected = stripTags(applyCorrections(rawSource, inventory));
    for (const provider of inventory.providers) {
      expect(mentions(corrected, provider.name) || mentions(corrected, provider.alternateName), provider.key).toBe(true);
    }
    const linked = new Set<string>();
    for (const solution of allSolutions(inventory)) {
      for (const link of solution.providers) {
        const provider = inventory.providers.find((candidate) => candidate.key === link.provider);
        linked.add(link.provider);
        expect(
          mentions(solution.description, provider?.name ?? '') || mentions(solution.description, provider?.alternateName ?? ''),
          `${solution.key} -> ${link.provider}`,
        ).toBe(true);
      }
    }
    expect(inventory.providers.filter((provider) => !linked.has(provider.key)).map((provider) => provider.key)).toEqual([]);
  });

  it('has a provider for every organisation and program the source names', () => {
    const corrected = stripTags(applyCorrections(rawSource, inventory));
    for (const name of NAMED_IN_SOURCE) {
      expect(corrected, name).toContain(name);
      const same = (a: string, b: string) => a.toLocaleLowerCase('fr') === b.toLocaleLowerCase('fr');
      const provider = inventory.providers.find((candidate) => same(candidate.name, name) || same(candidate.alternateName, name));
      expect(provider, name).toBeDefined();
    }
  });

  it('invents no contact details and flags what is missing', () => {
    for (const provider of inventory.providers) {
      for (const value of [provider.website, provider.email, provider.phone]) {
        if (value) expect(rawSource, provider.key).toContain(value);
      }
      if (!provider.website && !provider.email && !provider.phone) {
        expect(provider.toVerify, provider.key).toBe(true);
        expect(provider.verifyNote, provider.key).toContain('Coordonnées manquantes');
      }
    }
  });
});

// Issue 12, items 15–20: what the seed says of each bullet must not go beyond the source's
// words. Each check reads the source text; `beforeCorrections` must fail each of them.

// Costs the source states, in its words. Any other known cost is the team's inference.
const STATED_COSTS: Array<{ words: string; cost: CostOption }> = [
  { words: 'une évaluation gratuite', cost: 'FREE' },
  { words: 'outils gratuits', cost: 'FREE' },
  { words: 'logiciels à rabais', cost: 'LOW_COST' },
  { words: 'à un faible coût', cost: 'LOW_COST' },
  { words: "Subventionner l'achat", cost: 'SUBSIDIZED' },
];

// Words of a bullet that state a provider's role. "offre" is what naming a provider in a
// bullet says by default; the other roles need words of their own, or the inferred mark.
const ROLE_WORDS: Partial<Record<ProviderRole, RegExp>> = {
  FUNDS: /financement|subvention|fonds/i,
  PARTNERS: /partenaire|partenariat/i,
  CITED: /\bcomme\b|par exemple/i,
  APPROACHED: /approché/i,
};

function sourceBullets(data: SeedInventory, source: string): Bullet[] {
  return parseSource(applyCorrections(source, data)).rows.flatMap((row) => row.bullets);
}

/** Problems of the seed file against the source's wording, each prefixed by its item number. */
function wordingProblems(data: SeedInventory, source: string): string[] {
  const problems: string[] = [];
  const bullets = sourceBullets(data, source);
  const solutions = allSolutions(data);
  const solutionOf = (bullet: Bullet) => solutions.find((solution) => solution.description === bullet.text);
  const providerNamed = (name: string) =>
    data.providers.find((provider) => [provider.name, provider.alternateName].some((candidate) => candidate.toLocaleLowerCase('fr') === name.toLocaleLowerCase('fr')));

  // 15 and 16: a bullet that says a solution may exist ("Potentiellement couvert…", "X a
  // aussi été approché…") is neither existing nor proposed, and says what is to confirm.
  const possible = bullets.filter((bullet) => /\bpotentiellement\b|a (?:aussi )?été approché/i.test(bullet.text));
  if (possible.length !== 2) problems.push(`15/16: expected the 2 bullets "potentiellement…" and "a été approché…", found ${possible.length}`);
  for (const bullet of possible) {
    const solution = solutionOf(bullet);
    const item = /approché/.test(bullet.text) ? 16 : 15;
    if (!solution) problems.push(`${item}: no solution for "${bullet.text}"`);
    else if (solution.availability !== 'UNCONFIRMED' || !solution.toVerify || !solution.verifyNote.startsWith('Existence à confirmer')) {
      problems.push(`${item}: "${solution.key}" is seeded ${solution.availability} (flag: "${solution.verifyNote}"), the source says it may exist: "${bullet.text}"`);
    }
  }

  // 16: "X a aussi été approché par des organismes…": X was approached, nothing more.
  for (const bullet of bullets) {
    const approached = /^(.+?) a (?:aussi )?été approché/.exec(bullet.text)?.[1];
    if (!approached) continue;
    const provider = providerNamed(approached);
    const roles = solutionOf(bullet)?.providers.filter((link) => link.provider === provider?.key).map((link) => link.role) ?? [];
    if (roles.join() !== 'APPROACHED') problems.push(`16: ${approached} has the roles [${roles.join(', ')}], the source says only that it was approached`);
  }

  // 17: "Faire connaître l'offre de services d'initiatives existantes comme A, B…": a proposed
  // action (like its sibling sub-bullet), whose organisations are cited as examples.
  const promote = bullets.find((bullet) => bullet.text.startsWith("Faire connaître l'offre de services d'initiatives existantes comme "));
  const promoted = promote && solutionOf(promote);
  if (!promote || !promoted) problems.push('17: the bullet "Faire connaître l\'offre…" has no solution');
  else {
    const parent = solutions.find((solution) => solution.children.includes(promoted));
    if (promoted.availability !== 'PROPOSED' || parent?.availability !== 'PROPOSED' || parent.children.some((child) => child.availability !== 'PROPOSED')) {
      problems.push(`17: "${promoted.key}" is ${promoted.availability} under "${parent?.key}" (${parent?.availability}): the source proposes all of it`);
    }
    const names = /comme (.+?), etc\./.exec(promote.text)?.[1]?.split(', ') ?? [];
    if (names.length !== 8) problems.push(`17: expected 8 organisations after "comme", found ${names.length}`);
    for (const name of names) {
      const roles = promoted.providers.filter((link) => link.provider === providerNamed(name)?.key).map((link) => link.role);
      if (roles.join() !== 'CITED') problems.push(`17: ${name} has the roles [${roles.join(', ')}] in "${promoted.key}", the source cites it as an example`);
    }
  }

  // 18: what the source does not state is marked as inferred. Its only columns are the need
  // and the solution's wording: every kind of help is the team's reading.
  for (const solution of solutions) {
    if (solution.kinds.length > 0 && !solution.inferredFields.includes('KINDS')) problems.push(`18: "${solution.key}": kinds not marked inferred`);
    const isCostStated = STATED_COSTS.some((stated) => stated.cost === solution.cost && solution.description.includes(stated.words));
    if (solution.cost !== 'UNKNOWN' && !isCostStated && !solution.inferredFields.includes('COST')) {
      problems.push(`18: "${solution.key}": cost ${solution.cost} is not in the source and not marked inferred`);
    }
    for (const link of solution.providers) {
      const words = ROLE_WORDS[link.role];
      if (words && !words.test(solution.description) && !link.isRoleInferred) {
        problems.push(`18: "${solution.key}": ${link.provider} as ${link.role} is not in the source and not marked inferred`);
      }
    }
  }

  // 19: "la ligne précédente" means nothing on a page: the note names the need it refers to.
  for (const need of data.needs) {
    for (const related of need.related) {
      const target = data.needs.find((candidate) => candidate.key === related.need);
      if (sourceWordsOf(related.note).includes('ligne précédente') && !related.note.includes(`[de l'inventaire : ${target?.title}]`)) {
        problems.push(`19: "${need.key}": "${related.note}" does not name the need "${target?.title}"`);
      }
    }
  }

  // 20: the source names a person; pages show their link to the organisation instead.
  const persons = [...source.matchAll(/évoqué par (\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+) de (\p{Lu}[\p{L} ]+?) \(/gu)];
  if (persons.length !== 1) problems.push(`20: expected 1 person named in the source, found ${persons.length}`);
  const published = JSON.stringify({ themes: data.themes, providers: data.providers, needs: data.needs, remarks: data.source.remarks });
  for (const [, person, organisation] of persons) {
    if (published.includes(person!)) problems.push(`20: a person's name from the source is published`);
    const sentence = bullets.find((bullet) => bullet.text.includes('fonds de développement évoqué par'));
    const organisationName = applyCorrections(organisation!, data);
    if (!sentence?.text.includes(`évoqué par [une personne représentant ${organisationName}]`)) {
      problems.push(`20: the bullet does not say "[une personne représentant ${organisationName}]" in place of the name`);
    }
  }
  return problems;
}

describe('seed file says no more than the source (issue 12, items 15–20)', () => {
  it('models possible solutions, approached and cited organisations, inferences, "ligne précédente" and persons as the source words them', () => {
    expect(wordingProblems(inventory, rawSource)).toEqual([]);
  });

  it('catches each item in the seed file as it was before the corrections', () => {
    const problems = wordingProblems(beforeCorrections, rawSource);
    for (const item of ['15', '16', '17', '18', '19', '20']) {
      expect(problems.filter((problem) => problem.startsWith(`${item}:`)), `item ${item}`).not.toEqual([]);
    }
    expect(problems.join('\n')).toContain('conformite-dans-le-cadre-de-dataide" is seeded PROPOSED');
    expect(problems.join('\n')).toContain('Juripop has the roles [OFFERS]');
    expect(problems.join('\n')).toContain('programme-numerique-collectif as FUNDS is not in the source');
    expect(problems.join('\n')).toContain('subventionner-l-accompagnement": cost SUBSIDIZED');
  });

  it('keeps the bracketed additions apart from the source\'s words', () => {
    const link = inventory.needs.find((need) => need.key === 'identifier-ses-besoins-numeriques')!.related[0]!;
    expect(link.note).toBe("Lié à la ligne précédente [de l'inventaire : Accompagnement personnalisé].");
    expect(sourceWordsOf(link.note)).toBe('Lié à la ligne précédente.');
    const fix = inventory.source.corrections.find((correction) => correction.corrected.startsWith('[une personne'));
    expect(fix?.reason).toMatch(/renseignement personnel/);
  });
});

describe('seed file structure', () => {
  it('validates against the schema', () => {
    const result = seedInventorySchema.safeParse(rawJson);
    expect(result.success, result.error?.message).toBe(true);
  });

  it('has the counts of the April 2023 inventory', () => {
    expect(inventory.themes).toHaveLength(10);
    expect(inventory.needs).toHaveLength(12);
    expect(inventory.needs.filter((need) => need.kind === 'NEED')).toHaveLength(5);
    expect(inventory.needs.filter((need) => need.kind === 'ISSUE')).toHaveLength(7);
    expect(allSolutions(inventory)).toHaveLength(26);
    expect(inventory.providers).toHaveLength(27);
    expect(inventory.needs.flatMap((need) => need.related)).toHaveLength(5);
    expect(allSolutions(inventory).flatMap((solution) => solution.providers)).toHaveLength(36);
  });

  it('tells needs from issues as the source does', () => {
    for (const need of inventory.needs) {
      expect(need.kind, need.key).toBe(need.description.startsWith('Enjeu') ? 'ISSUE' : 'NEED');
    }
  });

  it('has unique keys, and every referenced key exists', () => {
    const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
    unique(inventory.themes.map((theme) => theme.key));
    unique(inventory.providers.map((provider) => provider.key));
    unique(inventory.needs.map((need) => need.key));
    unique(allSolutions(inventory).map((solution) => solution.key));

    const themes = new Set(inventory.themes.map((theme) => theme.key));
    const needs = new Set(inventory.needs.map((need) => need.key));
    const providers = new Set(inventory.providers.map((provider) => provider.key));
    for (const need of inventory.needs) {
      expect(need.theme === null || themes.has(need.theme), need.key).toBe(true);
      for (const related of need.related) expect(needs.has(related.need), related.need).toBe(true);
    }
    for (const solution of allSolutions(inventory)) {
      for (const link of solution.providers) expect(providers.has(link.provider), link.provider).toBe(true);
    }
    // Every theme is used.
    expect([...themes].filter((theme) => !inventory.needs.some((need) => need.theme === theme))).toEqual([]);
  });

  it('has short titles and flags come with a reason', () => {
    for (const item of [...inventory.needs, ...allSolutions(inventory)]) {
      expect(item.title.length, item.key).toBeLessThanOrEqual(80);
      expect(item.toVerify, item.key).toBe(item.verifyNote !== '');
    }
  });

  it('rejects a file with a dangling reference or a duplicate key', () => {
    const broken = structuredClone(rawJson) as { needs: Array<{ related: Array<{ need: string }> }>; providers: Array<{ key: string }> };
    broken.needs[1]!.related[0]!.need = 'besoin-inexistant';
    broken.providers[1]!.key = broken.providers[0]!.key;
    const result = seedInventorySchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message).join('\n');
    expect(messages).toContain('unknown need "besoin-inexistant"');
    expect(messages).toContain('duplicate provider key');
  });
});

describe('the source comparison really fails when something is dropped', () => {
  const clone = () => structuredClone(inventory);

  it('notices a missing sub-bullet', () => {
    const data = clone();
    data.needs[0]!.solutions[0]!.children.pop();
    expect(compareWithSource(data, rawSource).join('\n')).toContain('not in the seed file: "Former de nouveaux accompagnateurs');
  });

  it('notices a missing need', () => {
    const data = clone();
    data.needs.splice(2, 1);
    expect(compareWithSource(data, rawSource).length).toBeGreaterThan(0);
  });

  it('notices a missing "lié à" link', () => {
    const data = clone();
    data.needs[6]!.related.pop();
    expect(compareWithSource(data, rawSource).join('\n')).toContain('Lié aux besoins d\'accès à du matériel adéquat.');
  });

  it('notices a missing continuation note, a reworded bullet and a flattened sub-bullet', () => {
    const data = clone();
    data.needs[9]!.note = '';
    data.needs[3]!.solutions[0]!.description = 'Vulgariser';
    const child = data.needs[9]!.solutions[0]!.children.pop()!;
    data.needs[9]!.solutions.splice(1, 0, child);
    const problems = compareWithSource(data, rawSource).join('\n');
    expect(problems).toContain('note (continuation row)');
    expect(problems).toContain('not in the source: "Vulgariser"');
    expect(problems).toContain('is a sub-bullet of');
  });
});

// What a synonym group needs PostgreSQL (and the other groups) to check, after its zod schema
// (lib/synonyms/schema.ts): a term made only of words the search ignores, a loop through other
// one-way groups (« A » leads to « B » which leads back to « A »), and a term that the search
// would find in (nearly) every entry, which would drown every query that reaches it.
// Returns French messages per field; an empty object when the group may be saved.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SynonymGroupField, SynonymGroupInput } from '@/lib/synonyms/schema';
import { analyseTexts } from '@/lib/synonyms/words';

type Db = Pick<PrismaClient, '$queryRaw' | 'synonymGroup'>;

/**
 * A term searched through a group may be found in at most this share of the published entries'
 * own text (titles and wording, not their neighbours'). Measured on the 2023 inventory: the
 * broadest starter term, « accompagnement », is in 13 of 65 entries' own text.
 */
export const MAX_MATCH_SHARE = 0.4;
/** Below this many published entries, the share is not judged (an almost empty directory). */
export const MIN_ENTRIES_FOR_SHARE = 20;

const quote = (text: string): string => `«\u00a0${text}\u00a0»`;

/** How two terms are compared for loops and duplicates: lower case, no accents. */
export function termKey(term: string): string {
  return term.toLocaleLowerCase('fr').normalize('NFD').replace(/\p{M}/gu, '');
}

/** The one-way edges (term → what it also searches) of the groups, as keys. */
function edgesOf(groups: readonly { terms: string[]; expandsTo: string[] }[]): Map<string, { to: string; target: string }[]> {
  const edges = new Map<string, { to: string; target: string }[]>();
  for (const group of groups) {
    for (const term of group.terms) {
      const list = edges.get(termKey(term)) ?? [];
      for (const target of group.expandsTo) list.push({ to: termKey(target), target });
      edges.set(termKey(term), list);
    }
  }
  return edges;
}

/**
 * A path through the one-way groups that leads from one of the group's targets back to one of
 * its terms, written « a → b → a »; null when there is none.
 */
export function findLoop(group: Pick<SynonymGroupInput, 'terms' | 'expandsTo'>, others: readonly { terms: string[]; expandsTo: string[] }[]): string | null {
  const edges = edgesOf([...others, group]);
  const starts = new Set(group.terms.map(termKey));
  for (const term of group.terms) {
    for (const target of group.expandsTo) {
      // Breadth-first from the target, each step carrying the way it came.
      const queue = [{ key: termKey(target), path: [term, target] }];
      const seen = new Set([termKey(target)]);
      while (queue.length > 0) {
        const { key, path } = queue.shift()!;
        if (starts.has(key)) return path.join(' → ');
        for (const edge of edges.get(key) ?? []) {
          if (seen.has(edge.to)) continue;
          seen.add(edge.to);
          queue.push({ key: edge.to, path: [...path, edge.target] });
        }
      }
    }
  }
  return null;
}

type ShareRow = { matches: number; total: number };

/** How many published entries hold the phrase in their own title or wording (weights A and B). */
async function ownTextMatches(db: Db, phrase: string): Promise<ShareRow> {
  // phraseto_tsquery's text, each lexeme limited to the entry's own text: 'ordi' → 'ordi':AB.
  const query = phrase.replace(/'((?:[^']|'')*)'/g, "'$1':AB");
  const [row] = await db.$queryRaw<ShareRow[]>`
    WITH q AS (SELECT ${query}::tsquery AS q)
    SELECT
      ((SELECT count(*) FROM "Need", q WHERE "status" = 'PUBLISHED' AND "searchVector" @@ q.q)
        + (SELECT count(*) FROM "Solution", q WHERE "status" = 'PUBLISHED' AND "searchVector" @@ q.q)
        + (SELECT count(*) FROM "Provider", q WHERE "status" = 'PUBLISHED' AND "searchVector" @@ q.q))::int AS matches,
      ((SELECT count(*) FROM "Need" WHERE "status" = 'PUBLISHED')
        + (SELECT count(*) FROM "Solution" WHERE "status" = 'PUBLISHED')
        + (SELECT count(*) FROM "Provider" WHERE "status" = 'PUBLISHED'))::int AS total`;
  return row ?? { matches: 0, total: 0 };
}

/** Field errors of a group the schema accepted; `exceptId` is the group being edited. */
export async function checkSynonymGroup(
  db: Db,
  group: SynonymGroupInput,
  exceptId: string | null = null,
): Promise<Partial<Record<SynonymGroupField, string[]>>> {
  const errors: Partial<Record<SynonymGroupField, string[]>> = {};
  const add = (field: SynonymGroupField, message: string) => (errors[field] ??= []).push(message);

  const texts = [...group.terms, ...group.expandsTo];
  const analysed = await analyseTexts(db, texts);
  const byText = new Map(texts.map((text, index) => [text, analysed[index]!]));
  for (const [field, list] of [['terms', group.terms], ['expandsTo', group.expandsTo]] as const) {
    for (const term of list) {
      if (byText.get(term)!.words.length === 0)
        add(field, `${quote(term)} n’a que des mots que la recherche ignore (comme « de », « la », « pour ») : il ne trouverait rien.`);
    }
  }
  if (Object.keys(errors).length > 0) return errors;

  if (group.oneWay) {
    const others = await db.synonymGroup.findMany({
      where: { oneWay: true, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { terms: true, expandsTo: true },
    });
    const loop = findLoop(group, others);
    if (loop) add('expandsTo', `Ce groupe ferait une boucle avec d’autres groupes : ${loop}. Retirez un des termes de la boucle.`);
  }

  // What gets searched through the group: every term of a two-way group, the targets of a one-way one.
  const searched = group.oneWay ? group.expandsTo : group.terms;
  const field: SynonymGroupField = group.oneWay ? 'expandsTo' : 'terms';
  for (const term of searched) {
    const { matches, total } = await ownTextMatches(db, byText.get(term)!.phrase);
    if (total >= MIN_ENTRIES_FOR_SHARE && matches / total > MAX_MATCH_SHARE) {
      add(
        field,
        `${quote(term)} se trouve dans ${matches} fiches sur ${total} : trop général, il ferait remonter presque tout le répertoire. Choisissez un terme plus précis.`,
      );
    }
  }
  return errors;
}

// The synonym groups as the search uses them: every term analysed by PostgreSQL once (one
// statement for all of them), then indexed in memory (lib/synonyms/expand.ts). The site keeps
// the result per generation of the groups (lib/data/synonyms.ts); tests and `npm run
// search:eval` call these directly.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { buildSynonymIndex, type AnalysedGroup, type SynonymIndex } from '@/lib/synonyms/expand';
import { analyseTexts } from '@/lib/synonyms/words';

type Db = Pick<PrismaClient, '$queryRaw' | 'synonymGroup'>;

/** Every group, oldest first, with the analysis of each of its terms. */
export async function readAnalysedGroups(db: Db): Promise<AnalysedGroup[]> {
  const groups = await db.synonymGroup.findMany({
    select: { id: true, terms: true, oneWay: true, expandsTo: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const texts = [...new Set(groups.flatMap((group) => [...group.terms, ...group.expandsTo]))];
  const analysed = await analyseTexts(db, texts);
  const byText = new Map(texts.map((text, index) => [text, analysed[index]!]));
  return groups.map((group) => ({
    ...group,
    analysis: Object.fromEntries(
      [...group.terms, ...group.expandsTo].map((text) => {
        const { words, phrase } = byText.get(text)!;
        return [text, { words: words.map(({ lower, folded, lexemes }) => ({ lower, folded, lexemes })), phrase }];
      }),
    ),
  }));
}

export async function loadSynonymIndex(db: Db): Promise<SynonymIndex> {
  return buildSynonymIndex(await readAnalysedGroups(db));
}

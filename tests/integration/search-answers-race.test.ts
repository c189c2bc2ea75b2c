// The search answers kept in memory (lib/search/kept-search.ts) against a real PostgreSQL with
// the 2023 inventory: a synonym group edited while searches run in parallel is used by the
// next search after the edit, every time. The generation tokens are stood in for by counters
// that change right after the edit commits, as updateTag does on the site; each read of a
// token waits a random moment, so that edits land between the reads of one search.
// (The design reverted in 333a2f8, which read the index and the tokens apart, fails this.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createKeptSearch, searchSnapshotReader } from '@/lib/search/kept-search';
import type { SearchResults } from '@/lib/search/types';
import { keptSynonymIndex } from '@/lib/synonyms/kept-index';
import { loadSynonymIndex } from '@/lib/synonyms/load';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `search_answers_race_test_${process.pid}_${Date.now()}`;

const ROUNDS = 40;
const PARALLEL = 12;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!serverUrl)('réponses de recherche gardées en mémoire', () => {
  let prisma: PrismaClient;

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  it('un groupe de synonymes modifié pendant des recherches sert dès la recherche suivante, à chaque fois', async () => {
    let inventoryToken = 0;
    let synonymToken = 0;
    const jitter = () => pause(Math.random() * 3);
    const readSnapshot = searchSnapshotReader(
      async () => {
        await jitter();
        return `données-${inventoryToken}`;
      },
      keptSynonymIndex(
        async () => {
          await jitter();
          return `synonymes-${synonymToken}`;
        },
        () => loadSynonymIndex(prisma),
      ),
    );
    const kept = createKeptSearch({ db: () => prisma, maxBytes: 16 * 1024 * 1024 });
    // As /recherche does: one snapshot per request, the matches, then the page of results.
    const search = async (query: string): Promise<SearchResults> => {
      const snapshot = await readSnapshot();
      return kept.results(snapshot, query, {}, await kept.matches(snapshot, query));
    };
    const findsJuripop = (results: SearchResults) => results.providers.some((hit) => hit.slug === 'juripop');

    // « zorglub » is in no entry: only the group makes it find Juripop.
    expect(findsJuripop(await search('zorglub'))).toBe(false);
    let groupId: string | null = null;
    const staleRounds: number[] = [];
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        const searches = Array.from({ length: PARALLEL }, (_, n) => pause(n / 2).then(() => search('zorglub')));
        const edit = (async () => {
          await pause(Math.random() * 5);
          if (groupId === null) {
            groupId = (await prisma.synonymGroup.create({ data: { terms: ['zorglub'], oneWay: true, expandsTo: ['Juripop'] }, select: { id: true } })).id;
          } else {
            await prisma.synonymGroup.delete({ where: { id: groupId } });
            groupId = null;
          }
          // The edit is committed: the token changes (updateTag(SYNONYMS_TAG) on the site).
          synonymToken += 1;
        })();
        await Promise.all([...searches, edit]);
        // Searches that started before the edit may have answered either way; the next one may not.
        if (findsJuripop(await search('zorglub')) !== (groupId !== null)) staleRounds.push(round);
        // An edit of the data changes the other token now and then: answers stay right across both.
        if (round % 10 === 9) inventoryToken += 1;
      }
    } finally {
      if (groupId) await prisma.synonymGroup.delete({ where: { id: groupId } });
    }
    expect(staleRounds).toEqual([]);
  });

  it('garde la réponse d’une recherche répétée, et la relit quand les données changent', async () => {
    let inventoryToken = 0;
    const readSnapshot = searchSnapshotReader(
      async () => `données-${inventoryToken}`,
      keptSynonymIndex(async () => 'synonymes', () => loadSynonymIndex(prisma)),
    );
    const kept = createKeptSearch({ db: () => prisma, maxBytes: 16 * 1024 * 1024 });
    const first = await readSnapshot();
    const answer = await kept.results(first, 'formation', {}, await kept.matches(first, 'formation'));
    const again = await readSnapshot();
    expect(await kept.results(again, 'formation', {}, await kept.matches(again, 'formation'))).toBe(answer);
    // Another page or a filter is its own answer.
    expect(await kept.results(again, 'formation', { type: 'solutions', page: 1 }, await kept.matches(again, 'formation'))).not.toBe(answer);

    inventoryToken += 1;
    const edited = await readSnapshot();
    const fresh = await kept.results(edited, 'formation', {}, await kept.matches(edited, 'formation'));
    expect(fresh).not.toBe(answer);
    expect(fresh).toEqual(answer);
  });
});

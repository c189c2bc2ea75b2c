// The log of searches that found nothing, on a real PostgreSQL, with a moved clock: counted
// per query and day, nothing personal kept, shown to members only once searched on 3 different
// days, erased after 90 days when seen on fewer days and after 12 months in any case, by the
// one erasure function that sign-in and suggestions call.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getAuthEnv } from '@/lib/env';
import {
  MAX_NEW_QUERIES_PER_DAY,
  eraseExpiredEmptySearches,
  listTopEmptySearches,
  recordEmptySearch,
} from '@/lib/search/empty-searches';
import { countEmptySearchThemes } from '@/lib/search/empty-search-themes';
import { checkCredentials } from '@/lib/security/credentials';
import { loadSynonymIndex } from '@/lib/synonyms/load';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `empty_searches_test_${process.pid}_${Date.now()}`;

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-01-10T15:30:00Z');
const daysAfter = (days: number, from = start) => new Date(from.getTime() + days * DAY);

describe.skipIf(!serverUrl)('recherches sans résultat', () => {
  let prisma: PrismaClient;
  const rows = () => prisma.emptySearch.findMany({ orderBy: [{ query: 'asc' }, { day: 'asc' }] });
  const queries = async () => [...new Set((await rows()).map((row) => row.query))];

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
  });
  beforeEach(async () => {
    await prisma.emptySearch.deleteMany();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  it('compte par requête nettoyée et par jour, sans heure ni rien de personnel', async () => {
    expect(await recordEmptySearch(prisma, 'Tablette usagée 514-555-1234', start)).toBe('tablette usagée');
    await recordEmptySearch(prisma, 'tablette   USAGÉE', daysAfter(0.3));
    await recordEmptySearch(prisma, 'tablette usagée', daysAfter(1));
    expect(await recordEmptySearch(prisma, 'moi@exemple.org', start)).toBeNull();
    expect(await rows()).toEqual([
      { query: 'tablette usagée', day: new Date('2026-01-10T00:00:00Z'), count: 2 },
      { query: 'tablette usagée', day: new Date('2026-01-11T00:00:00Z'), count: 1 },
    ]);
  });

  it('ne garde pas plus de requêtes nouvelles par jour que le plafond, mais compte encore les connues', async () => {
    await prisma.$executeRaw`
      INSERT INTO "EmptySearch" ("query", "day", "count")
      SELECT 'requête ' || n, ${new Date('2026-01-10T00:00:00Z')}, 1 FROM generate_series(1, ${MAX_NEW_QUERIES_PER_DAY}) n`;
    expect(await recordEmptySearch(prisma, 'une de trop', start)).toBeNull();
    expect(await recordEmptySearch(prisma, 'requête 7', start)).toBe('requête 7');
    expect(await prisma.emptySearch.count()).toBe(MAX_NEW_QUERIES_PER_DAY);
    expect((await prisma.emptySearch.findFirst({ where: { query: 'requête 7' } }))?.count).toBe(2);
    // The next day, new queries are kept again.
    expect(await recordEmptySearch(prisma, 'une de trop', daysAfter(1))).toBe('une de trop');
  });

  it('ne montre une requête qu’une fois cherchée 3 jours différents dans la période', async () => {
    for (const day of [0, 0, 0, 0, 0]) await recordEmptySearch(prisma, 'cherchée un seul jour', daysAfter(day));
    for (const day of [0, 5]) await recordEmptySearch(prisma, 'deux jours', daysAfter(day));
    for (const day of [0, 3, 6, 6]) await recordEmptySearch(prisma, 'trois jours', daysAfter(day));
    for (const day of [1, 2, 4, 6]) await recordEmptySearch(prisma, 'quatre jours', daysAfter(day));
    const now = daysAfter(6);
    expect(await listTopEmptySearches(prisma, { periodDays: 30, now })).toEqual([
      { query: 'quatre jours', searches: 4, days: 4, lastDay: '2026-01-16' },
      { query: 'trois jours', searches: 4, days: 3, lastDay: '2026-01-16' },
    ]);
    // Over the last 5 days only (Jan 12 to 16), « trois jours » was searched on 2 days: hidden.
    expect(await listTopEmptySearches(prisma, { periodDays: 5, now })).toEqual([{ query: 'quatre jours', searches: 3, days: 3, lastDay: '2026-01-16' }]);
  });

  it('efface après 90 jours ce qui fut cherché moins de 3 jours, et tout après 12 mois', async () => {
    for (const day of [0, 1]) await recordEmptySearch(prisma, 'deux jours', daysAfter(day));
    for (const day of [0, 1, 2, 3]) await recordEmptySearch(prisma, 'quatre jours', daysAfter(day));
    await recordEmptySearch(prisma, 'récente', daysAfter(80));

    // Day 90 after the second day: nothing is past its time yet.
    expect(await eraseExpiredEmptySearches(prisma, daysAfter(90))).toBe(0);
    expect(await queries()).toEqual(['deux jours', 'quatre jours', 'récente']);
    // 91 days after the first day: that day of « deux jours » goes; 92 days: the other one.
    expect(await eraseExpiredEmptySearches(prisma, daysAfter(91))).toBe(1);
    expect(await eraseExpiredEmptySearches(prisma, daysAfter(92))).toBe(1);
    expect(await queries()).toEqual(['quatre jours', 'récente']);
    // Searched on one day only, « récente » goes 91 days after it (day 171), not before.
    expect(await eraseExpiredEmptySearches(prisma, daysAfter(170))).toBe(0);
    expect(await eraseExpiredEmptySearches(prisma, daysAfter(171))).toBe(1);
    expect(await queries()).toEqual(['quatre jours']);
    // A query searched on 3 days or more stays until 12 months have passed, day by day.
    expect(await eraseExpiredEmptySearches(prisma, daysAfter(300))).toBe(0);
    expect(await eraseExpiredEmptySearches(prisma, new Date('2027-01-10T23:00:00Z'))).toBe(0);
    expect(await eraseExpiredEmptySearches(prisma, new Date('2027-01-11T00:00:00Z'))).toBe(1);
    expect((await rows()).map((row) => row.day.toISOString().slice(0, 10))).toEqual(['2026-01-11', '2026-01-12', '2026-01-13']);
    // Its second day reaches 12 months: it goes, and the two days left, now fewer than 3 and
    // older than 90 days, go with it.
    expect(await eraseExpiredEmptySearches(prisma, new Date('2027-01-12T00:00:00Z'))).toBe(3);
    expect(await rows()).toEqual([]);
  });

  it('est appelée par la connexion d’un membre, et avant chaque lecture', async () => {
    await recordEmptySearch(prisma, 'oubliée', start);
    await checkCredentials(prisma, { email: 'personne@exemple.org', password: 'x', ip: '203.0.113.9' }, getAuthEnv().secret, daysAfter(90));
    expect(await queries()).toEqual(['oubliée']);
    await checkCredentials(prisma, { email: 'personne@exemple.org', password: 'x', ip: '203.0.113.9' }, getAuthEnv().secret, daysAfter(91));
    expect(await queries()).toEqual([]);

    for (const day of [0, 1]) await recordEmptySearch(prisma, 'lue', daysAfter(day));
    await listTopEmptySearches(prisma, { periodDays: 400, now: daysAfter(92) });
    expect(await queries()).toEqual([]);
  });

  it('range pour le portrait chaque recherche dans le thème du besoin qu’elle trouve aujourd’hui, en nombres seulement', async () => {
    const theme = await prisma.need.findUniqueOrThrow({ where: { slug: 'manque-de-temps-et-epuisement' }, select: { theme: { select: { name: true } } } });
    for (const day of [0, 1, 2, 2]) await recordEmptySearch(prisma, 'burnout', daysAfter(day));
    for (const day of [0, 3, 5]) await recordEmptySearch(prisma, 'zigouigoui', daysAfter(day));
    for (const day of [0, 1]) await recordEmptySearch(prisma, 'dépression', daysAfter(day));
    const synonyms = await loadSynonymIndex(prisma);
    expect(await countEmptySearchThemes(prisma, { synonyms, now: daysAfter(6) })).toEqual({
      periodDays: 90,
      themes: [{ theme: theme.theme!.name, searches: 4, queries: 1 }],
      unanswered: { searches: 3, queries: 1 },
      unthemed: { searches: 0, queries: 0 },
    });
    // Without the synonym, « burnout » still finds nothing: it is counted as such.
    expect((await countEmptySearchThemes(prisma, { synonyms: null, now: daysAfter(6) })).unanswered).toEqual({ searches: 7, queries: 2 });
  });
});

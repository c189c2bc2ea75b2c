// Loading the items of a basket (lib/basket/query.ts) against a real PostgreSQL, seeded
// with the 2023 inventory, in a database of its own (it unpublishes entries).
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBasketItems } from '@/lib/basket/query';
import type { BasketRef } from '@/lib/basket/refs';
import type { BasketProviderDto, BasketSolutionDto } from '@/lib/basket/types';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { flattenSolutions } from '@/lib/seed/schema';
import { loadInventory, seedInventory } from '@/lib/seed/seed-inventory';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/embedded-postgres';
import { applyMigrations } from '@/scripts/lib/migrations';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `basket_test_${process.pid}_${Date.now()}`;

const inventory = loadInventory();
const seedSolution = (key: string) => inventory.needs.flatMap((need) => flattenSolutions(need.solutions)).find((solution) => solution.key === key)!;
const seedProvider = (key: string) => inventory.providers.find((provider) => provider.key === key)!;

const s = (slug: string): BasketRef => ({ kind: 'solution', slug });
const p = (slug: string): BasketRef => ({ kind: 'provider', slug });

// Logs each SQL statement as an event, to count the round trips.
function createClient(url: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: 'event', level: 'query' }] });
}

describe.skipIf(!serverUrl)('findBasketItems', () => {
  let prisma: ReturnType<typeof createClient>;
  let queries = 0;

  beforeAll(async () => {
    await ensureDatabase(serverUrl!, databaseName);
    const url = withDatabase(serverUrl!, databaseName);
    await applyMigrations(url);
    prisma = createClient(url);
    prisma.$on('query', () => {
      queries += 1;
    });
    await seedInventory(prisma);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  it('returns solutions and providers in the order of the list, with what the sheet shows', async () => {
    const { items, missing } = await findBasketItems(prisma, [p('juripop'), s('tech-accelerate'), p('nten')]);
    expect(missing).toEqual([]);
    expect(items.map((item) => `${item.kind}:${item.slug}`)).toEqual(['provider:juripop', 'solution:tech-accelerate', 'provider:nten']);

    const techAccelerate = items[1] as BasketSolutionDto;
    expect(techAccelerate).toMatchObject({
      kind: 'solution',
      name: seedSolution('tech-accelerate').title,
      description: seedSolution('tech-accelerate').description,
      cost: 'FREE',
      availability: 'EXISTING',
    });
    // Who offers it comes before partners.
    expect(techAccelerate.providers.map((provider) => [provider.slug, provider.roles])).toEqual([
      ['nten', ['OFFERS']],
      ['centre-canadien-pour-la-resilience-numerique-des-obnl', ['PARTNERS']],
    ]);
    expect(techAccelerate.providers[0]).toHaveProperty('website');
    expect(techAccelerate.needs.length).toBeGreaterThan(0);

    const juripop = items[0] as BasketProviderDto;
    expect(juripop).toMatchObject({ kind: 'provider', name: seedProvider('juripop').name, providerKind: seedProvider('juripop').kind });
    const offeredByJuripop = inventory.needs
      .flatMap((need) => flattenSolutions(need.solutions))
      .filter((solution) => solution.providers.some((link) => link.provider === 'juripop'));
    expect(juripop.offers.map((offer) => offer.slug).sort()).toEqual([...new Set(offeredByJuripop.map((solution) => solution.key))].sort());
    for (const key of ['website', 'email', 'phone', 'regions', 'description'] as const) expect(juripop).toHaveProperty(key);
  });

  it('loads any list in two queries', async () => {
    queries = 0;
    await findBasketItems(prisma, [s('tech-accelerate'), p('juripop'), s('formations-par-cohorte'), p('techsoup-canada')]);
    expect(queries).toBe(2);
    queries = 0;
    await findBasketItems(prisma, [p('juripop')]);
    expect(queries).toBe(1);
  });

  it('drops and reports references to unknown or unpublished entries', async () => {
    await prisma.provider.update({ where: { slug: 'nten' }, data: { status: 'ARCHIVED' } });
    await prisma.solution.update({ where: { slug: 'formations-par-cohorte' }, data: { status: 'DRAFT' } });
    try {
      const refs = [s('existe-pas'), p('nten'), s('tech-accelerate'), s('formations-par-cohorte'), p('juripop'), p('tech-accelerate')];
      const { items, missing } = await findBasketItems(prisma, refs);
      expect(items.map((item) => item.slug)).toEqual(['tech-accelerate', 'juripop']);
      expect(missing).toEqual([s('existe-pas'), p('nten'), s('formations-par-cohorte'), p('tech-accelerate')]);
      // An unpublished provider is no longer shown behind the solutions it offered.
      const techAccelerate = items[0] as BasketSolutionDto;
      expect(techAccelerate.providers.map((provider) => provider.slug)).not.toContain('nten');
    } finally {
      await prisma.provider.update({ where: { slug: 'nten' }, data: { status: 'PUBLISHED' } });
      await prisma.solution.update({ where: { slug: 'formations-par-cohorte' }, data: { status: 'PUBLISHED' } });
    }
  });

  it("shows a sub-point under its parent's need when it has none of its own", async () => {
    const child = await prisma.solution.findUniqueOrThrow({
      where: { slug: 'former-de-nouveaux-accompagnateurs' },
      include: { needs: true, parent: { include: { needs: { include: { need: true } } } } },
    });
    await prisma.needSolution.deleteMany({ where: { solutionId: child.id } });
    const { items } = await findBasketItems(prisma, [s('former-de-nouveaux-accompagnateurs')]);
    expect((items[0] as BasketSolutionDto).needs.map((need) => need.slug)).toEqual(child.parent!.needs.map((link) => link.need.slug).slice(0, 1));
  });

  it('answers an empty list without a query', async () => {
    queries = 0;
    expect(await findBasketItems(prisma, [])).toEqual({ items: [], missing: [] });
    expect(queries).toBe(0);
  });
});

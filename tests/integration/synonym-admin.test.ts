// Members' changes to the synonym groups, on a real PostgreSQL with the 2023 inventory and the
// starter groups: what is refused (loops, empty terms, 1,000 terms, hostile text, words the
// search ignores, a term found in nearly every entry) with a French message and nothing saved;
// what is saved, with its history in AuditLog and a version that refuses a stale form; and a
// change searched with at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { searchDirectory } from '@/lib/search/search';
import { SYNONYM_AUDIT_ACTIONS, deleteSynonymGroup, listSynonymGroupHistory, listSynonymGroups, saveSynonymGroup } from '@/lib/synonyms/admin';
import { checkSynonymGroup, findLoop } from '@/lib/synonyms/check';
import { loadSynonymIndex } from '@/lib/synonyms/load';
import { synonymGroupSchema, type SynonymGroupInput } from '@/lib/synonyms/schema';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `synonym_admin_test_${process.pid}_${Date.now()}`;
const actor = { actorId: null, ip: '203.0.113.5' };

type Raw = { terms: string[]; oneWay?: boolean; expandsTo?: string[]; note?: string };
const parse = (raw: Raw) => synonymGroupSchema.safeParse({ oneWay: false, expandsTo: [], note: '', ...raw });
const group = (raw: Raw): SynonymGroupInput => {
  const parsed = parse(raw);
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
};
const messagesOf = (raw: Raw): string[] => {
  const parsed = parse(raw);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe.skipIf(!serverUrl)('groupes de synonymes modifiés par les membres', () => {
  let prisma: PrismaClient;
  const count = () => prisma.synonymGroup.count();

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  describe('refusé par le schéma, en français', () => {
    it('des termes vides', () => {
      expect(messagesOf({ terms: [] })).toEqual(['Un groupe dans les deux sens compte au moins deux termes.']);
      expect(messagesOf({ terms: ['ordi', '   '] })).toContain('Un terme est vide.');
      expect(messagesOf({ terms: ['ordi'], oneWay: true })).toContain('Indiquez au moins un terme que la recherche doit trouver aussi.');
    });

    it('1 000 termes', () => {
      const terms = Array.from({ length: 1000 }, (_, index) => `terme ${index}`);
      const messages = messagesOf({ terms });
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/^Termes : 40 au plus \(il y en a 1\s000\)\. Séparez-les en plusieurs groupes\.$/u);
    });

    it('du texte hostile', () => {
      expect(messagesOf({ terms: ['<script>alert(1)</script>', 'ordi'] })[0]).toMatch(/contient des caractères non permis \(< > \( \)\)/);
      expect(messagesOf({ terms: ["ordi' | !x", 'portable'] })[0]).toMatch(/non permis/);
      expect(messagesOf({ terms: ['ordi\u202e', 'portable'] })[0]).toMatch(/un caractère invisible/);
      expect(messagesOf({ terms: ['...', 'portable'] })).toEqual(['«\u00a0...\u00a0» ne contient ni lettre ni chiffre.']);
    });

    it('un terme qui mène à lui-même', () => {
      expect(messagesOf({ terms: ['ordi'], oneWay: true, expandsTo: ['Ordi'] })).toEqual(['«\u00a0Ordi\u00a0» mène à lui-même : retirez-le d’une des deux listes.']);
    });
  });

  describe('refusé après lecture de la base, rien d’enregistré', () => {
    it('des mots que la recherche ignore', async () => {
      const before = await count();
      const result = await saveSynonymGroup(prisma, { id: null, version: null, group: group({ terms: ['de la', 'ordi'] }) }, actor);
      expect(result).toMatchObject({ ok: false, errors: { terms: [expect.stringContaining('que des mots que la recherche ignore')] } });
      expect(await count()).toBe(before);
    });

    it('une boucle à travers d’autres groupes', async () => {
      const first = await saveSynonymGroup(prisma, { id: null, version: null, group: group({ terms: ['zorglub'], oneWay: true, expandsTo: ['bidule'] }) }, actor);
      expect(first.ok).toBe(true);
      const second = await saveSynonymGroup(prisma, { id: null, version: null, group: group({ terms: ['bidule'], oneWay: true, expandsTo: ['machin'] }) }, actor);
      expect(second.ok).toBe(true);
      const before = await count();
      const loop = await saveSynonymGroup(prisma, { id: null, version: null, group: group({ terms: ['Machin'], oneWay: true, expandsTo: ['Zorglub'] }) }, actor);
      expect(loop).toMatchObject({ ok: false, errors: { expandsTo: ['Ce groupe ferait une boucle avec d’autres groupes : Machin → Zorglub → bidule → machin. Retirez un des termes de la boucle.'] } });
      expect(await count()).toBe(before);
    });

    it('aucun groupe de départ ne fait de boucle', async () => {
      const groups = await prisma.synonymGroup.findMany({ where: { oneWay: true, seedKey: { not: null } }, select: { id: true, terms: true, expandsTo: true } });
      const loops = groups.flatMap((one) => findLoop(one, groups.filter((other) => other.id !== one.id)) ?? []);
      expect(loops).toEqual([]);
    });

    it('un terme présent dans presque toutes les fiches', async () => {
      const before = await count();
      const result = await saveSynonymGroup(prisma, { id: null, version: null, group: group({ terms: ['numérique', 'ordi'] }) }, actor);
      expect(result).toMatchObject({ ok: false, errors: { terms: [expect.stringMatching(/^«\u00a0numérique\u00a0» se trouve dans \d+ fiches sur \d+ : trop général/)] } });
      expect(await count()).toBe(before);
      // One way, only what is searched counts: « numérique » may lead to something precise.
      expect(await checkSynonymGroup(prisma, group({ terms: ['numérique'], oneWay: true, expandsTo: ['OBNL'] }))).toEqual({});
      expect(await checkSynonymGroup(prisma, group({ terms: ['techno'], oneWay: true, expandsTo: ['numérique'] }))).toMatchObject({ expandsTo: [expect.stringContaining('trop général')] });
    });

    it('les groupes de départ passent tous ces contrôles (aucun n’est trop général)', async () => {
      const groups = await prisma.synonymGroup.findMany({ select: { id: true, terms: true, oneWay: true, expandsTo: true, note: true } });
      const refused: string[] = [];
      for (const one of groups) {
        const errors = await checkSynonymGroup(prisma, group(one), one.id);
        if (Object.keys(errors).length > 0) refused.push(`${one.terms[0]}: ${JSON.stringify(errors)}`);
      }
      expect(refused).toEqual([]);
    });
  });

  it('enregistre, garde l’historique, refuse une version périmée, supprime, et la recherche s’en sert aussitôt', async () => {
    const searchSlugs = async (query: string) => {
      const results = await searchDirectory(prisma, query, { synonyms: await loadSynonymIndex(prisma) });
      return results.providers.map((hit) => hit.slug);
    };
    expect(await searchSlugs('zigouigoui')).toEqual([]);

    const created = await saveSynonymGroup(prisma, { id: null, version: null, group: group({ terms: ['zigouigoui'], oneWay: true, expandsTo: ['Insertech'] }) }, actor);
    if (!created.ok) throw new Error(created.message);
    expect(await searchSlugs('zigouigoui')).toContain('insertech');

    const updated = await saveSynonymGroup(prisma, { id: created.id, version: 1, group: group({ terms: ['zigouigoui'], oneWay: true, expandsTo: ['OPEQ'] }) }, actor);
    expect(updated.ok).toBe(true);
    const stale = await saveSynonymGroup(prisma, { id: created.id, version: 1, group: group({ terms: ['autre chose', 'zigouigoui'] }) }, actor);
    expect(stale).toMatchObject({ ok: false, conflict: true });
    expect((await prisma.synonymGroup.findUniqueOrThrow({ where: { id: created.id } })).expandsTo).toEqual(['OPEQ']);

    expect((await listSynonymGroups(prisma, { filter: 'ZIGOUIGOUÏ' })).groups.map((one) => one.id)).toEqual([created.id]);
    expect(await deleteSynonymGroup(prisma, { id: created.id, version: 1 }, actor)).toBe(false);
    expect(await deleteSynonymGroup(prisma, { id: created.id, version: 2 }, actor)).toBe(true);
    expect(await searchSlugs('zigouigoui')).toEqual([]);

    const history = await prisma.auditLog.findMany({ where: { entityType: 'SynonymGroup', entityId: created.id }, orderBy: { createdAt: 'asc' } });
    expect(history.map((entry) => entry.action)).toEqual([SYNONYM_AUDIT_ACTIONS.create, SYNONYM_AUDIT_ACTIONS.update, SYNONYM_AUDIT_ACTIONS.delete]);
    expect(history[1]).toMatchObject({ before: { expandsTo: ['Insertech'] }, after: { expandsTo: ['OPEQ'] }, ip: '203.0.113.5' });
    expect((await listSynonymGroupHistory(prisma, created.id)).map((entry) => entry.action)[0]).toBe(SYNONYM_AUDIT_ACTIONS.delete);
  });
});

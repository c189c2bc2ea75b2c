// The admin write layer against the real (vitest) database: creation with unique slugs,
// updates with optimistic concurrency, history records, restore, archive/delete, and
// hostile input stored inert.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveNeed } from '@/lib/data/admin/needs';
import { saveProvider } from '@/lib/data/admin/providers';
import { removeEntry } from '@/lib/data/admin/remove';
import { findDeletion, planRestore, recreateEntry, restoreEntry } from '@/lib/data/admin/restore';
import { saveSolution } from '@/lib/data/admin/solutions';
import { saveTheme } from '@/lib/data/admin/themes';
import { listEntryHistory } from '@/lib/data/admin/history';
import { diffSnapshots } from '@/lib/history/diff';
import type { NeedSnapshot, SolutionSnapshot } from '@/lib/history/snapshot';
import { parseNeedForm, type NeedInput } from '@/lib/validation/need';
import { parseProviderForm, type ProviderInput } from '@/lib/validation/provider';
import { parseSolutionForm, type SolutionInput } from '@/lib/validation/solution';
import { clearEntryAndMemberTables, clearMemberTables, createMember, createTestClient, databaseUrl, type TestMember } from './helpers/members';

function needInput(overrides: Partial<NeedInput> = {}): NeedInput {
  return {
    title: 'Besoin de test',
    kind: 'NEED',
    description: 'Une description assez longue pour les tests.',
    note: '',
    themeId: null,
    position: null,
    status: 'DRAFT',
    toVerify: false,
    verifyNote: '',
    solutions: [],
    addSolutionSlugs: [],
    links: [],
    addLinkSlugs: [],
    ...overrides,
  };
}

const providerInput: ProviderInput = {
  name: 'Fournisseur', alternateName: '', kind: 'ORGANIZATION', description: '', website: '', email: '', phone: '',
  streetAddress: '', municipality: '', postalCode: '', isStreetPublic: false,
  regions: [], audiences: [], cost: 'FREE', formats: [], languages: [], status: 'DRAFT', toVerify: false, verifyNote: '', contactEmail: '', contactSource: '',
};

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

describe.skipIf(!databaseUrl)('admin entry writes', () => {
  const prisma = createTestClient();
  let member: TestMember;
  let other: TestMember;
  const as = (who: TestMember) => ({ actorId: who.id, ip: '203.0.113.9' });

  beforeAll(async () => {
    await clearMemberTables(prisma);
  });
  beforeEach(async () => {
    await clearEntryAndMemberTables(prisma);
    member = await createMember(prisma, { role: 'EDITOR' });
    other = await createMember(prisma, { role: 'EDITOR' });
  });
  afterAll(async () => {
    await prisma.auditLog.deleteMany();
    await prisma.$disconnect();
  });

  it('creates needs with unique slugs and records the creation', async () => {
    const first = await saveNeed(prisma, { input: needInput({ title: 'Éducation d’œuvre : le numérique!' }) }, as(member));
    const second = await saveNeed(prisma, { input: needInput({ title: 'Éducation d’œuvre — le numérique' }) }, as(member));
    const third = await saveNeed(prisma, { input: needInput({ title: 'Éducation d’œuvre le numérique' }) }, as(member));
    expect(first).toMatchObject({ ok: true, slug: 'education-d-oeuvre-le-numerique', version: 1, verb: 'create' });
    expect(second).toMatchObject({ ok: true, slug: 'education-d-oeuvre-le-numerique-2' });
    expect(third).toMatchObject({ ok: true, slug: 'education-d-oeuvre-le-numerique-3' });
    const history = await prisma.auditLog.findMany({ where: { entityType: 'Need' } });
    expect(history).toHaveLength(3);
    expect(history[0]).toMatchObject({ action: 'need.create', actorId: member.id, before: null });
    expect((history[0]!.after as NeedSnapshot).title).toMatch(/^Éducation/);
  });

  it('updates with the right version, refuses a stale one and keeps the saved row', async () => {
    const created = await saveNeed(prisma, { input: needInput() }, as(member));
    if (!created.ok) throw new Error('create failed');
    const updated = await saveNeed(prisma, { id: created.id, version: 1, input: needInput({ title: 'Titre de A', status: 'PUBLISHED' }) }, as(member));
    expect(updated).toMatchObject({ ok: true, version: 2, verb: 'publish' });

    const stale = await saveNeed(prisma, { id: created.id, version: 1, input: needInput({ title: 'Titre de B' }) }, as(other));
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.reason !== 'conflict') throw new Error('expected a conflict');
    expect(stale.current).toMatchObject({ title: 'Titre de A', version: 2 });
    expect(stale.lastChange?.actorName).toMatch(/^Membre/);
    expect(await prisma.need.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ title: 'Titre de A', version: 2 });
    expect(await prisma.auditLog.count({ where: { entityId: created.id } })).toBe(2);
  });

  it('lets exactly one of two simultaneous saves of the same version through', async () => {
    const created = await saveNeed(prisma, { input: needInput() }, as(member));
    if (!created.ok) throw new Error('create failed');
    const results = await Promise.all([
      saveNeed(prisma, { id: created.id, version: 1, input: needInput({ title: 'Première' }) }, as(member)),
      saveNeed(prisma, { id: created.id, version: 1, input: needInput({ title: 'Seconde' }) }, as(other)),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === 'conflict')).toHaveLength(1);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: created.id } })).version).toBe(2);
  });

  it('marks as verified, links solutions and needs, and records a readable diff', async () => {
    const solution = await saveSolution(
      prisma,
      {
        input: {
          title: 'Clinique juridique', description: 'Aide.', availability: 'EXISTING', kinds: ['LEGAL'], cost: 'FREE', inferredFields: [], parentId: null,
          status: 'PUBLISHED', toVerify: false, verifyNote: '', needIds: [], addNeedSlugs: [], providers: [], addProviderSlugs: [],
        },
      },
      as(member),
    );
    const neighbour = await saveNeed(prisma, { input: needInput({ title: 'Voisin' }) }, as(member));
    const created = await saveNeed(prisma, { input: needInput({ toVerify: true }) }, as(member));
    if (!solution.ok || !neighbour.ok || !created.ok) throw new Error('setup failed');
    const verified = await saveNeed(
      prisma,
      {
        id: created.id,
        version: 1,
        isVerify: true,
        input: needInput({ toVerify: true, description: 'Une description plus longue pour les tests.', addSolutionSlugs: ['clinique-juridique'], links: [{ id: neighbour.id, note: 'voir aussi' }] }),
      },
      as(member),
    );
    expect(verified).toMatchObject({ ok: true, verb: 'verify' });
    const row = await prisma.need.findUniqueOrThrow({ where: { id: created.id }, include: { solutions: true, linksFrom: true } });
    expect(row.toVerify).toBe(false);
    expect(row.verifiedAt).not.toBeNull();
    expect(row.solutions.map((link) => link.solutionId)).toEqual([solution.id]);
    expect(row.linksFrom).toMatchObject([{ toId: neighbour.id, note: 'voir aussi' }]);

    const { records } = await listEntryHistory(prisma, 'Need', created.id);
    const changes = diffSnapshots('Need', records[0]!.before as never, records[0]!.after as never);
    expect(changes.map((change) => change.label)).toEqual(expect.arrayContaining(['Description', 'Solutions', 'Besoins liés', 'Vérifié le', 'À vérifier']));
    const description = changes.find((change) => change.field === 'description')!;
    expect(description.parts?.filter((part) => part.change === 'added').map((part) => part.value.trim())).toEqual(['plus']);
    expect(changes.find((change) => change.field === 'solutions')?.added).toEqual(['Clinique juridique (ordre 10)']);

    const badSlug = await saveNeed(prisma, { id: created.id, version: 2, input: needInput({ addSolutionSlugs: ['nexiste-pas'] }) }, as(member));
    expect(badSlug).toMatchObject({ ok: false, reason: 'invalid', errors: { addSolutionSlugs: [expect.stringContaining('nexiste-pas')] } });
  });

  it('restores an older version through the version check, skipping links to deleted entries', async () => {
    const solution = await saveSolution(
      prisma,
      {
        input: {
          title: 'Solution éphémère', description: 'Aide.', availability: 'PROPOSED', kinds: [], cost: 'UNKNOWN', inferredFields: [], parentId: null,
          status: 'PUBLISHED', toVerify: false, verifyNote: '', needIds: [], addNeedSlugs: [], providers: [], addProviderSlugs: [],
        },
      },
      as(member),
    );
    if (!solution.ok) throw new Error('setup failed');
    const created = await saveNeed(prisma, { input: needInput({ title: 'Original', solutions: [{ id: solution.id, position: 1 }] }) }, as(member));
    if (!created.ok) throw new Error('create failed');
    await saveNeed(prisma, { id: created.id, version: 1, input: needInput({ title: 'Changé' }) }, as(other));
    // Linking the need to the solution, then unlinking it, changed the solution twice.
    expect(await removeEntry(prisma, 'Solution', solution.id, 3, 'delete', as(member))).toMatchObject({ ok: true });
    const createRecord = await prisma.auditLog.findFirstOrThrow({ where: { entityId: created.id, action: 'need.create' } });

    const plan = await planRestore(prisma, 'Need', created.id, createRecord.id);
    expect(plan?.skipped).toEqual(['la solution « Solution éphémère »']);

    const stale = await restoreEntry(prisma, 'Need', created.id, createRecord.id, 1, as(member));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });

    const restored = await restoreEntry(prisma, 'Need', created.id, createRecord.id, 2, as(member));
    expect(restored).toMatchObject({ ok: true, verb: 'restore', version: 3, skipped: ['la solution « Solution éphémère »'] });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ title: 'Original', version: 3 });
    const last = await prisma.auditLog.findFirstOrThrow({ where: { entityId: created.id }, orderBy: { createdAt: 'desc' } });
    expect(last).toMatchObject({ action: 'need.restore', actorId: member.id });
  });

  it('archives and deletes with a history record, after a version check', async () => {
    const theme = await saveTheme(prisma, { input: { name: 'Thème', description: '', position: null, status: 'PUBLISHED' } }, as(member));
    if (!theme.ok) throw new Error('setup failed');
    const created = await saveNeed(prisma, { input: needInput({ themeId: theme.id, status: 'PUBLISHED' }) }, as(member));
    if (!created.ok) throw new Error('create failed');
    expect(await removeEntry(prisma, 'Need', created.id, 5, 'archive', as(member))).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await removeEntry(prisma, 'Need', created.id, 1, 'archive', as(member))).toMatchObject({ ok: true, verb: 'archive' });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('ARCHIVED');
    expect(await removeEntry(prisma, 'Theme', theme.id, 1, 'delete', as(member))).toMatchObject({ ok: true });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: created.id } })).themeId).toBeNull();
    const deletion = await prisma.auditLog.findFirstOrThrow({ where: { entityId: theme.id, action: 'theme.delete' } });
    expect(deletion.after).toBeNull();
    expect(deletion.before).toMatchObject({ name: 'Thème' });
  });

  const solutionInput = (overrides: Partial<SolutionInput> = {}): SolutionInput => ({
    title: 'Solution liée', description: 'Aide.', availability: 'EXISTING', kinds: [], cost: 'FREE', inferredFields: [], parentId: null,
    status: 'DRAFT', toVerify: false, verifyNote: '', needIds: [], addNeedSlugs: [], providers: [], addProviderSlugs: [],
    ...overrides,
  });
  const ok = <T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> => {
    if (!outcome.ok) throw new Error(`write refused: ${JSON.stringify(outcome)}`);
    return outcome as Extract<T, { ok: true }>;
  };

  it('recreates a deleted need with the same id, as a draft, with the links that still exist', async () => {
    const theme = ok(await saveTheme(prisma, { input: { name: 'Thème gardé', description: '', position: null, status: 'PUBLISHED' } }, as(member)));
    const kept = ok(await saveSolution(prisma, { input: solutionInput({ title: 'Solution gardée' }) }, as(member)));
    const gone = ok(await saveSolution(prisma, { input: solutionInput({ title: 'Solution partie' }) }, as(member)));
    const neighbour = ok(await saveNeed(prisma, { input: needInput({ title: 'Besoin voisin' }) }, as(member)));
    const need = ok(
      await saveNeed(
        prisma,
        {
          input: needInput({
            title: 'Besoin à recréer', status: 'PUBLISHED', themeId: theme.id,
            solutions: [{ id: kept.id, position: 7 }, { id: gone.id, position: 9 }], links: [{ id: neighbour.id, note: 'voir aussi' }],
          }),
        },
        as(member),
      ),
    );
    ok(await saveNeed(prisma, { id: need.id, version: 1, input: needInput({ title: 'Besoin à recréer', status: 'PUBLISHED', themeId: theme.id, solutions: [{ id: kept.id, position: 7 }, { id: gone.id, position: 9 }], links: [{ id: neighbour.id, note: 'voir aussi' }], description: 'Deuxième version du texte.' }) }, as(member)));
    expect(await removeEntry(prisma, 'Need', need.id, 2, 'delete', as(member))).toMatchObject({ ok: true });
    const keptVersion = (await prisma.solution.findUniqueOrThrow({ where: { id: kept.id } })).version;
    // The slug is taken meanwhile by a new need: the recreated one gets a variant.
    ok(await saveNeed(prisma, { input: needInput({ title: 'Besoin à recréer' }) }, as(other)));
    expect(await removeEntry(prisma, 'Solution', gone.id, (await prisma.solution.findUniqueOrThrow({ where: { id: gone.id } })).version, 'delete', as(member))).toMatchObject({ ok: true });

    const deletion = (await findDeletion(prisma, 'Need', need.id))!;
    expect(deletion).toBeTruthy();
    const recreated = await recreateEntry(prisma, 'Need', need.id, deletion.id, 'before', as(other));
    expect(recreated).toMatchObject({ ok: true, id: need.id, slug: 'besoin-a-recreer-2', version: 3, verb: 'restore', skipped: ['la solution « Solution partie »'] });
    const row = await prisma.need.findUniqueOrThrow({
      where: { id: need.id },
      include: { solutions: true, linksFrom: true },
    });
    expect(row).toMatchObject({ status: 'DRAFT', themeId: theme.id, description: 'Deuxième version du texte.', version: 3 });
    expect(row.solutions.map((link) => [link.solutionId, link.position])).toEqual([[kept.id, 7]]);
    expect(row.linksFrom.map((link) => [link.toId, link.note])).toEqual([[neighbour.id, 'voir aussi']]);

    // The solution on the other side got its need back: bumped and recorded.
    const keptAfter = await prisma.solution.findUniqueOrThrow({ where: { id: kept.id } });
    expect(keptAfter.version).toBe(keptVersion + 1);
    const keptHistory = await listEntryHistory(prisma, 'Solution', kept.id);
    expect((keptHistory.records[0]!.after as SolutionSnapshot).needs.map((link) => link.id)).toContain(need.id);

    const history = await listEntryHistory(prisma, 'Need', need.id);
    expect(history.records.map((record) => record.action)).toEqual(['need.restore', 'need.delete', 'need.update', 'need.create']);
    expect(history.records[0]!.before).toBeNull();
    expect(history.records[0]!.after).toMatchObject({ status: 'DRAFT', version: 3 });
    const versions = history.records.map((record) => (record.after ?? record.before)!.version).reverse();
    expect(versions).toEqual([1, 2, 2, 3]);

    // A second recreation is refused: the id exists again.
    expect(await recreateEntry(prisma, 'Need', need.id, deletion.id, 'before', as(member))).toEqual({ ok: false, reason: 'exists' });
    // An earlier version can also be the source, once the entry is deleted again.
    expect(await removeEntry(prisma, 'Need', need.id, 3, 'delete', as(member))).toMatchObject({ ok: true });
    const creation = history.records.find((record) => record.action === 'need.create')!;
    const fromFirst = await recreateEntry(prisma, 'Need', need.id, creation.id, 'after', as(member));
    expect(fromFirst).toMatchObject({ ok: true, version: 4, slug: 'besoin-a-recreer-2' });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).description).toBe('Une description assez longue pour les tests.');
  });

  it('crossed saves linking the same pair from both sides end saved or in conflict, never in an error', async () => {
    // Each save locks its own row, then the other side's: run together they can deadlock, and
    // PostgreSQL cancels one. The cancelled one must come back as a conflict, not a crash.
    for (let round = 0; round < 8; round += 1) {
      const solution = ok(await saveSolution(prisma, { input: solutionInput({ title: `Croisée ${round}` }) }, as(member)));
      const need = ok(await saveNeed(prisma, { input: needInput({ title: `Croisé ${round}` }) }, as(member)));
      const results = await Promise.all([
        saveNeed(prisma, { id: need.id, version: 1, input: needInput({ title: `Croisé ${round}`, solutions: [{ id: solution.id, position: 1 }] }) }, as(member)),
        saveSolution(prisma, { id: solution.id, version: 1, input: solutionInput({ title: `Croisée ${round}`, needIds: [need.id] }) }, as(other)),
      ]);
      expect(results.some((result) => result.ok)).toBe(true);
      for (const result of results) expect(result.ok || result.reason === 'conflict').toBe(true);
      expect(await prisma.needSolution.count({ where: { needId: need.id, solutionId: solution.id } })).toBe(1);
    }
  });

  it('a link made from a need changes the solution: its stale form is refused instead of dropping the link', async () => {
    const solution = ok(await saveSolution(prisma, { input: solutionInput() }, as(member)));
    const need = ok(await saveNeed(prisma, { input: needInput() }, as(member)));
    // Member A opens the solution (version 1); member B links the need to it from the need's form.
    ok(await saveNeed(prisma, { id: need.id, version: 1, input: needInput({ solutions: [{ id: solution.id, position: 1 }] }) }, as(other)));
    expect((await prisma.solution.findUniqueOrThrow({ where: { id: solution.id } })).version).toBe(2);
    const record = await prisma.auditLog.findFirstOrThrow({ where: { entityId: solution.id, action: 'solution.update' } });
    expect(record.actorId).toBe(other.id);
    expect((record.before as SolutionSnapshot).needs).toEqual([]);
    expect((record.after as SolutionSnapshot).needs).toEqual([{ id: need.id, label: 'Besoin de test' }]);

    // A saves the solution from the form opened before: refused, the link stays.
    const stale = await saveSolution(prisma, { id: solution.id, version: 1, input: solutionInput({ title: 'Titre de A' }) }, as(member));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await prisma.needSolution.count({ where: { needId: need.id, solutionId: solution.id } })).toBe(1);

    // The other way round: unlinking from the solution's form changes the need.
    ok(await saveSolution(prisma, { id: solution.id, version: 2, input: solutionInput({ needIds: [] }) }, as(member)));
    expect(await prisma.needSolution.count()).toBe(0);
    const needRow = await prisma.need.findUniqueOrThrow({ where: { id: need.id } });
    expect(needRow.version).toBe(3);
    const needRecords = await prisma.auditLog.findMany({ where: { entityId: need.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    expect(needRecords.map((row) => row.action)).toEqual(['need.create', 'need.update', 'need.update']);
    expect((needRecords[2]!.after as NeedSnapshot).solutions).toEqual([]);
    const staleNeed = await saveNeed(prisma, { id: need.id, version: 2, input: needInput({ solutions: [{ id: solution.id, position: 1 }] }) }, as(other));
    expect(staleNeed).toMatchObject({ ok: false, reason: 'conflict' });

    // A save that keeps the same links leaves the other side alone.
    ok(await saveNeed(prisma, { id: need.id, version: 3, input: needInput({ title: 'Renommé' }) }, as(other)));
    expect((await prisma.solution.findUniqueOrThrow({ where: { id: solution.id } })).version).toBe(3);
  });

  it('a need-to-need link belongs to the need it starts from only', async () => {
    const from = ok(await saveNeed(prisma, { input: needInput({ title: 'Départ' }) }, as(member)));
    const to = ok(await saveNeed(prisma, { input: needInput({ title: 'Arrivée' }) }, as(member)));
    ok(await saveNeed(prisma, { id: from.id, version: 1, input: needInput({ title: 'Départ', links: [{ id: to.id, note: '' }] }) }, as(member)));
    // The target's snapshot lists outgoing links only: saving it from a form opened before keeps the link.
    ok(await saveNeed(prisma, { id: to.id, version: 1, input: needInput({ title: 'Arrivée modifiée' }) }, as(other)));
    expect(await prisma.needLink.count({ where: { fromId: from.id, toId: to.id } })).toBe(1);
  });

  it('a deletion records and bumps every entry it changes', async () => {
    const theme = ok(await saveTheme(prisma, { input: { name: 'Thème supprimé', description: '', position: null, status: 'PUBLISHED' } }, as(member)));
    const provider = ok(await saveProvider(prisma, { input: { ...providerInput, name: 'Fournisseur supprimé' } }, as(member)));
    const parent = ok(await saveSolution(prisma, { input: solutionInput({ title: 'Parente', providers: [{ id: provider.id, role: 'OFFERS', isRoleInferred: false }] }) }, as(member)));
    const child = ok(await saveSolution(prisma, { input: solutionInput({ title: 'Enfant', parentId: parent.id }) }, as(member)));
    const target = ok(await saveNeed(prisma, { input: needInput({ title: 'Cible' }) }, as(member)));
    const need = ok(
      await saveNeed(
        prisma,
        { input: needInput({ title: 'Touché', themeId: theme.id, solutions: [{ id: parent.id, position: 1 }], links: [{ id: target.id, note: 'voir' }] }) },
        as(member),
      ),
    );
    const versions = async () => ({
      need: (await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).version,
      parent: (await prisma.solution.findUnique({ where: { id: parent.id } }))?.version,
      child: (await prisma.solution.findUniqueOrThrow({ where: { id: child.id } })).version,
    });
    const lastRecord = async (entityId: string) =>
      prisma.auditLog.findFirstOrThrow({ where: { entityId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    const start = await versions();

    ok(await removeEntry(prisma, 'Provider', provider.id, 1, 'delete', as(other)));
    expect((await versions()).parent).toBe(start.parent! + 1);
    const providerRecord = await lastRecord(parent.id);
    expect(providerRecord).toMatchObject({ action: 'solution.update', actorId: other.id });
    expect((providerRecord.before as SolutionSnapshot).providers).toHaveLength(1);
    expect((providerRecord.after as SolutionSnapshot).providers).toEqual([]);

    ok(await removeEntry(prisma, 'Theme', theme.id, 1, 'delete', as(other)));
    expect((await versions()).need).toBe(start.need + 1);
    expect(((await lastRecord(need.id)).after as NeedSnapshot).theme).toBeNull();

    const parentVersion = (await versions()).parent!;
    ok(await removeEntry(prisma, 'Solution', parent.id, parentVersion, 'delete', as(other)));
    const afterSolution = await versions();
    expect(afterSolution).toEqual({ need: start.need + 2, parent: undefined, child: start.child + 1 });
    expect(((await lastRecord(need.id)).after as NeedSnapshot).solutions).toEqual([]);
    const childRecord = await lastRecord(child.id);
    expect(childRecord.action).toBe('solution.update');
    expect((childRecord.before as SolutionSnapshot).parent).toMatchObject({ id: parent.id });
    expect((childRecord.after as SolutionSnapshot).parent).toBeNull();

    // Deleting a need changes the needs that link to it (not those it links to).
    ok(await removeEntry(prisma, 'Need', target.id, 1, 'delete', as(other)));
    expect((await versions()).need).toBe(start.need + 3);
    expect(((await lastRecord(need.id)).after as NeedSnapshot).links).toEqual([]);
    // A form opened on the need before any of this is refused.
    expect(await saveNeed(prisma, { id: need.id, version: start.need, input: needInput({ title: 'Touché' }) }, as(member))).toMatchObject({ ok: false, reason: 'conflict' });

    // Deleting a need changes its solutions.
    const solution = ok(await saveSolution(prisma, { input: solutionInput({ title: 'Reste', needIds: [need.id] }) }, as(member)));
    const needVersion = (await versions()).need;
    ok(await removeEntry(prisma, 'Need', need.id, needVersion, 'delete', as(other)));
    expect((await prisma.solution.findUniqueOrThrow({ where: { id: solution.id } })).version).toBe(2);
    expect(((await lastRecord(solution.id)).after as SolutionSnapshot).needs).toEqual([]);
  });

  it('stores hostile text inert and refuses oversized or control characters', async () => {
    const hostile = `<script>alert(1)</script>'; DROP TABLE "Need"; --`;
    const created = await saveNeed(prisma, { input: needInput({ title: hostile, description: `<img src=x onerror=alert(1)>` }) }, as(member));
    expect(created).toMatchObject({ ok: true, slug: 'script-alert-1-script-drop-table-need' });
    if (!created.ok) return;
    expect((await prisma.need.findUniqueOrThrow({ where: { id: created.id } })).title).toBe(hostile);
    expect(await prisma.need.count()).toBe(1);

    const tooLong = parseNeedForm(form({ title: 'T', kind: 'NEED', description: 'x'.repeat(20_001), status: 'DRAFT', position: '' }));
    expect(tooLong.success).toBe(false);
    if (!tooLong.success) expect(tooLong.errors.description?.[0]).toContain('trop long');
    const control = parseNeedForm(form({ title: 'Titre\u0000', kind: 'NEED', description: 'ok', status: 'BOGUS' }));
    expect(control.success).toBe(false);
    if (!control.success) expect(Object.keys(control.errors).sort()).toEqual(['status', 'title']);
    const multiLine = parseNeedForm(form({ title: 'Titre', kind: 'NEED', description: 'ligne 1\nligne 2', status: 'DRAFT', solutionId: ['pas un id'] }));
    expect(multiLine.success).toBe(false);
  });

  it('saves a solution to confirm, with inferred values and roles, and keeps them through a save and a restore', async () => {
    const lastRecord = async (entityId: string) =>
      prisma.auditLog.findFirstOrThrow({ where: { entityId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    const funder = ok(await saveProvider(prisma, { input: { ...providerInput, name: 'Programme' } }, as(member)));
    const offerer = ok(await saveProvider(prisma, { input: { ...providerInput, name: 'Organisme' } }, as(member)));
    const bad = parseSolutionForm(form({ title: 'S', description: 'D', availability: 'PEUT-ETRE', cost: 'UNKNOWN', status: 'DRAFT', inferredFields: 'TITLE' }));
    expect(bad.success).toBe(false);
    if (!bad.success) expect(Object.keys(bad.errors).sort()).toEqual(['availability', 'inferredFields']);

    const parsed = parseSolutionForm(
      form({
        title: 'Conseils possibles', description: 'Potentiellement couvert par un programme.', availability: 'UNCONFIRMED',
        kinds: ['LEGAL'], cost: 'SUBSIDIZED', inferredFields: ['KINDS', 'COST'], status: 'PUBLISHED',
        toVerify: 'on', verifyNote: 'Existence à confirmer.',
        providerLink: [`${funder.id}:FUNDS`, `${offerer.id}:APPROACHED`],
        // Marks a link the form no longer keeps: ignored.
        inferredLink: [`${funder.id}:FUNDS`, `${offerer.id}:OFFERS`],
      }),
    );
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.providers).toEqual([
      { id: funder.id, role: 'FUNDS', isRoleInferred: true },
      { id: offerer.id, role: 'APPROACHED', isRoleInferred: false },
    ]);
    const saved = ok(await saveSolution(prisma, { input: parsed.data }, as(member)));
    const row = await prisma.solution.findUniqueOrThrow({ where: { id: saved.id }, include: { providers: true } });
    expect(row).toMatchObject({ availability: 'UNCONFIRMED', inferredFields: ['KINDS', 'COST'] });
    expect(row.providers.map((link) => [link.role, link.isRoleInferred]).sort()).toEqual([['APPROACHED', false], ['FUNDS', true]]);
    const created = await lastRecord(saved.id);
    expect((created.after as SolutionSnapshot).providers.find((link) => link.role === 'FUNDS')).toMatchObject({ isRoleInferred: true });

    // A person settles the cost and the role: the marks go, the history shows it, a restore brings them back.
    const edited = ok(
      await saveSolution(
        prisma,
        { id: saved.id, version: saved.version, input: { ...parsed.data, inferredFields: ['KINDS'], providers: parsed.data.providers.map((link) => ({ ...link, isRoleInferred: false })) } },
        as(member),
      ),
    );
    const update = await lastRecord(saved.id);
    const diff = diffSnapshots('Solution', update.before as SolutionSnapshot, update.after as SolutionSnapshot);
    expect(diff.map((change) => change.label)).toEqual(expect.arrayContaining(['Valeurs déduites par l’équipe', 'Fournisseurs']));
    expect(JSON.stringify(diff)).toContain('Programme (finance, déduit par l’équipe)');
    expect((await prisma.solutionProvider.findMany({ where: { solutionId: saved.id, isRoleInferred: true } })).length).toBe(0);

    expect((await planRestore(prisma, 'Solution', saved.id, created.id))?.skipped).toEqual([]);
    ok(await restoreEntry(prisma, 'Solution', saved.id, created.id, edited.version, as(other)));
    const restored = await prisma.solution.findUniqueOrThrow({ where: { id: saved.id }, include: { providers: true } });
    expect(restored.inferredFields).toEqual(['KINDS', 'COST']);
    expect(restored.providers.find((link) => link.role === 'FUNDS')?.isRoleInferred).toBe(true);
  });

  it('validates provider contact formats and saves lists', async () => {
    const bad = parseProviderForm(form({ name: 'Org', kind: 'ORGANIZATION', cost: 'FREE', status: 'DRAFT', website: 'pas une adresse', email: 'pas-un-courriel', phone: '123', regions: 'NOWHERE' }));
    expect(bad.success).toBe(false);
    if (!bad.success) expect(Object.keys(bad.errors).sort()).toEqual(['email', 'phone', 'regions', 'website']);
    const good = parseProviderForm(
      form({ name: 'Org', kind: 'PROGRAM', cost: 'FREE', status: 'PUBLISHED', website: 'organisme.org', email: 'Info@Organisme.org', phone: '514 555-1234 poste 12', regions: ['MONTREAL', 'LAVAL'], languages: 'fr', otherLanguages: 'EN, es' }),
    );
    expect(good.success).toBe(true);
    if (!good.success) return;
    expect(good.data).toMatchObject({ website: 'https://organisme.org', email: 'info@organisme.org', languages: ['fr', 'en', 'es'] });
    const saved = await saveProvider(prisma, { input: good.data }, as(member));
    expect(saved).toMatchObject({ ok: true, slug: 'org', verb: 'create' });
    const again = await saveProvider(prisma, { input: good.data }, as(member));
    expect(again).toMatchObject({ ok: true, slug: 'org-2' });
  });
});

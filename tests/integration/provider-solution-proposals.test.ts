// The solutions an organisation offers, in its one-time link's form (issue 15), against a real
// PostgreSQL: the form covers the published solutions the provider offers (not those it is only
// cited in, nor unpublished ones); their changes are checked with the members' solution rules
// and kept in the same proposal (before → after, members-only fields out of reach); a member
// accepts one solution field and leaves another (same save path, history from the
// organisation, links kept, its « déduit » mark gone); a member's edit of the solution meanwhile is a conflict that
// writes nothing, not even the provider's fields accepted with it, until acknowledged.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionClaims } from '@/lib/security/session-token';
import { clearMemberTables, createMember, createTestClient, databaseUrl } from './helpers/members';
import { redirectOf } from './helpers/server-actions';

const session = vi.hoisted(() => ({ current: null as SessionClaims | null, ip: '203.0.113.51' }));
vi.mock('@/lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth')>()),
  getSession: async () => session.current,
  getRequestIp: async () => session.ip,
}));
const cache = vi.hoisted(() => ({ updateTag: vi.fn(), refresh: vi.fn() }));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), refresh: cache.refresh, updateTag: cache.updateTag }));

const actions = await import('@/lib/actions/provider-updates');
const decisions = await import('@/lib/actions/provider-proposals');
const proposals = await import('@/lib/data/provider-proposals');
const links = await import('@/lib/verification/links');
const { saveEntry } = await import('@/lib/data/admin/entries');
const { getDb } = await import('@/lib/db');

const SLUG = 'test-solutions-organisme';
const PARTNER_SLUG = 'test-solutions-partenaire';
const SOLUTION_SLUGS = ['test-solution-offerte', 'test-solution-offerte-2', 'test-solution-citee', 'test-solution-brouillon'];
const HOSTILE = '<script>alert(1)</script> « Ateliers » ; DROP TABLE "Solution"; --';
const IDLE = { status: 'idle' as const };

const tokenOf = (url: string) => /\/mise-a-jour\/([A-Za-z0-9_-]{43})/.exec(url)![1]!;

type Row = Record<string, unknown> & { id: string; version: number };

/** The organisation's form as a browser sends it: the provider's values, then each solution's under its prefix. */
function orgForm(token: string, provider: Row, solutions: Row[]): FormData {
  const data = new FormData();
  data.set('token', token);
  data.set('version', String(provider.version));
  data.set('intent', 'propose');
  const put = (name: string, value: unknown) => {
    if (Array.isArray(value)) for (const item of value) data.append(name, String(item));
    else if (typeof value === 'boolean') {
      if (value) data.set(name, 'on');
    } else data.set(name, String(value ?? ''));
  };
  for (const field of proposals.organizationFields()) put(field.key, provider[field.key]);
  for (const solution of solutions) {
    const prefix = proposals.solutionPrefix(solution.id);
    data.set(`${prefix}version`, String(solution.version));
    for (const field of proposals.organizationSolutionFields()) put(prefix + field.key, solution[field.key]);
  }
  return data;
}

describe.skipIf(!databaseUrl)('the solutions in the organisation’s form and their proposals', () => {
  const prisma: PrismaClient = createTestClient();
  let providerId: string;
  let partnerId: string;
  let offeredId: string;
  let offered2Id: string;
  let citedId: string;

  const provider = () => prisma.provider.findUniqueOrThrow({ where: { id: providerId } });
  const solution = (id: string) => prisma.solution.findUniqueOrThrow({ where: { id } });
  const issue = async () => tokenOf((await links.issueProviderUpdateLink(prisma, providerId, { reason: 'campaign' })).url);
  const member = async () => {
    const editor = await createMember(prisma, { role: 'EDITOR' });
    session.current = { sub: editor.id, sv: editor.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
    return editor;
  };
  const roles = async (id: string) =>
    (await prisma.solutionProvider.findMany({ where: { solutionId: id }, orderBy: [{ providerId: 'asc' }, { role: 'asc' }] })).map((link) => [link.providerId, link.role, link.isRoleInferred]);

  /** The organisation changes the offered solution's cost and title, and the provider's phone. */
  async function propose() {
    const token = await issue();
    const [listing, offered, offered2] = await Promise.all([provider(), solution(offeredId), solution(offered2Id)]);
    const sent = orgForm(token, { ...listing, phone: '514 555-0142' }, [{ ...offered, cost: 'FREE', title: 'Ateliers renommés' }, offered2]);
    expect(await redirectOf(() => actions.submitProviderUpdateAction(IDLE, sent))).toBe('/mise-a-jour/merci?etat=envoye');
    return prisma.providerProposal.findFirstOrThrow({ where: { providerId } });
  }

  beforeEach(async () => {
    session.current = null;
    cache.updateTag.mockClear();
    await prisma.solution.deleteMany({ where: { slug: { in: SOLUTION_SLUGS } } });
    await prisma.provider.deleteMany({ where: { slug: { in: [SLUG, PARTNER_SLUG] } } });
    await prisma.auditLog.deleteMany({ where: { entityType: { in: ['Provider', 'Solution', 'ProviderProposal'] } } });
    await clearMemberTables(prisma);
    providerId = (await prisma.provider.create({ data: { slug: SLUG, name: 'Organisme aux solutions', contactEmail: 'prive@solutions.example', status: 'PUBLISHED' } })).id;
    partnerId = (await prisma.provider.create({ data: { slug: PARTNER_SLUG, name: 'Partenaire', status: 'PUBLISHED' } })).id;
    const create = async (slug: string, title: string, role: 'OFFERS' | 'CITED', status: 'PUBLISHED' | 'DRAFT' = 'PUBLISHED') =>
      (
        await prisma.solution.create({
          data: {
            slug,
            title,
            description: 'Ateliers pour les équipes.',
            availability: 'EXISTING',
            kinds: ['TRAINING'],
            inferredFields: ['KINDS', 'COST'],
            status,
            toVerify: true,
            verifyNote: 'Coût ?',
            providers: { create: [{ providerId, role }, { providerId: partnerId, role: 'FUNDS', isRoleInferred: true }] },
          },
        })
      ).id;
    offeredId = await create(SOLUTION_SLUGS[0]!, 'Ateliers numériques', 'OFFERS');
    offered2Id = await create(SOLUTION_SLUGS[1]!, 'Prêt de portables', 'OFFERS');
    citedId = await create(SOLUTION_SLUGS[2]!, 'Solution où il est cité', 'CITED');
    await create(SOLUTION_SLUGS[3]!, 'Brouillon offert', 'OFFERS', 'DRAFT');
  });

  afterAll(async () => {
    await prisma.solution.deleteMany({ where: { slug: { in: SOLUTION_SLUGS } } });
    await prisma.provider.deleteMany({ where: { slug: { in: [SLUG, PARTNER_SLUG] } } });
    await prisma.$disconnect();
    await getDb().$disconnect();
  });

  it('the link opens the published solutions the provider offers, with the fields an organisation may change', async () => {
    const opened = await proposals.loadLinkedProvider(getDb(), await issue());
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.solutions.map((item) => item.title)).toEqual(['Ateliers numériques', 'Prêt de portables']);
    expect(proposals.organizationSolutionFields().map((field) => field.key)).toEqual(['title', 'description', 'availability', 'kinds', 'cost']);
  });

  it('solution changes join the proposal, before → after; members-only fields and other solutions are out of reach', async () => {
    const token = await issue();
    const [listing, offered, offered2, cited] = await Promise.all([provider(), solution(offeredId), solution(offered2Id), solution(citedId)]);
    const sent = orgForm(token, listing, [{ ...offered, cost: 'FREE', description: HOSTILE, kinds: ['TRAINING', 'COACHING'] }, offered2, { ...cited, title: 'Pris' }]);
    // What a forged form could add for a solution: its publication, the team's inferences, its flag.
    const prefix = proposals.solutionPrefix(offeredId);
    sent.set(`${prefix}status`, 'ARCHIVED');
    sent.set(`${prefix}inferredFields`, 'COST');
    sent.set(`${prefix}verifyNote`, 'Rien à vérifier');
    expect(await redirectOf(() => actions.submitProviderUpdateAction(IDLE, sent))).toBe('/mise-a-jour/merci?etat=envoye');
    const proposal = await prisma.providerProposal.findFirstOrThrow({ where: { providerId } });
    expect(proposal.changes).toEqual({});
    expect(proposal.solutionChanges).toEqual([
      {
        solutionId: offeredId,
        title: 'Ateliers numériques',
        baseVersion: offered.version,
        changes: {
          description: { before: 'Ateliers pour les équipes.', after: HOSTILE },
          kinds: { before: ['TRAINING'], after: ['TRAINING', 'COACHING'] },
          cost: { before: 'UNKNOWN', after: 'FREE' },
        },
      },
    ]);
    // Nothing public changed.
    expect(await solution(offeredId)).toEqual(offered);
    expect(await solution(citedId)).toEqual(cited);
    expect(cache.updateTag).not.toHaveBeenCalled();
    const dto = await proposals.getProposal(getDb(), proposal.id);
    expect(dto?.solutionVersions).toEqual({ [offeredId]: offered.version });
  });

  it('refuses what the members’ solution form refuses, in French, and keeps everything typed', async () => {
    const token = await issue();
    const [listing, offered, offered2] = await Promise.all([provider(), solution(offeredId), solution(offered2Id)]);
    const sent = orgForm(token, { ...listing, website: 'pas une adresse' }, [{ ...offered, title: '', cost: 'GRATIS' }, { ...offered2, description: 'Nouveau texte' }]);
    const state = await actions.submitProviderUpdateAction(IDLE, sent);
    const prefix = proposals.solutionPrefix(offeredId);
    expect(state).toMatchObject({ status: 'error', message: expect.stringMatching(/corrigez les champs indiqués/) });
    expect(state.errors?.website?.length).toBeGreaterThan(0);
    expect(state.errors?.[`${prefix}title`]).toEqual(['Entrez un titre.']);
    expect(state.errors?.[`${prefix}cost`]?.[0]).toMatch(/[Cc]hoisissez/);
    expect(state.typed?.[`${proposals.solutionPrefix(offered2Id)}description`]).toEqual(['Nouveau texte']);
    expect(state.typed?.website).toEqual(['pas une adresse']);
    expect(await prisma.providerProposal.count({ where: { providerId } })).toBe(0);
    expect(await links.openProviderUpdateLink(prisma, token)).toMatchObject({ ok: true });
  });

  it('a member accepts one solution field and not another: the members’ save path, credited to the organisation, links kept', async () => {
    const proposal = await propose();
    const [listing, offered] = await Promise.all([provider(), solution(offeredId)]);
    const linksBefore = await roles(offeredId);
    const editor = await member();
    const accepted = await proposals.acceptProposal(getDb(), { proposalId: proposal.id, fields: [`${offeredId}.cost`], decisionNote: 'Coût confirmé' }, { actorId: editor.id });
    expect(accepted).toEqual({ ok: true, providerId });
    // The cost the organisation gave is no longer marked as the team's inference; the kinds still are.
    expect(await solution(offeredId)).toMatchObject({ cost: 'FREE', title: 'Ateliers numériques', version: offered.version + 1, toVerify: false, inferredFields: ['KINDS'], status: 'PUBLISHED' });
    expect((await solution(offeredId)).verifiedAt).not.toBeNull();
    expect(await roles(offeredId)).toEqual(linksBefore);
    // The provider's phone was not accepted: its listing is untouched.
    expect(await provider()).toEqual(listing);
    expect(await prisma.providerProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: 'ACCEPTED', acceptedFields: [`${offeredId}.cost`] });
    const history = await prisma.auditLog.findMany({ where: { entityType: 'Solution', entityId: offeredId } });
    expect(history.map((record) => [record.action, record.actorId])).toEqual([['solution.organization-update', editor.id]]);
  });

  it('a member’s edit of the solution meanwhile: a conflict that writes nothing, then accepted knowingly', async () => {
    const proposal = await propose();
    const [listing, offered] = await Promise.all([provider(), solution(offeredId)]);
    const editor = await member();
    const input = {
      ...proposals.solutionInputOf(offered),
      cost: 'PAID',
      needIds: [],
      addNeedSlugs: [],
      providers: [
        { id: providerId, role: 'OFFERS' as const, isRoleInferred: false },
        { id: partnerId, role: 'FUNDS' as const, isRoleInferred: true },
      ],
      addProviderSlugs: [],
    } as never;
    expect((await saveEntry(getDb(), 'Solution', { id: offeredId, version: offered.version, input }, { actorId: editor.id })).ok).toBe(true);

    const form = (fields: [string, string][]) => {
      const data = new FormData();
      for (const [name, value] of fields) data.append(name, value);
      return data;
    };
    const refused = await decisions.acceptProposalAction(IDLE, form([['proposalId', proposal.id], ['fields', 'phone'], ['fields', `${offeredId}.cost`]]));
    expect(refused).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/une des solutions/),
      conflictPart: 'la solution « Ateliers numériques »',
      // The cost the organisation gives would also lose its « déduit » mark.
      conflict: {
        version: offered.version + 1,
        fields: [
          { label: 'Coût', theirs: 'Payant', mine: 'Gratuit' },
          { label: 'Valeurs déduites par l’équipe', theirs: 'Coût\nTypes d’aide', mine: 'Types d’aide' },
        ],
      },
      versions: { solutions: { [offeredId]: offered.version + 1 } },
      fields: ['phone', `${offeredId}.cost`],
    });
    // All or nothing: the provider's phone, accepted with it, was not written either.
    expect(await provider()).toEqual(listing);
    expect((await solution(offeredId)).cost).toBe('PAID');
    expect(await prisma.providerProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: 'PENDING' });
    expect(cache.updateTag).not.toHaveBeenCalled();

    // Accepted again with the version shown: the organisation's value replaces the member's, knowingly.
    const knowing = await decisions.acceptProposalAction(
      IDLE,
      form([['proposalId', proposal.id], ['fields', 'phone'], ['fields', `${offeredId}.cost`], ['solutionVersion', `${offeredId}:${offered.version + 1}`]]),
    );
    expect(knowing).toMatchObject({ status: 'success' });
    expect(await solution(offeredId)).toMatchObject({ cost: 'FREE', version: offered.version + 2 });
    expect(await provider()).toMatchObject({ phone: '514 555-0142', verifiedBy: 'ORGANIZATION', version: listing.version + 1 });
    expect(cache.updateTag).toHaveBeenCalledWith('inventory');
  });

  it('a solution deleted since: accepting its field says so and writes nothing; without it, the rest goes through', async () => {
    const proposal = await propose();
    const listing = await provider();
    await member();
    await prisma.solution.delete({ where: { id: offeredId } });
    const form = (fields: [string, string][]) => {
      const data = new FormData();
      for (const [name, value] of fields) data.append(name, value);
      return data;
    };
    expect(await decisions.acceptProposalAction(IDLE, form([['proposalId', proposal.id], ['fields', 'phone'], ['fields', `${offeredId}.cost`]]))).toMatchObject({
      status: 'error',
      message: 'Rien n’a été enregistré : la solution « Ateliers numériques » n’existe plus. Décochez ses champs, puis acceptez de nouveau.',
    });
    expect(await provider()).toEqual(listing);
    expect(await decisions.acceptProposalAction(IDLE, form([['proposalId', proposal.id], ['fields', 'phone']]))).toMatchObject({ status: 'success' });
    expect((await provider()).phone).toBe('514 555-0142');
  });

  it('a rejection with a note changes no solution', async () => {
    const proposal = await propose();
    const offered = await solution(offeredId);
    const editor = await member();
    expect(await proposals.rejectProposal(getDb(), { proposalId: proposal.id, decisionNote: 'Titre trop vague' }, { actorId: editor.id })).toEqual({ ok: true, providerId });
    expect(await solution(offeredId)).toEqual(offered);
  });
});

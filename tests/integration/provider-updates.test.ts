// What an organisation does with its one-time link, and what members decide (issue 15), against
// a real PostgreSQL: « Tout est encore exact » verifies the listing at once (by the
// organisation, in the history, link used); changes are checked with the members' rules and
// kept as a proposal (only the fields that changed, members-only fields ignored, hostile text
// kept as text, nothing public changed); used, expired or forged links change nothing; a member
// accepts some fields (same save path, history from the organisation) or rejects; a member's
// newer edit makes acceptance a conflict until acknowledged.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionClaims } from '@/lib/security/session-token';
import { clearMemberTables, createMember, createTestClient, databaseUrl } from './helpers/members';
import { redirectOf } from './helpers/server-actions';

const session = vi.hoisted(() => ({ current: null as SessionClaims | null, ip: '203.0.113.50' }));
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

const SLUG = 'test-mise-a-jour-organisme';
const OTHER_SLUG = 'test-mise-a-jour-autre';
const HOSTILE = '<img src=x onerror=alert(1)> « Ça va » ; DROP TABLE "Provider"; --';
const IDLE = { status: 'idle' as const };

const tokenOf = (url: string) => /\/mise-a-jour\/([A-Za-z0-9_-]{43})/.exec(url)![1]!;

/** The organisation's form as a browser sends it, from the listing's values and some changes. */
function orgForm(token: string, version: number, values: Record<string, unknown>, extra: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.set('token', token);
  data.set('version', String(version));
  data.set('intent', 'propose');
  for (const field of proposals.organizationFields()) {
    const value = values[field.key];
    if (Array.isArray(value)) for (const item of value) data.append(field.key, String(item));
    else if (typeof value === 'boolean') {
      if (value) data.set(field.key, 'on');
    } else data.set(field.key, String(value ?? ''));
  }
  for (const [name, value] of Object.entries(extra)) data.set(name, value);
  return data;
}

describe.skipIf(!databaseUrl)('the organisation’s link and the proposals', () => {
  const prisma: PrismaClient = createTestClient();
  let providerId: string;
  let otherId: string;

  const row = () => prisma.provider.findUniqueOrThrow({ where: { id: providerId } });
  const issue = async (id = providerId) => tokenOf((await links.issueProviderUpdateLink(prisma, id, { reason: 'campaign' })).url);
  const member = async () => {
    const editor = await createMember(prisma, { role: 'EDITOR' });
    session.current = { sub: editor.id, sv: editor.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
    return editor;
  };

  beforeEach(async () => {
    session.current = null;
    cache.updateTag.mockClear();
    await prisma.provider.deleteMany({ where: { slug: { in: [SLUG, OTHER_SLUG] } } });
    await prisma.auditLog.deleteMany({ where: { entityType: { in: ['Provider', 'ProviderProposal'] } } });
    await clearMemberTables(prisma);
    providerId = (
      await prisma.provider.create({
        data: { slug: SLUG, name: 'Organisme à jour', description: 'Ateliers.', contactEmail: 'prive@organisme.example', contactSource: 'Appel', status: 'PUBLISHED', toVerify: true, verifyNote: 'Téléphone ?', regions: ['MONTREAL'], languages: ['fr'] },
      })
    ).id;
    otherId = (await prisma.provider.create({ data: { slug: OTHER_SLUG, name: 'Autre organisme', status: 'PUBLISHED' } })).id;
  });

  afterAll(async () => {
    await prisma.provider.deleteMany({ where: { slug: { in: [SLUG, OTHER_SLUG] } } });
    await prisma.$disconnect();
    await getDb().$disconnect();
  });

  it('« Tout est encore exact » verifies the listing by the organisation, once', async () => {
    const token = await issue();
    const before = await row();
    const form = new FormData();
    form.set('token', token);
    form.set('version', String(before.version));
    form.set('intent', 'confirm');
    expect(await redirectOf(() => actions.submitProviderUpdateAction(IDLE, form))).toBe('/mise-a-jour/merci?etat=confirme');
    const after = await row();
    expect(after).toMatchObject({ verifiedBy: 'ORGANIZATION', toVerify: false, version: before.version + 1, phone: before.phone, contactEmail: 'prive@organisme.example', status: 'PUBLISHED' });
    expect(Date.now() - after.verifiedAt!.getTime()).toBeLessThan(60_000);
    expect(cache.updateTag).toHaveBeenCalledWith('inventory');
    const history = await prisma.auditLog.findMany({ where: { entityType: 'Provider', entityId: providerId } });
    expect(history.map((record) => [record.action, record.actorId])).toEqual([['provider.organization-confirm', null]]);
    expect(await prisma.providerUpdateLink.findFirst({ where: { providerId } })).toMatchObject({ outcome: 'CONFIRMED' });

    // The same link again: refused, nothing changes.
    form.set('version', String(after.version));
    expect(await actions.submitProviderUpdateAction(IDLE, form)).toMatchObject({ status: 'error', message: expect.stringMatching(/déjà servi/) });
    expect((await row()).version).toBe(after.version);
  });

  it('expired and forged links change nothing', async () => {
    const before = await row();
    const expired = tokenOf((await links.issueProviderUpdateLink(prisma, providerId, { now: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) })).url);
    for (const [token, message] of [[expired, /expiré/], ['x'.repeat(43), /pas valide/], ['../../admin', /pas valide/]] as const) {
      const confirm = new FormData();
      confirm.set('token', token);
      confirm.set('version', String(before.version));
      confirm.set('intent', 'confirm');
      expect(await actions.submitProviderUpdateAction(IDLE, confirm), token).toMatchObject({ status: 'error', message: expect.stringMatching(message) });
      const propose = orgForm(token, before.version, { ...before, phone: '514 555-0199' });
      expect(await actions.submitProviderUpdateAction(IDLE, propose), token).toMatchObject({ status: 'error', message: expect.stringMatching(message) });
    }
    expect(await row()).toEqual(before);
    expect(await prisma.providerProposal.count({ where: { providerId } })).toBe(0);
  });

  it('changes become a proposal of the changed fields only; members-only fields and another provider are out of reach', async () => {
    const token = await issue();
    const before = await row();
    const form = orgForm(
      token,
      before.version,
      { ...before, website: 'https://organisme.example', phone: '514 555-0199', description: HOSTILE, regions: ['MONTREAL', 'LAVAL'] },
      // What a forged form could add: the private contact, the publication, another provider's id.
      { contactEmail: 'pirate@example.org', status: 'ARCHIVED', toVerify: '', id: otherId },
    );
    expect(await redirectOf(() => actions.submitProviderUpdateAction(IDLE, form))).toBe('/mise-a-jour/merci?etat=envoye');
    expect(await row()).toEqual(before);
    expect(await prisma.provider.findUniqueOrThrow({ where: { id: otherId } })).toMatchObject({ version: 1, website: '' });
    const [proposal] = await prisma.providerProposal.findMany({ where: { providerId } });
    expect(proposal).toMatchObject({ kind: 'UPDATE', status: 'PENDING', baseVersion: before.version });
    expect(proposal!.changes).toEqual({
      description: { before: 'Ateliers.', after: HOSTILE },
      website: { before: '', after: 'https://organisme.example' },
      phone: { before: '', after: '514 555-0199' },
      regions: { before: ['MONTREAL'], after: ['MONTREAL', 'LAVAL'] },
    });
    expect(await prisma.providerUpdateLink.findFirst({ where: { providerId } })).toMatchObject({ outcome: 'UPDATED' });
    expect(cache.updateTag).not.toHaveBeenCalled();
  });

  it('refuses what the members’ form refuses, keeps what was typed, and keeps the link usable', async () => {
    const token = await issue();
    const before = await row();
    const state = await actions.submitProviderUpdateAction(IDLE, orgForm(token, before.version, { ...before, website: 'javascript:alert(1)', name: '' }));
    expect(state).toMatchObject({ status: 'error' });
    expect(state.errors?.website?.length).toBeGreaterThan(0);
    expect(state.errors?.name?.length).toBeGreaterThan(0);
    expect(state.typed?.website).toEqual(['javascript:alert(1)']);
    expect(state.typed).not.toHaveProperty('token');
    // Nothing changed: the same values, or a stale page.
    expect(await actions.submitProviderUpdateAction(IDLE, orgForm(token, before.version, before))).toMatchObject({ message: expect.stringMatching(/rien changé/) });
    await prisma.provider.update({ where: { id: providerId }, data: { version: { increment: 1 } } });
    expect(await actions.submitProviderUpdateAction(IDLE, orgForm(token, before.version, { ...before, phone: '514 555-0100' }))).toMatchObject({ message: expect.stringMatching(/pendant que vous la lisiez/) });
    expect(await prisma.providerProposal.count({ where: { providerId } })).toBe(0);
    expect(await links.openProviderUpdateLink(prisma, token)).toMatchObject({ ok: true, providerId });
  });

  it('a member accepts some fields: saved through the members’ path, credited to the organisation', async () => {
    const token = await issue();
    const before = await row();
    await redirectOf(() => actions.submitProviderUpdateAction(IDLE, orgForm(token, before.version, { ...before, website: 'https://organisme.example', phone: '514 555-0199' })));
    const proposal = await prisma.providerProposal.findFirstOrThrow({ where: { providerId } });
    const editor = await member();
    expect(await proposals.acceptProposal(getDb(), { proposalId: proposal.id, fields: [], decisionNote: '' }, { actorId: editor.id })).toEqual({ ok: false, reason: 'no-fields' });
    expect(await proposals.acceptProposal(getDb(), { proposalId: proposal.id, fields: ['website', 'contactEmail'], decisionNote: 'Site vérifié' }, { actorId: editor.id })).toEqual({ ok: true, providerId });
    const after = await row();
    expect(after).toMatchObject({ website: 'https://organisme.example', phone: '', verifiedBy: 'ORGANIZATION', toVerify: false, contactEmail: 'prive@organisme.example', version: before.version + 1 });
    expect(await prisma.providerProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: 'ACCEPTED', acceptedFields: ['website'], decidedById: editor.id });
    const history = await prisma.auditLog.findMany({ where: { entityType: 'Provider', entityId: providerId } });
    expect(history.map((record) => [record.action, record.actorId])).toEqual([['provider.organization-update', editor.id]]);
    expect(await proposals.acceptProposal(getDb(), { proposalId: proposal.id, fields: ['phone'], decisionNote: '' }, { actorId: editor.id })).toEqual({ ok: false, reason: 'already-decided' });
  });

  it('a member’s newer edit makes acceptance a conflict, until acknowledged', async () => {
    const token = await issue();
    const before = await row();
    await redirectOf(() => actions.submitProviderUpdateAction(IDLE, orgForm(token, before.version, { ...before, phone: '514 555-0199' })));
    const proposal = await prisma.providerProposal.findFirstOrThrow({ where: { providerId } });
    const editor = await member();
    const edited = await saveEntry(getDb(), 'Provider', { id: providerId, version: before.version, input: { ...proposals.inputOf(before), phone: '514 555-0111' } }, { actorId: editor.id });
    expect(edited.ok).toBe(true);
    const refused = await proposals.acceptProposal(getDb(), { proposalId: proposal.id, fields: ['phone'], decisionNote: '' }, { actorId: editor.id });
    expect(refused).toMatchObject({ ok: false, reason: 'conflict', version: before.version + 1, fields: [{ label: 'Téléphone', theirs: '514 555-0111', mine: '514 555-0199' }] });
    expect((await row()).phone).toBe('514 555-0111');
    expect(await prisma.providerProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: 'PENDING' });
    const knowing = await proposals.acceptProposal(getDb(), { proposalId: proposal.id, fields: ['phone'], decisionNote: '', version: before.version + 1 }, { actorId: editor.id });
    expect(knowing).toEqual({ ok: true, providerId });
    expect((await row()).phone).toBe('514 555-0199');
  });

  it('a member rejects with a note: nothing changes', async () => {
    const token = await issue();
    const before = await row();
    await redirectOf(() => actions.submitProviderUpdateAction(IDLE, orgForm(token, before.version, { ...before, phone: '514 555-0199' })));
    const proposal = await prisma.providerProposal.findFirstOrThrow({ where: { providerId } });
    const editor = await member();
    expect(await proposals.rejectProposal(getDb(), { proposalId: proposal.id, decisionNote: 'Numéro personnel' }, { actorId: editor.id })).toEqual({ ok: true, providerId });
    expect(await row()).toEqual(before);
    expect(await prisma.providerProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: 'REJECTED', decisionNote: 'Numéro personnel' });
  });

  it('the members’ forms: « Tout accepter » publishes every field; a refusal needs a note; an anonymous call is refused', async () => {
    const token = await issue();
    const before = await row();
    await redirectOf(() => actions.submitProviderUpdateAction(IDLE, orgForm(token, before.version, { ...before, website: 'https://organisme.example', phone: '514 555-0199' })));
    const proposal = await prisma.providerProposal.findFirstOrThrow({ where: { providerId } });
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.set(name, value);
      return data;
    };
    await expect(decisions.acceptProposalAction(IDLE, form({ proposalId: proposal.id, tout: '1' }))).rejects.toThrow();
    await member();
    expect(await decisions.rejectProposalAction(IDLE, form({ proposalId: proposal.id, decisionNote: '  ' }))).toMatchObject({ status: 'error', errors: { decisionNote: [expect.stringMatching(/pourquoi/)] } });
    expect(await decisions.acceptProposalAction(IDLE, form({ proposalId: proposal.id }))).toMatchObject({ status: 'error', message: expect.stringMatching(/Cochez au moins un champ/) });
    expect(await decisions.acceptProposalAction(IDLE, form({ proposalId: proposal.id, tout: '1' }))).toMatchObject({ status: 'success' });
    expect(await row()).toMatchObject({ website: 'https://organisme.example', phone: '514 555-0199', verifiedBy: 'ORGANIZATION' });
    expect(cache.updateTag).toHaveBeenCalledWith('inventory');
  });
});

// « C'est votre organisme ? » and the one-time update links (issue 15) against a real
// PostgreSQL: the contact's address gets a link by email and the visitor is answered exactly as
// for any other address (which goes to the queue, as typed); the rate limit per address typed
// and per visitor; a member approving (link sent to the typed address, address erased from the
// request, kept as the private contact only when the member ticks it) or rejecting; and the links: hashed, used once, 7 days, forged ones refused, each opening only
// its own provider.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionClaims } from '@/lib/security/session-token';
import { hashToken } from '@/lib/security/tokens';
import { clearMemberTables, createMember, createTestClient, databaseUrl } from './helpers/members';
import { form, redirectOf } from './helpers/server-actions';

const session = vi.hoisted(() => ({ current: null as SessionClaims | null, ip: '203.0.113.40' }));
vi.mock('@/lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth')>()),
  getSession: async () => session.current,
  getRequestIp: async () => session.ip,
}));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), refresh: vi.fn(), updateTag: vi.fn() }));

const actions = await import('@/lib/actions/provider-claims');
const claims = await import('@/lib/data/provider-claims');
const proposals = await import('@/lib/data/provider-proposals');
const links = await import('@/lib/verification/links');
const { getDb } = await import('@/lib/db');

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const SLUG = 'test-reclamation-organisme';
const OTHER_SLUG = 'test-reclamation-autre';
const CONTACT = 'direction@organisme-reclame.example';
const HOSTILE = '<script>alert(1)</script> Directrice ; DROP TABLE "Provider"; --';
const IDLE = { status: 'idle' as const };

const tokenOf = (text: string) => /\/mise-a-jour\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe.skipIf(!databaseUrl)('« C’est votre organisme ? » and update links', () => {
  const prisma: PrismaClient = createTestClient();
  let providerId: string;
  let otherId: string;

  beforeEach(async () => {
    session.current = null;
    session.ip = '203.0.113.40';
    await prisma.claimAttempt.deleteMany();
    await prisma.mailMessage.deleteMany();
    await prisma.provider.deleteMany({ where: { slug: { in: [SLUG, OTHER_SLUG] } } });
    await clearMemberTables(prisma);
    providerId = (await prisma.provider.create({ data: { slug: SLUG, name: 'Organisme réclamé', contactEmail: CONTACT, status: 'PUBLISHED' } })).id;
    otherId = (await prisma.provider.create({ data: { slug: OTHER_SLUG, name: 'Autre organisme', status: 'PUBLISHED' } })).id;
  });

  afterAll(async () => {
    await prisma.provider.deleteMany({ where: { slug: { in: [SLUG, OTHER_SLUG] } } });
    await prisma.claimAttempt.deleteMany();
    await prisma.mailMessage.deleteMany();
    await prisma.$disconnect();
    await getDb().$disconnect();
  });

  it('answers the same for the contact on file and for any other address', async () => {
    const known = await redirectOf(() => actions.requestProviderUpdateAction(IDLE, form({ slug: SLUG, email: ' Direction@Organisme-Reclame.example ', message: '' })));
    session.ip = '203.0.113.41';
    const unknown = await redirectOf(() => actions.requestProviderUpdateAction(IDLE, form({ slug: SLUG, email: 'quelquun@ailleurs.example', message: HOSTILE })));
    expect(known).toBe(`/fournisseurs/${SLUG}/mise-a-jour?envoye=1`);
    expect(unknown).toBe(known);

    // The contact got a link by email; nothing waits in the queue for it.
    const mails = await prisma.mailMessage.findMany();
    expect(mails.map((mail) => [mail.to, mail.kind])).toEqual([[CONTACT, 'claim-link']]);
    expect(mails[0]!.text).toContain('Organisme réclamé');
    expect(mails[0]!.text).toMatch(/Pour ne plus recevoir ces messages/);
    const token = tokenOf(mails[0]!.text)!;
    expect(token).toBeDefined();
    const stored = await prisma.providerUpdateLink.findMany({ where: { providerId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000);

    // The other address waits for a member, as typed (hostile text kept as text).
    const queued = await prisma.providerProposal.findMany({ where: { providerId } });
    expect(queued).toMatchObject([{ kind: 'CLAIM_REQUEST', status: 'PENDING', email: 'quelquun@ailleurs.example', message: HOSTILE }]);
  });

  it('refuses bad input in French and keeps what was typed; an unknown or draft provider is not found', async () => {
    const state = await actions.requestProviderUpdateAction(IDLE, form({ slug: SLUG, email: 'pas une adresse', message: 'Bonjour' }));
    expect(state).toMatchObject({ status: 'error', values: { email: 'pas une adresse', message: 'Bonjour' } });
    expect(state.errors?.email?.[0]).toMatch(/adresse courriel valide/);
    await prisma.provider.update({ where: { id: otherId }, data: { status: 'DRAFT' } });
    const draft = await actions.requestProviderUpdateAction(IDLE, form({ slug: OTHER_SLUG, email: 'a@b.example' }));
    expect(draft).toMatchObject({ status: 'error', message: expect.stringMatching(/introuvable/) });
    expect(await prisma.providerProposal.count({ where: { providerId: { in: [providerId, otherId] } } })).toBe(0);
    expect(await prisma.mailMessage.count()).toBe(0);
  });

  it('limits requests per address typed and per visitor', async () => {
    const ask = (email: string) => redirectOf(() => actions.requestProviderUpdateAction(IDLE, form({ slug: SLUG, email })));
    for (let n = 0; n < claims.CLAIM_LIMITS.perEmail; n += 1) {
      session.ip = `198.51.100.${n + 1}`;
      expect(await ask(CONTACT)).toMatch(/envoye=1/);
    }
    session.ip = '198.51.100.99';
    const state = await actions.requestProviderUpdateAction(IDLE, form({ slug: SLUG, email: CONTACT }));
    expect(state).toMatchObject({ status: 'error', message: expect.stringMatching(/attendez une heure/), values: { email: CONTACT } });
    expect(await prisma.mailMessage.count({ where: { to: CONTACT } })).toBe(claims.CLAIM_LIMITS.perEmail);

    // One visitor, many addresses.
    session.ip = '192.0.2.7';
    for (let n = 0; n < claims.CLAIM_LIMITS.perIp; n += 1) expect(await ask(`personne${n}@ailleurs.example`)).toMatch(/envoye=1/);
    expect(await actions.requestProviderUpdateAction(IDLE, form({ slug: SLUG, email: 'encore@ailleurs.example' }))).toMatchObject({ status: 'error' });
    // An hour later, it works again.
    const later = new Date(Date.now() + 61 * 60 * 1000);
    expect(await claims.requestProviderUpdate(getDb(), { slug: SLUG, email: 'encore@ailleurs.example', message: '' }, { ip: '192.0.2.7', secret: 's'.repeat(32), now: later })).toEqual({ ok: true, matched: false });
  });

  it('a member approves a request: the link goes to the address typed, which is then erased; a second decision is refused', async () => {
    await claims.requestProviderUpdate(getDb(), { slug: SLUG, email: 'nouvelle@organisme-reclame.example', message: 'Nouvelle directrice' }, { ip: '203.0.113.9', secret: 's'.repeat(32) });
    const proposal = await prisma.providerProposal.findFirstOrThrow({ where: { providerId } });
    expect(await prisma.mailMessage.count()).toBe(0);

    const editor = await createMember(prisma, { role: 'EDITOR' });
    session.current = { sub: editor.id, sv: editor.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
    expect(await actions.approveClaimAction(IDLE, form({ proposalId: proposal.id, decisionNote: 'Vérifié sur le site de l’organisme' }))).toMatchObject({ status: 'success' });
    const mails = await prisma.mailMessage.findMany();
    expect(mails.map((mail) => mail.to)).toEqual(['nouvelle@organisme-reclame.example']);
    expect(tokenOf(mails[0]!.text)).toBeDefined();
    expect(await prisma.providerProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: 'ACCEPTED', email: null, decidedById: editor.id });
    expect(await actions.approveClaimAction(IDLE, form({ proposalId: proposal.id }))).toMatchObject({ status: 'error', message: expect.stringMatching(/vient de traiter/) });
    expect(await prisma.mailMessage.count()).toBe(1);
    // The box was not ticked: the contact on file stays.
    expect(await prisma.provider.findUniqueOrThrow({ where: { id: providerId } })).toMatchObject({ contactEmail: CONTACT, version: 1 });
  });

  it('a member who ticks the box also keeps the address as the private contact, with its source, through the members’ save', async () => {
    await claims.requestProviderUpdate(getDb(), { slug: SLUG, email: 'nouvelle@organisme-reclame.example', message: 'Nouvelle directrice' }, { ip: '203.0.113.9', secret: 's'.repeat(32) });
    const proposal = await prisma.providerProposal.findFirstOrThrow({ where: { providerId } });
    const editor = await createMember(prisma, { role: 'EDITOR' });
    session.current = { sub: editor.id, sv: editor.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
    expect(await actions.approveClaimAction(IDLE, form({ proposalId: proposal.id, decisionNote: 'Appel', saveAsContact: 'on' }))).toMatchObject({ status: 'success' });
    const provider = await prisma.provider.findUniqueOrThrow({ where: { id: providerId } });
    expect(provider).toMatchObject({ contactEmail: 'nouvelle@organisme-reclame.example', contactSource: expect.stringMatching(/^Demande approuvée le \d{1,2} \S+ \d{4}$/), version: 2 });
    const history = await prisma.auditLog.findMany({ where: { entityType: 'Provider', entityId: providerId } });
    expect(history.map((record) => [record.action, record.actorId])).toEqual([['provider.update', editor.id]]);
    expect((await prisma.mailMessage.findMany()).map((mail) => mail.to)).toEqual(['nouvelle@organisme-reclame.example']);
    expect(await prisma.providerProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: 'ACCEPTED', email: null });
  });

  it('the members’ queue shows the oldest requests and counts them all', async () => {
    await prisma.providerProposal.deleteMany({ where: { status: 'PENDING' } });
    const start = Date.now() - 60_000;
    for (let n = 0; n < 3; n += 1) {
      await claims.requestProviderUpdate(getDb(), { slug: SLUG, email: `personne${n}@ailleurs.example`, message: '' }, { ip: `198.51.100.${n + 1}`, secret: 's'.repeat(32), now: new Date(start + n * 1000) });
    }
    const queue = await proposals.listPendingQueue(getDb(), 2);
    expect(queue.total).toBe(3);
    expect(queue.proposals.map((proposal) => proposal.email)).toEqual(['personne0@ailleurs.example', 'personne1@ailleurs.example']);
  });

  it('a member rejects a request: no link, the address erased', async () => {
    await claims.requestProviderUpdate(getDb(), { slug: SLUG, email: 'intrus@ailleurs.example', message: '' }, { ip: '203.0.113.9', secret: 's'.repeat(32) });
    const proposal = await prisma.providerProposal.findFirstOrThrow({ where: { providerId } });
    const editor = await createMember(prisma, { role: 'EDITOR' });
    session.current = { sub: editor.id, sv: editor.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
    expect(await actions.rejectClaimAction(IDLE, form({ proposalId: proposal.id, decisionNote: 'Inconnu' }))).toMatchObject({ status: 'success' });
    expect(await prisma.providerProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: 'REJECTED', email: null, decisionNote: 'Inconnu' });
    expect(await prisma.mailMessage.count()).toBe(0);
  });

  it('a link opens its own provider only, once, for 7 days; a forged one opens nothing', async () => {
    const now = new Date();
    const issued = await links.issueProviderUpdateLink(prisma, providerId, { now });
    const other = await links.issueProviderUpdateLink(prisma, otherId, { now });
    const token = tokenOf(issued.url)!;
    expect(issued.url).toMatch(/^https?:\/\/[^/]+\/mise-a-jour\//);
    const opened = await links.openProviderUpdateLink(prisma, token, now);
    expect(opened).toMatchObject({ ok: true, providerId });
    expect(await links.openProviderUpdateLink(prisma, tokenOf(other.url)!, now)).toMatchObject({ ok: true, providerId: otherId });

    // Forged: malformed, or well-formed but never issued, or the stored hash itself.
    expect(await links.openProviderUpdateLink(prisma, 'abc', now)).toEqual({ ok: false, problem: 'invalid' });
    expect(await links.openProviderUpdateLink(prisma, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, now)).toEqual({ ok: false, problem: 'invalid' });
    expect(await links.openProviderUpdateLink(prisma, hashToken(token), now)).toEqual({ ok: false, problem: 'invalid' });

    // Expired after 7 days, not before.
    const sixDays = new Date(now.getTime() + 6 * 24 * 60 * 60 * 1000);
    const eightDays = new Date(now.getTime() + 8 * 24 * 60 * 60 * 1000);
    expect(await links.openProviderUpdateLink(prisma, token, sixDays)).toMatchObject({ ok: true });
    expect(await links.openProviderUpdateLink(prisma, token, eightDays)).toEqual({ ok: false, problem: 'expired' });
    expect(await links.consumeProviderUpdateLink(prisma, (opened as { linkId: string }).linkId, 'CONFIRMED', eightDays)).toBe(false);

    // Used once: two uses at the same moment, one wins; then the link opens nothing.
    const linkId = (opened as { linkId: string }).linkId;
    const both = await Promise.all([links.consumeProviderUpdateLink(prisma, linkId, 'CONFIRMED', now), links.consumeProviderUpdateLink(prisma, linkId, 'UPDATED', now)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await links.openProviderUpdateLink(prisma, token, now)).toEqual({ ok: false, problem: 'used' });
  });

  it('the campaign email goes to the contact on file, with a reminder wording, and refuses a provider without one', async () => {
    const sent = await prisma.$transaction((tx) => links.enqueueProviderUpdateMail(tx, { providerId, reason: 'reminder-2' }));
    const mail = await prisma.mailMessage.findUniqueOrThrow({ where: { id: sent.mailId } });
    expect(mail).toMatchObject({ to: CONTACT, kind: 'verification-reminder' });
    expect(mail.subject).toMatch(/^Dernier rappel/);
    expect(mail.text).toContain(sent.url);
    await expect(prisma.$transaction((tx) => links.enqueueProviderUpdateMail(tx, { providerId: otherId, reason: 'campaign' }))).rejects.toThrow(/Aucune adresse/);
    expect(await prisma.providerUpdateLink.count({ where: { providerId: otherId } })).toBe(0);
  });

  it('erases attempts after a day, decided requests after a year, link requests left pending for six months', async () => {
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    await prisma.claimAttempt.createMany({ data: [{ emailHash: 'a', ip: '1', createdAt: daysAgo(2) }, { emailHash: 'b', ip: '1', createdAt: daysAgo(0.5) }] });
    const old = await prisma.providerProposal.create({ data: { kind: 'UPDATE', providerId, status: 'REJECTED', decidedAt: daysAgo(400), changes: {} } });
    const recent = await prisma.providerProposal.create({ data: { kind: 'UPDATE', providerId, status: 'ACCEPTED', decidedAt: daysAgo(300), changes: {} } });
    const staleClaim = await prisma.providerProposal.create({ data: { kind: 'CLAIM_REQUEST', providerId, email: 'vieux@ailleurs.example', createdAt: daysAgo(200) } });
    const freshClaim = await prisma.providerProposal.create({ data: { kind: 'CLAIM_REQUEST', providerId, email: 'recent@ailleurs.example', createdAt: daysAgo(10) } });
    const waitingUpdate = await prisma.providerProposal.create({ data: { kind: 'UPDATE', providerId, changes: {}, createdAt: daysAgo(200) } });
    await claims.pruneProviderProposals(prisma, now);
    expect(await prisma.claimAttempt.findMany({ select: { emailHash: true } })).toEqual([{ emailHash: 'b' }]);
    const left = (await prisma.providerProposal.findMany({ where: { providerId }, select: { id: true } })).map((row) => row.id).sort();
    expect(left).toEqual([recent.id, freshClaim.id, waitingUpdate.id].sort());
    expect(left).not.toContain(old.id);
    expect(left).not.toContain(staleClaim.id);
  });
});


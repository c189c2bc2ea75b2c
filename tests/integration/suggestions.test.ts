// Public suggestions against a real PostgreSQL (the vitest database): validation of the
// public form (sizes, URLs, consent, hostile text), the per-sender rate limit and the cap on
// the queue (also under concurrency), the honeypot, and the decisions: the email erased, a draft provider created
// through the history contract, an error report marking the entry "à vérifier", a second
// decision refused, old decided suggestions pruned.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionClaims } from '@/lib/security/session-token';
import { slugFromTitle } from '@/lib/validation/entry';
import { errorReportSchema, newResourceSchema, SUGGESTION_LIMITS } from '@/lib/validation/suggestion';
import { clearMemberTables, createMember, createTestClient, databaseUrl } from './helpers/members';
import { form, redirectOf } from './helpers/server-actions';

const session = vi.hoisted(() => ({ current: null as SessionClaims | null, ip: '203.0.113.20' }));
vi.mock('@/lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth')>()),
  getSession: async () => session.current,
  getRequestIp: async () => session.ip,
}));
const cache = vi.hoisted(() => ({ updateTag: vi.fn(), refresh: vi.fn() }));
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  refresh: cache.refresh,
  updateTag: cache.updateTag,
}));

const suggestions = await import('@/lib/data/suggestions');
const actions = await import('@/lib/actions/suggestions');
const { getDb } = await import('@/lib/db');

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const HOUR = 60 * 60 * 1000;
const SLUG_PREFIX = 'test-suggestion-';

/** Field errors of a failed parse (an empty object when it succeeded). */
function errorsOf(result: { error?: z.ZodError }): Record<string, string[] | undefined> {
  return result.error ? z.flattenError(result.error).fieldErrors : {};
}

async function clearTables(prisma: PrismaClient): Promise<void> {
  await prisma.suggestion.deleteMany();
  await prisma.provider.deleteMany({ where: { OR: [{ slug: { startsWith: SLUG_PREFIX } }, { name: { startsWith: 'Test suggestion' } }] } });
  await prisma.solution.deleteMany({ where: { OR: [{ slug: { startsWith: SLUG_PREFIX } }, { title: { startsWith: 'Test suggestion' } }] } });
  await prisma.need.deleteMany({ where: { slug: { startsWith: SLUG_PREFIX } } });
  await clearMemberTables(prisma);
}

const resource = (overrides: Partial<Parameters<typeof suggestions.createSuggestion>[1]> = {}) => ({
  kind: 'NEW_RESOURCE' as const,
  title: 'Test suggestion Centre numérique',
  message: 'Formations gratuites pour les organismes.',
  emailConsent: false,
  ...overrides,
});

describe('public form validation', () => {
  const valid = { title: 'Centre numérique', message: 'Des formations.', website: '', region: '', email: '', emailConsent: undefined };

  it('accepts a minimal suggestion and reads "exemple.org" as an https address', () => {
    const parsed = newResourceSchema.parse({ ...valid, website: 'exemple.org/services', region: 'MONTREAL' });
    expect(parsed).toMatchObject({ title: 'Centre numérique', website: 'https://exemple.org/services', region: 'MONTREAL', emailConsent: false });
    expect(parsed.email).toBeUndefined();
  });

  it('refuses missing and oversized fields with French messages beside each', () => {
    const missing = errorsOf(newResourceSchema.safeParse({ ...valid, title: '  ', message: '' }));
    expect(missing.title?.[0]).toMatch(/Entrez le nom/);
    expect(missing.message?.[0]).toMatch(/Décrivez la ressource/);

    const tooLong = errorsOf(
      newResourceSchema.safeParse({
        ...valid,
        title: 'x'.repeat(SUGGESTION_LIMITS.title + 1),
        message: 'x'.repeat(SUGGESTION_LIMITS.message + 1),
        website: `https://exemple.org/${'a'.repeat(SUGGESTION_LIMITS.website)}`,
      }),
    );
    expect(tooLong.title?.[0]).toMatch(/trop long \(200 caractères au plus\)/);
    expect(tooLong.message?.[0]).toMatch(/trop long/);
    expect(tooLong.website?.[0]).toMatch(/trop longue/);
    // Exactly at the limits is fine.
    expect(newResourceSchema.safeParse({ ...valid, title: 'x'.repeat(200), message: 'x'.repeat(5_000) }).success).toBe(true);
  });

  it('refuses addresses that are not http(s) and regions not in the list', () => {
    for (const website of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://exemple.org', 'https://', 'pas une adresse']) {
      expect(errorsOf(newResourceSchema.safeParse({ ...valid, website })).website?.[0], website).toMatch(/adresse Web valide|trop longue/);
    }
    expect(errorsOf(newResourceSchema.safeParse({ ...valid, region: 'ATLANTIDE' })).region?.[0]).toMatch(/Choisissez une région/);
  });

  it('refuses an email without the consent box, beside the email field; keeps it with consent', () => {
    expect(errorsOf(newResourceSchema.safeParse({ ...valid, email: 'ada@exemple.org' })).email?.[0]).toMatch(/cochez la case/);
    expect(newResourceSchema.parse({ ...valid, email: 'Ada@Exemple.org', emailConsent: 'on' })).toMatchObject({ email: 'ada@exemple.org', emailConsent: true });
    expect(newResourceSchema.safeParse({ ...valid, email: 'pas-une-adresse', emailConsent: 'on' }).success).toBe(false);
  });

  it('keeps HTML and SQL-like text as plain text, refuses NUL and control characters, repairs lone surrogates', () => {
    const hostile = newResourceSchema.parse({ ...valid, title: '<script>alert(1)</script>', message: "'; DROP TABLE \"Suggestion\"; --\n<img src=x onerror=alert(1)>" });
    expect(hostile.title).toBe('<script>alert(1)</script>');
    expect(hostile.message).toContain('DROP TABLE');
    expect(errorsOf(newResourceSchema.safeParse({ ...valid, message: 'avant\u0000après' })).message?.[0]).toMatch(/caractères invalides/);
    expect(newResourceSchema.safeParse({ ...valid, title: 'un\u0007titre' }).success).toBe(false);
    expect(newResourceSchema.safeParse({ ...valid, title: 'un\ntitre' }).success).toBe(false);
    expect(newResourceSchema.parse({ ...valid, message: 'ligne 1\r\nligne 2\tfin' }).message).toBe('ligne 1\nligne 2\tfin');
    expect(newResourceSchema.parse({ ...valid, title: 'A\uD800B' }).title).toBe('A\uFFFDB');
  });

  it('checks the entry named by an error report', () => {
    expect(errorReportSchema.safeParse({ ...valid, type: 'fournisseur', slug: 'centre-numerique' }).success).toBe(true);
    expect(errorReportSchema.safeParse({ ...valid, type: 'usager', slug: 'centre-numerique' }).success).toBe(false);
    expect(errorReportSchema.safeParse({ ...valid, type: 'besoin', slug: '../../etc/passwd' }).success).toBe(false);
  });
});

describe.skipIf(!databaseUrl)('suggestions (database)', () => {
  const prisma = createTestClient();
  const actor = { actorId: null, ip: '203.0.113.20' };
  const hashOf = (ip: string) => suggestions.suggestionSenderHash(ip, 'secret-de-test-suffisamment-long-pour-le-hmac');

  beforeEach(async () => {
    session.current = null;
    session.ip = '203.0.113.20';
    cache.updateTag.mockClear();
    await clearTables(prisma);
  });
  afterAll(async () => {
    await clearTables(prisma);
    await prisma.$disconnect();
    await getDb().$disconnect();
  });

  describe('rate limit', () => {
    it('lets a sender send 5 per hour and 20 per day; others are not affected', async () => {
      const sender = hashOf('198.51.100.1');
      const start = new Date('2026-11-28T10:00:00Z');
      for (let index = 0; index < 5; index += 1) {
        expect(await suggestions.createSuggestion(prisma, resource(), sender, new Date(start.getTime() + index * 1000))).toMatchObject({ ok: true });
      }
      expect(await suggestions.createSuggestion(prisma, resource(), sender, new Date(start.getTime() + 10_000))).toEqual({ ok: false, reason: 'rate-limited' });
      expect(await suggestions.createSuggestion(prisma, resource(), hashOf('198.51.100.2'), new Date(start.getTime() + 10_000))).toMatchObject({ ok: true });

      // Each following hour frees the hourly window again, until the daily total reaches 20.
      let accepted = 5;
      for (let hour = 1; hour < 10; hour += 1) {
        for (let index = 0; index < 5; index += 1) {
          const result = await suggestions.createSuggestion(prisma, resource(), sender, new Date(start.getTime() + hour * HOUR + index * 1000 + 1000));
          if (result.ok) accepted += 1;
        }
      }
      expect(accepted).toBe(20);
      // A day after the first ones, the sender may send again.
      expect(await suggestions.createSuggestion(prisma, resource(), sender, new Date(start.getTime() + 25 * HOUR))).toMatchObject({ ok: true });
    });

    it('holds under concurrent posts from one sender', async () => {
      const sender = hashOf('198.51.100.3');
      const now = new Date();
      const results = await Promise.all(Array.from({ length: 12 }, () => suggestions.createSuggestion(prisma, resource(), sender, now)));
      expect(results.filter((result) => result.ok)).toHaveLength(5);
      expect(await prisma.suggestion.count({ where: { senderHash: sender } })).toBe(5);
    });

    it('is enforced by the public action, which keeps the typed text', async () => {
      session.ip = '198.51.100.4';
      const fields = { kind: 'NEW_RESOURCE', title: 'Test suggestion limite', message: 'Texte gardé.' };
      for (let index = 0; index < 5; index += 1) {
        expect(await redirectOf(() => actions.submitSuggestionAction({ status: 'idle' }, form(fields)))).toBe('/suggerer/merci');
      }
      const state = await actions.submitSuggestionAction({ status: 'idle' }, form(fields));
      expect(state).toMatchObject({ status: 'error', values: { title: 'Test suggestion limite', message: 'Texte gardé.' } });
      expect(state.message).toMatch(/attendez une heure/);
      // Only a keyed hash of the address is stored.
      const rows = await prisma.suggestion.findMany({ select: { senderHash: true } });
      expect(rows).toHaveLength(5);
      expect(JSON.stringify(rows)).not.toContain('198.51.100.4');
    });

    it('counts every address of one IPv6 /64 as one sender', async () => {
      const fields = { kind: 'NEW_RESOURCE', title: 'Test suggestion IPv6', message: 'Une adresse de plus à chaque envoi.' };
      for (let index = 1; index <= 5; index += 1) {
        session.ip = `2001:db8:5:6::${index.toString(16)}`;
        expect(await redirectOf(() => actions.submitSuggestionAction({ status: 'idle' }, form(fields)))).toBe('/suggerer/merci');
      }
      session.ip = '2001:db8:5:6:ffff:ffff:ffff:ffff';
      expect((await actions.submitSuggestionAction({ status: 'idle' }, form(fields))).message).toMatch(/attendez une heure/);
      session.ip = '2001:db8:5:7::1';
      expect(await redirectOf(() => actions.submitSuggestionAction({ status: 'idle' }, form(fields)))).toBe('/suggerer/merci');
    });
  });

  describe('queue', () => {
    /** `count` pending suggestions, each from a sender of its own (as from many addresses). */
    async function fillQueue(count: number): Promise<void> {
      await prisma.suggestion.createMany({
        data: Array.from({ length: count }, (_, index) => ({ kind: 'NEW_RESOURCE' as const, title: `Test suggestion ${index}`, message: 'Pourriel.', senderHash: hashOf(`192.0.2.${index % 250}:${index}`) })),
      });
    }

    it(`refuses new ones from anyone once ${200} wait for a decision, until members decide some`, async () => {
      expect(suggestions.MAX_PENDING_SUGGESTIONS).toBe(200);
      await fillQueue(suggestions.MAX_PENDING_SUGGESTIONS - 1);
      expect(await suggestions.createSuggestion(prisma, resource(), hashOf('198.51.100.30'))).toMatchObject({ ok: true });
      expect(await suggestions.createSuggestion(prisma, resource(), hashOf('198.51.100.31'))).toEqual({ ok: false, reason: 'queue-full' });
      expect(await prisma.suggestion.count()).toBe(suggestions.MAX_PENDING_SUGGESTIONS);
      // Decided ones do not count.
      const oldest = await prisma.suggestion.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
      await prisma.suggestion.update({ where: { id: oldest.id }, data: { status: 'REJECTED', decidedAt: new Date() } });
      expect(await suggestions.createSuggestion(prisma, resource(), hashOf('198.51.100.31'))).toMatchObject({ ok: true });
    });

    it('holds under concurrent posts from many senders', async () => {
      await fillQueue(suggestions.MAX_PENDING_SUGGESTIONS - 3);
      const results = await Promise.all(Array.from({ length: 10 }, (_, index) => suggestions.createSuggestion(prisma, resource(), hashOf(`198.51.100.${60 + index}`))));
      expect(results.filter((result) => result.ok)).toHaveLength(3);
      expect(results.filter((result) => !result.ok)).toEqual(Array.from({ length: 7 }, () => ({ ok: false, reason: 'queue-full' })));
      expect(await prisma.suggestion.count({ where: { status: 'PENDING' } })).toBe(suggestions.MAX_PENDING_SUGGESTIONS);
    });

    it('tells the visitor in plain French, keeping what they typed', async () => {
      await fillQueue(suggestions.MAX_PENDING_SUGGESTIONS);
      session.ip = '198.51.100.80';
      const state = await actions.submitSuggestionAction({ status: 'idle' }, form({ kind: 'NEW_RESOURCE', title: 'Test suggestion file pleine', message: 'Texte gardé.' }));
      expect(state).toMatchObject({ status: 'error', values: { title: 'Test suggestion file pleine', message: 'Texte gardé.' } });
      expect(state.message).toMatch(/^Nous avons reçu beaucoup de suggestions que l’équipe n’a pas encore lues : le formulaire n’en accepte plus pour le moment\. Réessayez dans quelques jours\./);
      expect(await prisma.suggestion.count()).toBe(suggestions.MAX_PENDING_SUGGESTIONS);
    });
  });

  describe('public action', () => {
    it('silently "succeeds" without storing anything when the honeypot is filled', async () => {
      const target = await redirectOf(() =>
        actions.submitSuggestionAction(
          { status: 'idle' },
          form({ kind: 'NEW_RESOURCE', title: 'Test suggestion robot', message: 'Spam', telecopieur: 'http://spam.example' }),
        ),
      );
      expect(target).toBe('/suggerer/merci');
      expect(await prisma.suggestion.count()).toBe(0);
    });

    it('answers an email without consent with an error beside the field and keeps everything typed', async () => {
      const fields = {
        kind: 'NEW_RESOURCE',
        title: 'Test suggestion <b>gras</b>',
        message: 'x'.repeat(4_000),
        website: 'exemple.org',
        region: 'ESTRIE',
        email: 'ada@exemple.org',
      };
      const state = await actions.submitSuggestionAction({ status: 'idle' }, form(fields));
      expect(state.status).toBe('error');
      expect(state.errors?.email?.[0]).toMatch(/cochez la case/);
      expect(state.values).toMatchObject(fields);
      expect(await prisma.suggestion.count()).toBe(0);
    });

    it('stores a report on a published entry with the entry’s own title, and the email only with consent', async () => {
      const provider = await prisma.provider.create({ data: { slug: `${SLUG_PREFIX}fournisseur`, name: 'Test suggestion Fournisseur' } });
      const target = await redirectOf(() =>
        actions.submitSuggestionAction(
          { status: 'idle' },
          form({
            kind: 'ERROR_REPORT',
            type: 'fournisseur',
            slug: provider.slug,
            title: 'Titre forgé',
            message: 'Le site a changé.',
            email: 'Ada@Exemple.org',
            emailConsent: 'on',
          }),
        ),
      );
      expect(target).toBe('/suggerer/merci?signalement=1');
      const stored = await prisma.suggestion.findFirstOrThrow();
      expect(stored).toMatchObject({
        kind: 'ERROR_REPORT',
        entityType: 'Provider',
        entityId: provider.id,
        title: 'Test suggestion Fournisseur',
        email: 'ada@exemple.org',
        emailConsent: true,
        status: 'PENDING',
      });

      const missing = await actions.submitSuggestionAction({ status: 'idle' }, form({ kind: 'ERROR_REPORT', type: 'besoin', slug: 'nexiste-pas', message: 'x' }));
      expect(missing).toMatchObject({ status: 'error', values: { message: 'x' } });
      expect(missing.message).toMatch(/introuvable/);
    });
  });

  describe('decisions', () => {
    it('accepting a new resource creates a DRAFT provider with a history record, and erases the email', async () => {
      const editor = await createMember(prisma, { role: 'EDITOR' });
      const created = await suggestions.createSuggestion(
        prisma,
        resource({ website: 'https://centre.example.org', region: 'MONTREAL', email: 'ada@exemple.org', emailConsent: true }),
        hashOf('198.51.100.5'),
      );
      if (!created.ok) throw new Error('not stored');
      const result = await suggestions.acceptSuggestion(
        prisma,
        { suggestionId: created.id, decisionNote: 'Bonne piste', target: 'Provider', verifyNote: '' },
        { actorId: editor.id, ip: '203.0.113.20' },
      );
      if (!result.ok) throw new Error(result.reason);
      expect(result.changesPublicPages).toBe(false);

      const provider = await prisma.provider.findUniqueOrThrow({ where: { id: result.result.id } });
      expect(provider).toMatchObject({
        name: 'Test suggestion Centre numérique',
        slug: 'test-suggestion-centre-numerique',
        description: 'Formations gratuites pour les organismes.',
        website: 'https://centre.example.org',
        regions: ['MONTREAL'],
        status: 'DRAFT',
        version: 1,
      });
      const history = await prisma.auditLog.findFirstOrThrow({ where: { entityType: 'Provider', entityId: provider.id } });
      expect(history).toMatchObject({ action: 'provider.create', actorId: editor.id, before: null });
      expect(history.after).toMatchObject({ name: provider.name, status: 'DRAFT', version: 1 });

      const decided = await prisma.suggestion.findUniqueOrThrow({ where: { id: created.id } });
      expect(decided).toMatchObject({ status: 'ACCEPTED', email: null, decidedById: editor.id, decisionNote: 'Bonne piste', resultRef: `Provider:${provider.id}` });
      const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: 'Suggestion', entityId: created.id } });
      expect(audit.action).toBe('suggestion.accept');
      expect(JSON.stringify(audit)).not.toContain('ada@exemple.org');

      // A second suggestion with the same name becomes a solution draft with its own slug.
      const again = await suggestions.createSuggestion(prisma, resource(), hashOf('198.51.100.6'));
      if (!again.ok) throw new Error('not stored');
      const second = await suggestions.acceptSuggestion(prisma, { suggestionId: again.id, decisionNote: '', target: 'Solution', verifyNote: '' }, actor);
      if (!second.ok) throw new Error(second.reason);
      const solution = await prisma.solution.findUniqueOrThrow({ where: { id: second.result.id } });
      expect(solution).toMatchObject({ status: 'DRAFT', title: 'Test suggestion Centre numérique' });
    });

    it('accepting an error report marks the entry "à vérifier" through the history contract', async () => {
      const need = await prisma.need.create({
        data: { slug: `${SLUG_PREFIX}besoin`, kind: 'NEED', title: 'Test besoin', description: 'Description', position: 9_999, verifyNote: 'Note existante' },
      });
      const created = await suggestions.createSuggestion(
        prisma,
        { kind: 'ERROR_REPORT', title: need.title, message: 'Le lien est brisé.', emailConsent: true, email: 'ada@exemple.org', entity: { entityType: 'Need', id: need.id } },
        hashOf('198.51.100.7'),
      );
      if (!created.ok) throw new Error('not stored');
      const now = new Date('2026-11-28T15:00:00Z');
      const result = await suggestions.acceptSuggestion(
        prisma,
        { suggestionId: created.id, decisionNote: '', target: 'Provider', verifyNote: 'Le lien du site est brisé.' },
        actor,
        now,
      );
      if (!result.ok) throw new Error(result.reason);
      expect(result).toMatchObject({ changesPublicPages: true, result: { entityType: 'Need', id: need.id } });

      const flagged = await prisma.need.findUniqueOrThrow({ where: { id: need.id } });
      expect(flagged).toMatchObject({ toVerify: true, version: 2, status: 'PUBLISHED' });
      expect(flagged.verifyNote).toBe('Note existante\nSignalement du public (28 novembre 2026) : Le lien du site est brisé.');
      const history = await prisma.auditLog.findFirstOrThrow({ where: { entityType: 'Need', entityId: need.id } });
      expect(history.action).toBe('need.suggestion');
      expect(history.before).toMatchObject({ toVerify: false, version: 1 });
      expect(history.after).toMatchObject({ toVerify: true, version: 2 });
      expect((await prisma.suggestion.findUniqueOrThrow({ where: { id: created.id } })).email).toBeNull();
    });

    it('rejecting erases the email; a second decision is refused, also when two arrive at once', async () => {
      const first = await suggestions.createSuggestion(prisma, resource({ email: 'ada@exemple.org', emailConsent: true }), hashOf('198.51.100.8'));
      if (!first.ok) throw new Error('not stored');
      expect(await suggestions.rejectSuggestion(prisma, { suggestionId: first.id, decisionNote: 'Déjà présent' }, actor)).toEqual({ ok: true });
      expect(await prisma.suggestion.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'REJECTED', email: null, decisionNote: 'Déjà présent' });
      expect(await suggestions.acceptSuggestion(prisma, { suggestionId: first.id, decisionNote: '', target: 'Provider', verifyNote: '' }, actor)).toEqual({
        ok: false,
        reason: 'already-decided',
      });

      const second = await suggestions.createSuggestion(prisma, resource(), hashOf('198.51.100.9'));
      if (!second.ok) throw new Error('not stored');
      const outcomes = await Promise.all([
        suggestions.acceptSuggestion(prisma, { suggestionId: second.id, decisionNote: '', target: 'Provider', verifyNote: '' }, actor),
        suggestions.rejectSuggestion(prisma, { suggestionId: second.id, decisionNote: '' }, actor),
      ]);
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
      // Only the winning decision left a trace (no orphan draft when the refusal won).
      const drafts = await prisma.provider.count({ where: { name: 'Test suggestion Centre numérique' } });
      const accepted = (await prisma.suggestion.findUniqueOrThrow({ where: { id: second.id } })).status === 'ACCEPTED';
      expect(drafts).toBe(accepted ? 1 : 0);
      expect(await prisma.auditLog.count({ where: { entityType: 'Suggestion', entityId: second.id } })).toBe(1);
    });

    it('deletes decided suggestions older than the retention period at the next decision', async () => {
      const old = await prisma.suggestion.create({
        data: { kind: 'NEW_RESOURCE', title: 'Vieille', message: 'x', senderHash: 'h', status: 'REJECTED', decidedAt: new Date(Date.now() - 13 * 31 * 24 * HOUR) },
      });
      const recent = await prisma.suggestion.create({
        data: { kind: 'NEW_RESOURCE', title: 'Récente', message: 'x', senderHash: 'h', status: 'REJECTED', decidedAt: new Date(Date.now() - 30 * 24 * HOUR) },
      });
      const pending = await prisma.suggestion.create({ data: { kind: 'NEW_RESOURCE', title: 'En attente', message: 'x', senderHash: 'h' } });
      await suggestions.rejectSuggestion(prisma, { suggestionId: pending.id, decisionNote: '' }, actor);
      expect(await prisma.suggestion.findUnique({ where: { id: old.id } })).toBeNull();
      expect(await prisma.suggestion.findUnique({ where: { id: recent.id } })).not.toBeNull();
    });

    it('drafts get the slugs of the admin forms (slugFromTitle, then -2), long titles included', async () => {
      const title = `Test suggestion ${'Centre d’accompagnement numérique & communautaire '.repeat(3)}`;
      const slugs: string[] = [];
      for (const [index, target] of (['Provider', 'Provider', 'Solution'] as const).entries()) {
        const created = await suggestions.createSuggestion(prisma, resource({ title }), hashOf(`198.51.100.${40 + index}`));
        if (!created.ok) throw new Error('not stored');
        const accepted = await suggestions.acceptSuggestion(prisma, { suggestionId: created.id, decisionNote: '', target, verifyNote: '' }, actor);
        if (!accepted.ok) throw new Error(accepted.reason);
        const row =
          target === 'Provider'
            ? await prisma.provider.findUniqueOrThrow({ where: { id: accepted.result.id } })
            : await prisma.solution.findUniqueOrThrow({ where: { id: accepted.result.id } });
        slugs.push(row.slug);
      }
      const base = slugFromTitle(title);
      expect(base.length).toBeGreaterThan(80);
      expect(slugs).toEqual([base, `${base}-2`, base]);
    });

    it('erases the email of a suggestion still pending after 6 months, and keeps the suggestion', async () => {
      const month = 31 * 24 * HOUR;
      const stale = await prisma.suggestion.create({
        data: { kind: 'NEW_RESOURCE', title: 'Oubliée', message: 'x', senderHash: 'h', email: 'ada@exemple.org', emailConsent: true, createdAt: new Date(Date.now() - 7 * month) },
      });
      const fresh = await prisma.suggestion.create({
        data: { kind: 'NEW_RESOURCE', title: 'Récente', message: 'x', senderHash: 'h', email: 'bob@exemple.org', emailConsent: true, createdAt: new Date(Date.now() - 5 * month) },
      });
      // A new suggestion runs the same pruning as a decision.
      expect(await suggestions.createSuggestion(prisma, resource(), hashOf('198.51.100.50'))).toMatchObject({ ok: true });
      expect(await prisma.suggestion.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: 'PENDING', email: null, title: 'Oubliée' });
      expect((await prisma.suggestion.findUniqueOrThrow({ where: { id: fresh.id } })).email).toBe('bob@exemple.org');
    });

    it('lists the queue page by page: pending ones first, then decided ones, without gaps or repeats', async () => {
      const base = Date.now() - 60 * 24 * HOUR;
      for (let index = 0; index < 5; index += 1) {
        await prisma.suggestion.create({ data: { kind: 'NEW_RESOURCE', title: `P${index}`, message: 'x', senderHash: 'h', createdAt: new Date(base + index * HOUR) } });
        await prisma.suggestion.create({
          data: { kind: 'NEW_RESOURCE', title: `D${index}`, message: 'x', senderHash: 'h', status: 'REJECTED', createdAt: new Date(base), decidedAt: new Date(base + index * HOUR) },
        });
      }
      const pages = [];
      for (let skip = 0; skip < 12; skip += 4) pages.push((await suggestions.listSuggestions(prisma, { skip, take: 4 })).map((row) => row.title));
      expect(pages).toEqual([
        ['P0', 'P1', 'P2', 'P3'],
        ['P4', 'D4', 'D3', 'D2'],
        ['D1', 'D0'],
      ]);
      expect((await suggestions.listSuggestions(prisma, { status: 'REJECTED', skip: 3, take: 4 })).map((row) => row.title)).toEqual(['D1', 'D0']);
      expect((await suggestions.listSuggestions(prisma, { status: 'PENDING', skip: 4, take: 4 })).map((row) => row.title)).toEqual(['P4']);
    });

    it('the member actions require a session; an EDITOR may accept, and a public change refreshes the cache', async () => {
      const need = await prisma.need.create({ data: { slug: `${SLUG_PREFIX}besoin-2`, kind: 'ISSUE', title: 'Test enjeu', description: 'D', position: 9_998 } });
      const created = await suggestions.createSuggestion(
        prisma,
        { kind: 'ERROR_REPORT', title: need.title, message: 'Coquille.', emailConsent: false, entity: { entityType: 'Need', id: need.id } },
        hashOf('198.51.100.11'),
      );
      if (!created.ok) throw new Error('not stored');
      const decision = form({ suggestionId: created.id, verifyNote: 'Coquille dans le titre.' });

      expect(await redirectOf(() => actions.acceptSuggestionAction({ status: 'idle' }, decision))).toBe('/admin/connexion');
      expect((await prisma.suggestion.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('PENDING');

      const editor = await createMember(prisma, { role: 'EDITOR' });
      session.current = { sub: editor.id, sv: editor.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
      const state = await actions.acceptSuggestionAction({ status: 'idle' }, decision);
      expect(state).toMatchObject({ status: 'success', result: { href: `/admin/besoins/${need.id}` } });
      expect(cache.updateTag).toHaveBeenCalledWith('inventory');
      expect(await actions.rejectSuggestionAction({ status: 'idle' }, decision)).toMatchObject({ status: 'error' });

      const tooLong = await actions.noteSuggestionAction(
        { status: 'idle' },
        form({ suggestionId: created.id, decisionNote: 'x'.repeat(SUGGESTION_LIMITS.decisionNote + 1) }),
      );
      expect(tooLong.errors?.decisionNote?.[0]).toMatch(/trop longue/);
      // React resets the form after the action: what was typed comes back to fill it again.
      expect(tooLong.values?.decisionNote).toBe('x'.repeat(SUGGESTION_LIMITS.decisionNote + 1));
      const refusedReject = await actions.rejectSuggestionAction({ status: 'idle' }, form({ suggestionId: created.id, decisionNote: 'Déjà traitée.' }));
      expect(refusedReject).toMatchObject({ status: 'error', values: { decisionNote: 'Déjà traitée.' } });
      const other = await suggestions.createSuggestion(prisma, resource(), hashOf('198.51.100.12'));
      if (!other.ok) throw new Error('not stored');
      const refusedAccept = await actions.acceptSuggestionAction(
        { status: 'idle' },
        form({ suggestionId: other.id, target: 'Solution', decisionNote: 'y'.repeat(SUGGESTION_LIMITS.decisionNote + 1) }),
      );
      expect(refusedAccept).toMatchObject({ status: 'error', values: { target: 'Solution', decisionNote: 'y'.repeat(SUGGESTION_LIMITS.decisionNote + 1) } });
      expect(refusedAccept.errors?.decisionNote?.[0]).toMatch(/trop longue/);
      expect(await actions.noteSuggestionAction({ status: 'idle' }, form({ suggestionId: created.id, decisionNote: 'Corrigé.' }))).toMatchObject({ status: 'success' });
    });
  });
});

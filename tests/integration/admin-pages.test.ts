// The authorization of every admin page (app/admin/**/page.tsx), found by reading the
// folders, against the role it needs, written here from the README (not read from the
// pages themselves):
//  - static: the page's first step, after `await connection()`, is requireUser() or
//    requireRole(role): nothing is read before the member is checked;
//  - behaviour: the page, called as Next calls it with the session getter replaced (the
//    member is read from the real database), sends an anonymous visitor and a deactivated
//    member to the sign-in page, answers an EDITOR with a 403 on ADMIN pages, and lets the
//    right role in (the page renders, or says « not found » for an id that does not exist).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionClaims } from '@/lib/security/session-token';
import { clearMemberTables, createMember, createTestClient, databaseUrl, type TestMember } from './helpers/members';

const root = path.resolve(import.meta.dirname, '..', '..');
// The static checks read the sources as written. Under mutation testing the copy that runs is
// instrumented by Stryker (every literal wrapped in a switch), so they read the original
// (TEST_SOURCE_ROOT, set by npm run test:mutation); the behaviour checks run the copy.
const sourceRoot = process.env.TEST_SOURCE_ROOT ?? root;

/** Pages reachable without an account, with the reason. */
const PUBLIC_PAGES: Record<string, string> = {
  'app/admin/connexion/page.tsx': 'The sign-in page: where a session starts.',
  'app/admin/invitation/[token]/page.tsx': 'Choosing a password from a one-time link: the token is the authorization (checked by the action).',
};

/** Pages only an ADMIN may see (README, « Roles and members »: members and the journal). */
const ADMIN_PAGES = new Set(['app/admin/(espace)/journal/page.tsx', 'app/admin/(espace)/membres/page.tsx', 'app/admin/(espace)/membres/[id]/page.tsx']);

/** Every other admin page needs a signed-in member (EDITOR or ADMIN). */
const requiredRole = (file: string) => (ADMIN_PAGES.has(file) ? 'ADMIN' : 'EDITOR');

/** What may run before the guard: nothing that reads data. */
const ALLOWED_BEFORE_GUARD = new Set(['connection']);

function pageFiles(dir: string): string[] {
  return readdirSync(path.join(sourceRoot, dir)).flatMap((name) => {
    const relative = path.posix.join(dir, name);
    if (statSync(path.join(sourceRoot, relative)).isDirectory()) return pageFiles(relative);
    return name === 'page.tsx' || name === 'page.ts' ? [relative] : [];
  });
}

type Guard = { callee: 'requireUser' | 'requireRole'; role: string | null; index: number } | null;

/** The calls of a statement, outermost first. */
function callsIn(node: ts.Node): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isCallExpression(child)) calls.push(child);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return calls;
}

const calleeName = (call: ts.CallExpression) => (ts.isIdentifier(call.expression) ? call.expression.text : call.expression.getText());

/** The default export's statements, and where its guard is among them. */
function inspectPage(file: string): { guard: Guard; before: string[] } {
  const text = readFileSync(path.join(sourceRoot, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const page = source.statements.find(
    (statement): statement is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword),
  );
  if (!page?.body) throw new Error(`${file} : pas de fonction exportée par défaut`);
  const before: string[] = [];
  for (const [index, statement] of page.body.statements.entries()) {
    const calls = callsIn(statement);
    const guard = calls.find((call) => ['requireUser', 'requireRole'].includes(calleeName(call)));
    if (guard) {
      const [argument] = guard.arguments;
      return { guard: { callee: calleeName(guard) as 'requireUser' | 'requireRole', role: argument && ts.isStringLiteral(argument) ? argument.text : null, index }, before };
    }
    before.push(...calls.map(calleeName));
    if (calls.length === 0) before.push(statement.getText().slice(0, 60));
  }
  return { guard: null, before };
}

const pages = pageFiles('app/admin');
const guardedPages = pages.filter((file) => !(file in PUBLIC_PAGES));

describe('admin pages (static)', () => {
  it('finds the admin pages (sanity: the scan sees the known ones)', () => {
    expect(pages).toEqual(expect.arrayContaining(['app/admin/(espace)/page.tsx', 'app/admin/(espace)/journal/page.tsx', 'app/admin/(espace)/besoins/page.tsx', 'app/admin/connexion/page.tsx']));
    expect(guardedPages.length).toBeGreaterThan(25);
    for (const file of [...Object.keys(PUBLIC_PAGES), ...ADMIN_PAGES]) expect(pages, `${file} n'existe plus`).toContain(file);
  });

  it.each(guardedPages)('%s checks the member (with the role it needs) before reading anything', (file) => {
    const { guard, before } = inspectPage(file);
    expect(guard, `${file} : appelez requireUser() ou requireRole() au début de la page`).not.toBeNull();
    expect(before.filter((call) => !ALLOWED_BEFORE_GUARD.has(call)), `${file} : rien ne doit être lu avant le contrôle du membre`).toEqual([]);
    if (requiredRole(file) === 'ADMIN') expect(guard).toMatchObject({ callee: 'requireRole', role: 'ADMIN' });
    else expect(guard!.callee === 'requireUser' || guard!.role === 'EDITOR', `${file} : requireUser() (ou requireRole('EDITOR'))`).toBe(true);
  });
});

// --- Behaviour --------------------------------------------------------------------------

const session = vi.hoisted(() => ({ current: null as SessionClaims | null }));
vi.mock('@/lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth')>()),
  getSession: async () => session.current,
  getRequestIp: async () => '203.0.113.67',
}));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  // Outside a request, Next has no request to wait for.
  connection: async () => undefined,
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.67' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: vi.fn(), delete: vi.fn() }),
}));

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

type PageProps = { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> };

/** A well-formed id that names nothing: the page, once past its guard, says « not found ». */
const UNKNOWN_ID = 'a'.repeat(25);

async function visit(file: string): Promise<string> {
  const mod = (await import(/* @vite-ignore */ path.join(root, file))) as { default: (props: PageProps) => Promise<unknown> };
  const params = Object.fromEntries([...file.matchAll(/\[(\w+)\]/g)].map((match) => [match[1]!, UNKNOWN_ID]));
  try {
    await mod.default({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
    return 'shown';
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return digest.includes('/admin/connexion') ? 'sign-in' : `redirect ${digest}`;
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return 'forbidden';
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'not-found';
    return `error ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe.skipIf(!databaseUrl)('admin pages (behaviour)', () => {
  const prisma = createTestClient();
  const members: Record<'admin' | 'editor' | 'former', TestMember> = {} as never;
  const signInAs = (member: TestMember | null) => {
    session.current = member ? { sub: member.id, sv: member.sessionVersion, authTime: Math.floor(Date.now() / 1000) } : null;
  };

  beforeAll(async () => {
    await clearMemberTables(prisma);
    members.admin = await createMember(prisma, { role: 'ADMIN' });
    members.editor = await createMember(prisma, { role: 'EDITOR' });
    members.former = await createMember(prisma, { role: 'ADMIN', isActive: false });
  });
  afterAll(async () => {
    await clearMemberTables(prisma);
    await prisma.$disconnect();
    const { getDb } = await import('@/lib/db');
    await getDb().$disconnect();
  });

  it('getCurrentUser() (what the layout shows) is null for a visitor and a deactivated member, the member otherwise', async () => {
    const { getCurrentUser } = await import('@/lib/authz');
    signInAs(null);
    expect(await getCurrentUser()).toBeNull();
    signInAs(members.former);
    expect(await getCurrentUser()).toBeNull();
    signInAs(members.editor);
    expect(await getCurrentUser()).toEqual({ id: members.editor.id, name: expect.any(String), email: members.editor.email, role: 'EDITOR' });
    // A session older than the member's last access change is over.
    session.current = { ...session.current!, sv: members.editor.sessionVersion + 1 };
    expect(await getCurrentUser()).toBeNull();
  });

  it('hasRole(): ADMIN can do everything EDITOR can, not the other way round', async () => {
    const { hasRole } = await import('@/lib/authz');
    expect([hasRole({ role: 'ADMIN' }, 'ADMIN'), hasRole({ role: 'ADMIN' }, 'EDITOR'), hasRole({ role: 'EDITOR' }, 'EDITOR'), hasRole({ role: 'EDITOR' }, 'ADMIN')]).toEqual([true, true, true, false]);
  });

  it.each(guardedPages.map((file) => [file, requiredRole(file)] as const))('%s (%s): sign-in for a visitor or a deactivated member, the page for its role', async (file, role) => {
    signInAs(null);
    expect(await visit(file)).toBe('sign-in');
    signInAs(members.former);
    expect(await visit(file)).toBe('sign-in');
    signInAs(members.editor);
    expect(await visit(file)).toEqual(role === 'ADMIN' ? 'forbidden' : expect.stringMatching(/^(shown|not-found)$/));
    signInAs(members.admin);
    expect(await visit(file)).toMatch(/^(shown|not-found)$/);
  });
});

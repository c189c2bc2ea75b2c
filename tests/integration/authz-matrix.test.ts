// The authorization matrix: every server action and route handler of the app (app/, lib/,
// and actions written inline in components/), found by reading the sources (not from a list
// someone must remember to update), must
//  1. call requireUser() or requireRole() itself, first, before anything else is called
//     (nothing is read before the member is checked), or be in PUBLIC_ENTRY_POINTS with a
//     reason (static check, TypeScript AST);
//  2. refuse an anonymous visitor when called (behaviour: each action is imported and
//     called with the session getter returning nothing, before any input is read);
//  3. when it calls requireRole('ADMIN'), refuse an EDITOR with a 403 and a deactivated
//     admin with a redirect, and let an ADMIN through;
//  4. when it is a route handler that changes state (POST, PUT, PATCH, DELETE), check Origin,
//     and refuse a request from another site when called.
// Admin pages have their own matrix (admin-pages.test.ts).
// The database is real (the vitest one); only the session getter is replaced, so
// requireUser() reads the member exactly as in production.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionClaims } from '@/lib/security/session-token';
import { clearMemberTables, createMember, createTestClient, databaseUrl, type TestMember } from './helpers/members';

/**
 * Reachable without an account, on purpose. Key: "file#export"; "#*" means every export of
 * the file, and a file ending in "/**" every file under that folder. Only read-only methods
 * should be listed for whole folders: a new POST there is then caught.
 */
const PUBLIC_ENTRY_POINTS: Record<string, string> = {
  'lib/actions/basket.ts#*': 'The basket lives in the visitor’s own cookie (panier): no account, nothing stored on the server.',
  'lib/actions/auth.ts#signIn': 'Signing in is how a session starts; the credentials check is rate-limited and answers generically.',
  'lib/actions/auth.ts#signOut': 'Only ends the caller’s own session (the one its cookie names) and clears that cookie.',
  'lib/actions/auth.ts#acceptAccessLinkAction': 'Authorized by the one-time token of the link, checked and used once in acceptAccessLink().',
  'lib/actions/suggestions.ts#submitSuggestionAction':
    'Public suggestion / error report form (/suggerer): no account by design; honeypot, size limits and a per-sender rate limit in PostgreSQL; only creates a PENDING suggestion.',
  'lib/actions/verification.ts#stopMailAction':
    'The stop link of campaign messages (/courriels/arret): authorized by the HMAC key of the address (NEXTAUTH_SECRET); only adds that address to the stop list.',
  'lib/actions/provider-claims.ts#requestProviderUpdateAction':
    '« C’est votre organisme ? » on a provider’s page: no account by design; rate-limited per address typed and per visitor in PostgreSQL; only emails a one-time link to the contact on file, or queues a PENDING request.',
  'lib/actions/provider-updates.ts#submitProviderUpdateAction':
    'The organisation’s form behind its one-time link: authorized by the token (hashed, 7 days, used once in the transaction that confirms or queues a proposal); only its own provider.',
  'app/api/auth/[...nextauth]/route.ts#*': 'next-auth’s endpoints (credentials callback, session, CSRF, sign-out): how one signs in; same rate-limited check.',
  'app/(public)/panier/csv/route.ts#GET': 'Read-only export of published entries listed in the URL (open data).',
  'app/(public)/donnees/**#GET': 'Open-data downloads (CSV, JSON, HSDS) of published entries: read-only, public by design.',
  'app/api/v1/**#GET': 'Read-only public API of published entries (open data).',
  'app/api/v1/**#OPTIONS': 'CORS preflight of the read-only public API: no data, no state.',
};

function matchesPublicKey(key: string, entry: Pick<EntryPoint, 'file' | 'name'>): boolean {
  const [pattern, name] = key.split('#') as [string, string];
  const fileMatches = pattern.endsWith('/**') ? entry.file.startsWith(pattern.slice(0, -2)) : entry.file === pattern;
  return fileMatches && (name === '*' || name === entry.name);
}

const root = path.resolve(import.meta.dirname, '..', '..');
// The static checks read the sources as written. Under mutation testing the copy that runs is
// instrumented by Stryker (every literal wrapped in a switch), so they read the original
// (TEST_SOURCE_ROOT, set by npm run test:mutation); the behaviour checks run the copy.
const sourceRoot = process.env.TEST_SOURCE_ROOT ?? root;
const AUTHZ_CALLS = new Set(['requireUser', 'requireRole']);
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ORIGIN_CHECKS = new Set(['refuseCrossOrigin', 'isSameOriginRequest']);

type EntryPoint = {
  kind: 'action' | 'inline-action' | 'route';
  file: string;
  name: string;
  callsAuthz: boolean;
  requiredRole: string | null;
  checksOrigin: boolean;
  /** Calls made before the statement that checks the member (should be none). */
  callsBeforeGuard: string[];
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(sourceRoot, dir)).flatMap((name) => {
    const relative = path.posix.join(dir, name);
    if (name === 'node_modules' || name === 'generated') return [];
    if (statSync(path.join(sourceRoot, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [relative] : [];
  });
}

function hasUseServer(statements: ts.NodeArray<ts.Statement> | undefined): boolean {
  const first = statements?.[0];
  return Boolean(first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use server');
}

const calleeOf = (call: ts.CallExpression) => (ts.isIdentifier(call.expression) ? call.expression.text : call.expression.getText());

/** The calls made by the statements of a body before the first one that checks the member. */
function callsBeforeGuard(node: ts.Node): string[] {
  const statements = ts.isBlock(node) ? [...node.statements] : ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body ? [(node as ts.FunctionLikeDeclaration).body!] : [node];
  if (statements.length === 1 && ts.isBlock(statements[0]!)) return callsBeforeGuard(statements[0]!);
  const before: string[] = [];
  for (const statement of statements) {
    const calls: string[] = [];
    const visit = (child: ts.Node): void => {
      if (ts.isCallExpression(child)) calls.push(calleeOf(child));
      ts.forEachChild(child, visit);
    };
    visit(statement);
    if (calls.some((callee) => AUTHZ_CALLS.has(callee))) return before;
    before.push(...calls);
  }
  return before;
}

/** What a function body calls: authorization (and which role) and the Origin check. */
function inspectBody(node: ts.Node): Pick<EntryPoint, 'callsAuthz' | 'requiredRole' | 'checksOrigin' | 'callsBeforeGuard'> {
  const found = { callsAuthz: false, requiredRole: null as string | null, checksOrigin: false, callsBeforeGuard: callsBeforeGuard(node) };
  const visit = (child: ts.Node): void => {
    if (ts.isCallExpression(child) && ts.isIdentifier(child.expression)) {
      const callee = child.expression.text;
      if (AUTHZ_CALLS.has(callee)) {
        found.callsAuthz = true;
        const [argument] = child.arguments;
        if (callee === 'requireRole' && argument && ts.isStringLiteral(argument)) found.requiredRole = argument.text;
      }
      if (ORIGIN_CHECKS.has(callee)) found.checksOrigin = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function functionOf(node: ts.Node | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!node) return undefined;
  if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  if (ts.isVariableDeclaration(node)) return functionOf(node.initializer);
  return undefined;
}

/** Exported functions of a module, by exported name (follows `export { local as NAME }`). */
function exportedFunctions(source: ts.SourceFile): Map<string, ts.FunctionLikeDeclaration | undefined> {
  const locals = new Map<string, ts.FunctionLikeDeclaration | undefined>();
  const exported = new Map<string, ts.FunctionLikeDeclaration | undefined>();
  const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      locals.set(statement.name.text, statement);
      if (isExported(statement)) exported.set(isDefault(statement) ? 'default' : statement.name.text, statement);
    } else if (ts.isFunctionDeclaration(statement) && isExported(statement)) {
      exported.set('default', statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        locals.set(declaration.name.text, functionOf(declaration));
        if (isExported(statement)) exported.set(declaration.name.text, functionOf(declaration));
      }
    }
  }
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        exported.set(element.name.text, locals.get((element.propertyName ?? element.name).text));
      }
    }
  }
  return exported;
}

function discoverEntryPoints(): EntryPoint[] {
  const entries: EntryPoint[] = [];
  for (const file of [...sourceFiles('app'), ...sourceFiles('lib'), ...sourceFiles('components')]) {
    const text = readFileSync(path.join(sourceRoot, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const isRoute = file.startsWith('app/') && /\/route\.(ts|tsx|js|mjs)$/.test(file);
    if (hasUseServer(source.statements) || isRoute) {
      for (const [name, fn] of exportedFunctions(source)) {
        if (isRoute && !HTTP_METHODS.has(name)) continue;
        const inspected = fn ? inspectBody(fn) : { callsAuthz: false, requiredRole: null, checksOrigin: false, callsBeforeGuard: [] };
        entries.push({ kind: isRoute ? 'route' : 'action', file, name, ...inspected });
      }
    }
    entries.push(...inlineActions(source, file));
  }
  return entries;
}

/** Server actions written inline (in a component): function bodies starting with 'use server'. */
function inlineActions(source: ts.SourceFile, file: string): EntryPoint[] {
  if (hasUseServer(source.statements)) return [];
  const found = new Map<ts.Node, EntryPoint>();
  const visit = (node: ts.Node): void => {
    const fn = functionOf(node);
    // A function assigned to a variable is met twice (declaration, then function): keep one.
    if (fn?.body && ts.isBlock(fn.body) && hasUseServer(fn.body.statements) && !found.has(fn)) {
      const name = (ts.isFunctionDeclaration(fn) && fn.name?.text) || (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) ? node.name.text : `ligne ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      found.set(fn, { kind: 'inline-action', file, name, ...inspectBody(fn.body) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found.values()];
}

const isPublic = (entry: Pick<EntryPoint, 'file' | 'name'>) => Object.keys(PUBLIC_ENTRY_POINTS).some((key) => matchesPublicKey(key, entry));

const entryPoints = discoverEntryPoints();
const guardedActions = entryPoints.filter((entry) => entry.kind === 'action' && !isPublic(entry));
const guardedRoutes = entryPoints.filter((entry) => entry.kind === 'route' && !isPublic(entry));
const stateChangingRoutes = entryPoints.filter((entry) => entry.kind === 'route' && STATE_CHANGING.has(entry.name));

describe('authorization matrix (static)', () => {
  it('finds the entry points of the app (sanity: the scan sees the known ones)', () => {
    const names = entryPoints.map((entry) => `${entry.file}#${entry.name}`);
    expect(names).toEqual(expect.arrayContaining(['lib/actions/members.ts#inviteMemberAction', 'lib/actions/auth.ts#signIn', 'app/api/auth/[...nextauth]/route.ts#POST']));
  });

  it('every server action and route handler calls requireUser()/requireRole(), or is public with a reason', () => {
    const unguarded = entryPoints.filter((entry) => !entry.callsAuthz && !isPublic(entry)).map((entry) => `${entry.kind} ${entry.file}#${entry.name}`);
    expect(unguarded, 'Appelez requireUser() ou requireRole() au début de ces fonctions, ou ajoutez-les à PUBLIC_ENTRY_POINTS avec une raison').toEqual([]);
  });

  it('every guarded server action and route handler checks the member first, before reading anything', () => {
    const late = entryPoints
      .filter((entry) => entry.callsAuthz && !isPublic(entry) && entry.callsBeforeGuard.length > 0)
      .map((entry) => `${entry.kind} ${entry.file}#${entry.name} appelle d’abord ${entry.callsBeforeGuard.join(', ')}`);
    expect(late, 'Appelez requireUser() ou requireRole() avant toute autre chose').toEqual([]);
  });

  it('scans the components for server actions written inline (sanity: the scan reads components/)', () => {
    const scanned = sourceFiles('components');
    expect(scanned).toEqual(expect.arrayContaining(['components/admin/need-form.tsx', 'components/basket/basket-button.tsx']));
    const inline = (text: string) =>
      inlineActions(ts.createSourceFile('components/exemple.tsx', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX), 'components/exemple.tsx').map(
        (entry) => `${entry.name} ${entry.callsAuthz && entry.callsBeforeGuard.length === 0 ? 'guarded' : 'unguarded'}`,
      );
    // The detector itself, on a component with an inline action of each kind.
    expect(
      inline(`export function Form() {
        async function save(data: FormData) { 'use server'; await requireUser(); await write(data); }
        const remove = async () => { 'use server'; await erase(); };
        return <form action={save} />;
      }`),
    ).toEqual(['save guarded', 'remove unguarded']);
    // A guard after a read does not count.
    expect(inline(`export function Form() { async function save() { 'use server'; const rows = await read(); await requireUser(); } return null; }`)).toEqual(['save unguarded']);
  });

  it('every entry of the allow-list still exists and gives a reason', () => {
    for (const [key, reason] of Object.entries(PUBLIC_ENTRY_POINTS)) {
      expect(entryPoints.some((entry) => matchesPublicKey(key, entry)), `${key} n'existe plus`).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('every route handler that changes state checks the Origin of the request', () => {
    const unchecked = entryPoints.filter((entry) => entry.kind === 'route' && STATE_CHANGING.has(entry.name) && !entry.checksOrigin);
    expect(unchecked.map((entry) => `${entry.file}#${entry.name}`)).toEqual([]);
  });

  it('the member actions all require the ADMIN role', () => {
    const members = entryPoints.filter((entry) => entry.file === 'lib/actions/members.ts');
    expect(members.length).toBeGreaterThanOrEqual(5);
    expect(members.filter((entry) => entry.requiredRole !== 'ADMIN').map((entry) => entry.name)).toEqual([]);
  });
});

// --- Behaviour --------------------------------------------------------------------------

const session = vi.hoisted(() => ({ current: null as SessionClaims | null }));
vi.mock('@/lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth')>()),
  getSession: async () => session.current,
  getRequestIp: async () => '203.0.113.66',
}));
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  refresh: vi.fn(),
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.66' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: vi.fn(), delete: vi.fn() }),
}));

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

type Callable = (...args: unknown[]) => Promise<unknown>;

async function outcomeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'allowed';
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return digest.includes('/admin/connexion') ? 'sign-in' : `redirect ${digest}`;
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return 'forbidden';
    return `error ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A form with plausible values, so that an action let through has something to work on. */
function formFor(target: TestMember): FormData {
  const form = new FormData();
  form.set('userId', target.id);
  form.set('role', 'ADMIN');
  form.set('name', 'Nom');
  form.set('email', `nouveau-${Date.now()}@exemple.org`);
  return form;
}

async function callAction(entry: EntryPoint, form: FormData): Promise<string> {
  const mod = (await import(/* @vite-ignore */ path.join(root, entry.file))) as Record<string, Callable>;
  const action = mod[entry.name];
  if (typeof action !== 'function') return `error ${entry.name} is not exported as a function`;
  return outcomeOf(() => action({ status: 'idle' }, form));
}

describe.skipIf(!databaseUrl)('authorization matrix (behaviour)', () => {
  const prisma = createTestClient();
  let admin: TestMember;
  let editor: TestMember;
  let formerAdmin: TestMember;
  let target: TestMember;
  const signInAs = (member: TestMember | null) => {
    session.current = member ? { sub: member.id, sv: member.sessionVersion, authTime: Math.floor(Date.now() / 1000) } : null;
  };

  beforeAll(async () => {
    await clearMemberTables(prisma);
  });
  beforeEach(async () => {
    await clearMemberTables(prisma);
    admin = await createMember(prisma, { role: 'ADMIN' });
    editor = await createMember(prisma, { role: 'EDITOR' });
    formerAdmin = await createMember(prisma, { role: 'ADMIN', isActive: false });
    target = await createMember(prisma, { role: 'EDITOR' });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    const { getDb } = await import('@/lib/db');
    await getDb().$disconnect();
  });

  const adminOnly = guardedActions.filter((entry) => entry.requiredRole === 'ADMIN');

  it.each(guardedActions.map((entry) => [`${entry.file}#${entry.name}`, entry] as const))('%s refuses an anonymous visitor', async (_label, entry) => {
    signInAs(null);
    expect(await callAction(entry, formFor(target))).toBe('sign-in');
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it.each(adminOnly.map((entry) => [`${entry.file}#${entry.name}`, entry] as const))(
    '%s refuses an EDITOR (403) and a deactivated ADMIN, and lets an ADMIN in',
    async (_label, entry) => {
      signInAs(editor);
      expect(await callAction(entry, formFor(target))).toBe('forbidden');
      signInAs(formerAdmin);
      expect(await callAction(entry, formFor(target))).toBe('sign-in');
      expect(await prisma.auditLog.count()).toBe(0);
      expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: 'EDITOR', isActive: true, sessionVersion: 1 });

      signInAs(admin);
      expect(await callAction(entry, formFor(target))).toBe('allowed');
    },
  );

  it('route handlers are tested here (sanity: the blocks below are not empty)', () => {
    expect(stateChangingRoutes.length + guardedRoutes.length).toBeGreaterThan(0);
  });

  it.each(stateChangingRoutes.map((entry) => [`${entry.file}#${entry.name}`, entry] as const))('%s refuses a request from another site (Origin)', async (_label, entry) => {
    signInAs(admin);
    const mod = (await import(/* @vite-ignore */ path.join(root, entry.file))) as Record<string, Callable>;
    const request = new Request('http://localhost/test', { method: entry.name, headers: { origin: 'https://autre-site.example', host: 'localhost' }, body: 'a=1' });
    const response = (await mod[entry.name]!(request, { params: Promise.resolve({}) })) as Response;
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/ne vient pas de ce site/);
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it.each(guardedRoutes.map((entry) => [`${entry.file}#${entry.name}`, entry] as const))('%s refuses an anonymous visitor', async (_label, entry) => {
    signInAs(null);
    const mod = (await import(/* @vite-ignore */ path.join(root, entry.file))) as Record<string, Callable>;
    const request = new Request('http://localhost/test', { method: entry.name, headers: { origin: 'http://localhost', host: 'localhost' } });
    const outcome = await outcomeOf(async () => {
      const response = (await mod[entry.name]!(request, { params: Promise.resolve({}) })) as Response;
      if (response.status !== 401 && response.status !== 403) throw new Error(`status ${response.status}`);
      throw Object.assign(new Error('refused'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    });
    expect(['sign-in', 'forbidden']).toContain(outcome);
  });
});

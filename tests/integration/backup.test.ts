// Backup and restore (npm run db:export / db:import) against real PostgreSQL databases: a
// seeded database with history, suggestions and members is exported, restored into another
// empty database, and exported again. The restored database has the source's rows, table by
// table (read with SQL, not through the backup's own code); the two files are identical (but
// for the export time), the site's content is the same, search documents are rebuilt identically, and what is left
// out on purpose (passwords, one-time links, sign-in attempts) is not there. Every model of
// the schema is either backed up or excluded with a reason.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { readCatalog } from '@/lib/backup/catalog';
import { backupToJson, exportDatabase, type BackupFile } from '@/lib/backup/export';
import { BACKUP_POLICY, DERIVED_COLUMN_TYPES } from '@/lib/backup/policy';
import { BackupError, parseBackupText, restoreDatabase } from '@/lib/backup/restore';
import { loadPublishedDataset } from '@/lib/export/load-dataset';
import { loadEntrySnapshot, recordEntryChange } from '@/lib/history/snapshot';
import { inviteMember } from '@/lib/security/accounts';
import { hashPassword } from '@/lib/security/password';
import { seedInventory } from '@/lib/seed/seed-inventory';
import { seedSynonyms } from '@/lib/seed/seed-synonyms';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/embedded-postgres';
import { applyMigrations } from '@/scripts/lib/migrations';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const stamp = `${process.pid}_${Date.now()}`;
const sourceName = `backup_source_${stamp}`;
const targetName = `backup_target_${stamp}`;

async function createDatabase(name: string): Promise<PrismaClient> {
  await ensureDatabase(serverUrl!, name);
  const url = withDatabase(serverUrl!, name);
  await applyMigrations(url);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

type SearchRow = { id: string; vector: string | null };
async function searchVectors(prisma: PrismaClient): Promise<SearchRow[]> {
  return prisma.$queryRaw<SearchRow[]>`
    SELECT id, "searchVector"::text AS vector FROM "Need"
    UNION ALL SELECT id, "searchVector"::text FROM "Solution"
    UNION ALL SELECT id, "searchVector"::text FROM "Provider"
    ORDER BY id`;
}

const withoutTime = (file: BackupFile) => ({ ...file, exportedAt: '' });

/** What the README says a backup leaves out (tables, and columns restored empty). */
const LEFT_OUT_TABLES: Record<string, string> = {
  InvitationToken: 'one-time links',
  LoginAttempt: 'sign-in attempts',
  MailMessage: 'outbox',
  ScheduledJob: 'scheduler state',
  ProviderUpdateLink: 'one-time links sent to providers',
  ClaimAttempt: 'claim requests counted for the rate limit',
};
const LEFT_OUT_COLUMNS: Record<string, string[]> = { User: ['passwordHash'] };

async function allTables(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
  return rows.map((row) => row.name);
}

/** Every row of `table`, every column (search documents included), as PostgreSQL renders it. */
async function rowsOf(prisma: PrismaClient, table: string): Promise<Record<string, unknown>[]> {
  // A table name cannot be a bound parameter: quoted as an identifier, the rest a tagged template.
  const rows = await prisma.$queryRaw<{ row: Record<string, unknown> }[]>`SELECT to_jsonb(t) AS row FROM ${Prisma.raw(`"${table.replace(/"/g, '""')}"`)} t`;
  return rows.map((row) => row.row);
}

const canonical = (row: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1))));

describe('backup policy', () => {
  it('lists every model of the Prisma schema, each backed up or excluded with a reason', () => {
    expect(Object.keys(BACKUP_POLICY).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    for (const [model, policy] of Object.entries(BACKUP_POLICY)) {
      if (!policy.backup) expect(policy.reason.length, model).toBeGreaterThan(30);
      for (const reason of Object.values(('omitColumns' in policy ? policy.omitColumns : undefined) ?? {})) expect(reason.length, model).toBeGreaterThan(30);
    }
  });
});

describe.skipIf(!serverUrl)('db:export then db:import into an empty database', () => {
  let source: PrismaClient;
  let target: PrismaClient;
  let first: BackupFile;

  beforeAll(async () => {
    source = await createDatabase(sourceName);
    target = await createDatabase(targetName);
    await seedInventory(source);
    await seedSynonyms(source);
    // A search that found nothing, counted for a day.
    await source.emptySearch.create({ data: { query: 'infonuagique', day: new Date('2026-11-27T00:00:00Z'), count: 3 } });

    // Members: one with a password, one invited (a one-time link), a sign-in attempt, a session signed out of.
    const admin = await source.user.create({
      data: { email: 'admin@exemple.org', name: 'Admine', role: 'ADMIN', passwordHash: await hashPassword('un mot de passe assez long'), lastSignInAt: new Date('2026-11-01T10:00:00.123Z') },
    });
    await inviteMember(source, { name: 'Éditrice', email: 'editrice@exemple.org', role: 'EDITOR' }, { actorId: admin.id, ip: '203.0.113.5' });
    await source.loginAttempt.create({ data: { emailHash: 'f'.repeat(64), ip: '203.0.113.5', outcome: 'SUCCESS' } });
    await source.mailMessage.create({ data: { kind: 'test', to: 'organisme@example.org', subject: 'Essai', text: 'Essai', html: '<p>Essai</p>' } });
    await source.scheduledJob.create({ data: { name: 'mail-sender' } });
    // A provider's private contact (kept by the backup, unlike the open data), its link, a proposal, a claim attempt.
    const claimed = await source.provider.findFirstOrThrow({ orderBy: { name: 'asc' } });
    await source.provider.update({ where: { id: claimed.id }, data: { contactEmail: 'direction@organisme.example', contactSource: 'Appel, novembre 2026', verifiedBy: 'ORGANIZATION', verifiedAt: new Date('2026-11-20T00:00:00Z') } });
    await source.providerUpdateLink.create({ data: { tokenHash: 'a'.repeat(64), providerId: claimed.id, reason: 'claim', expiresAt: new Date('2026-12-01T00:00:00Z') } });
    await source.providerProposal.create({ data: { kind: 'UPDATE', providerId: claimed.id, baseVersion: claimed.version, changes: { phone: { before: '', after: '514 555-0100' } } } });
    await source.claimAttempt.create({ data: { emailHash: 'e'.repeat(64), ip: '203.0.113.5' } });
    // A verification campaign's follow-up and the stop list (both restored: no second request, no mail to who said stop).
    await source.verificationRequest.create({ data: { providerId: claimed.id, sentAt: new Date('2026-11-02T00:00:00Z'), reminder1At: new Date('2026-11-23T00:00:00Z'), mailIds: ['m1', 'm2'] } });
    await source.mailSuppression.create({ data: { email: 'arret@organisme.example', source: 'REPLY' } });
    await source.endedSession.create({ data: { id: 'session-fermee', userId: admin.id, expiresAt: new Date('2026-11-28T20:00:00Z') } });

    // History: an entry changed through the history contract, and one archived.
    const need = await source.need.findFirstOrThrow({ orderBy: { position: 'asc' } });
    await source.$transaction(async (tx) => {
      const before = await loadEntrySnapshot(tx, 'Need', need.id);
      await tx.need.update({ where: { id: need.id, version: need.version }, data: { description: 'Décrit « autrement » ; avec accents.', verifiedAt: new Date('2026-10-01T00:00:00Z'), version: { increment: 1 } } });
      const after = await loadEntrySnapshot(tx, 'Need', need.id);
      await recordEntryChange(tx, { actorId: admin.id, ip: '203.0.113.5', verb: 'update', entityType: 'Need', entityId: need.id, before, after });
    });
    const provider = await source.provider.findFirstOrThrow({ orderBy: { slug: 'asc' } });
    await source.provider.update({ where: { id: provider.id }, data: { status: 'ARCHIVED', languages: ['fr', 'en'] } });

    // Suggestions: pending with consent, and one decided.
    await source.suggestion.create({ data: { kind: 'NEW_RESOURCE', title: 'Un organisme', message: 'Ligne 1\nLigne 2', email: 'visiteur@exemple.org', emailConsent: true, senderHash: 'a'.repeat(64) } });
    await source.suggestion.create({
      data: { kind: 'ERROR_REPORT', status: 'ACCEPTED', entityType: 'Need', entityId: need.id, title: need.title, message: 'Faute', senderHash: 'b'.repeat(64), decidedById: admin.id, decidedAt: new Date(), decisionNote: 'Corrigé' },
    });

    first = await exportDatabase(source, new Date('2026-11-28T12:00:00Z'));
  });

  afterAll(async () => {
    await source?.$disconnect();
    await target?.$disconnect();
    await dropDatabase(serverUrl!, sourceName);
    await dropDatabase(serverUrl!, targetName);
  });

  it('writes every table it keeps, with the migration it was taken at, and leaves secrets out', async () => {
    const migrations = await source.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    expect(first).toMatchObject({ format: 'repertoire-numerique-sauvegarde', formatVersion: 1, migration: migrations[0]!.name, exportedAt: '2026-11-28T12:00:00.000Z' });
    expect(Object.keys(first.tables).sort()).toEqual(Object.entries(BACKUP_POLICY).filter(([, policy]) => policy.backup).map(([model]) => model).sort());
    expect(first.tables.Need!.length).toBe(await source.need.count());
    expect(first.tables.AuditLog!.length).toBe(await source.auditLog.count());
    expect(first.tables.SeedRecord!.length).toBeGreaterThan(100);
    expect(first.tables.Suggestion).toHaveLength(2);
    expect(first.tables.User).toHaveLength(2);
    expect(first.tables.EndedSession).toEqual([expect.objectContaining({ id: 'session-fermee' })]);
    expect(first.tables.User!.every((user) => !('passwordHash' in user))).toBe(true);
    expect(first.tables).not.toHaveProperty('InvitationToken');
    expect(first.tables).not.toHaveProperty('LoginAttempt');
    expect(Object.keys(first.excluded)).toEqual(expect.arrayContaining(['InvitationToken', 'LoginAttempt', 'User.passwordHash', 'Need.searchVector']));
    const text = backupToJson(first);
    expect(text).not.toMatch(/argon2/);
    expect(Object.values(first.tables).flat().some((row) => 'searchVector' in row)).toBe(false);
  });

  it('knows every column type of the backed-up tables (a new type fails here until handled)', async () => {
    const catalog = await readCatalog(source, Object.keys(BACKUP_POLICY));
    expect([...catalog.columns.keys()].sort()).toEqual(Object.keys(BACKUP_POLICY).sort());
    const types = new Set([...catalog.columns.values()].flat().map((column) => (column.udtName in DERIVED_COLUMN_TYPES ? 'derived' : column.type)));
    expect([...types].every((type) => ['text', 'integer', 'boolean', 'timestamp', 'jsonb', 'enum', 'derived'].includes(type)), [...types].join(', ')).toBe(true);
  });

  it('refuses a file that is not valid, saying where, and writes nothing', async () => {
    const broken = structuredClone(first) as unknown as { tables: Record<string, Record<string, unknown>[]> };
    broken.tables.Provider![2]!.kind = 'PAS_UN_GENRE';
    delete broken.tables.Need![0]!.title;
    broken.tables.Theme![0]!.couleur = 'bleu';
    const error = await restoreDatabase(target, broken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupError);
    const details = (error as BackupError).details.join('\n');
    expect(details).toMatch(/Table « Provider », ligne 3, colonne « kind »/);
    expect(details).toMatch(/Table « Need », ligne 1, colonne « title »/);
    expect(details).toMatch(/Table « Theme », ligne 1, colonne « couleur »/);
    expect(await target.theme.count()).toBe(0);

    await expect(restoreDatabase(target, { format: 'autre' })).rejects.toThrow(/pas une sauvegarde valide/);
    await expect(restoreDatabase(target, { ...first, migration: '29990101000000_futur' })).rejects.toThrow(/que cette base ne connaît pas/);
    expect(() => parseBackupText('{ pas du json')).toThrow(BackupError);
  });

  it('restores into an empty database; exporting it again gives the same file', async () => {
    // Through the text of the file, as the scripts do.
    const report = await restoreDatabase(target, parseBackupText(backupToJson(first)));
    expect(report.members).toBe(2);
    expect(report.counts.Need).toBe(first.tables.Need!.length);

    const second = await exportDatabase(target, new Date('2026-11-29T08:00:00Z'));
    expect(withoutTime(second)).toEqual(withoutTime(first));
    expect(backupToJson({ ...second, exportedAt: first.exportedAt })).toBe(backupToJson(first));
  });

  it('the restored database holds the rows of the source, table by table, row by row', async () => {
    // Read from both databases with SQL, not through the backup's own code: what the export
    // would drop or change (a column written as null, a table skipped) shows here.
    const tables = await allTables(source);
    expect(tables).toEqual(await allTables(target));
    for (const table of tables) {
      const sourceRows = await rowsOf(source, table);
      const targetRows = await rowsOf(target, table);
      expect(sourceRows.length, `${table} : la base source doit avoir des lignes pour que la comparaison dise quelque chose`).toBeGreaterThan(0);
      if (table in LEFT_OUT_TABLES) {
        expect(targetRows, table).toEqual([]);
        continue;
      }
      const leftOut = LEFT_OUT_COLUMNS[table] ?? [];
      const expected = sourceRows.map((row) => ({ ...row, ...Object.fromEntries(leftOut.map((column) => [column, null])) }));
      expect(targetRows.map(canonical).sort(), table).toEqual(expected.map(canonical).sort());
    }
  });

  it('gives the same site: published content, search documents, history', async () => {
    expect(await loadPublishedDataset(target)).toEqual(await loadPublishedDataset(source));
    const vectors = await searchVectors(target);
    expect(vectors.every((row) => row.vector && row.vector.length > 0)).toBe(true);
    expect(vectors).toEqual(await searchVectors(source));
    const history = await target.auditLog.findMany({ where: { action: 'need.update' } });
    expect(history).toHaveLength(1);
    expect(history[0]!.after).toMatchObject({ description: 'Décrit « autrement » ; avec accents.' });
  });

  it('restores members without passwords, and no links or sign-in attempts', async () => {
    const users = await target.user.findMany({ omit: { passwordHash: false }, orderBy: { email: 'asc' } });
    expect(users.map((user) => [user.email, user.passwordHash])).toEqual([
      ['admin@exemple.org', null],
      ['editrice@exemple.org', null],
    ]);
    expect(users[0]!.lastSignInAt?.toISOString()).toBe('2026-11-01T10:00:00.123Z');
    expect(await target.invitationToken.count()).toBe(0);
    expect(await target.loginAttempt.count()).toBe(0);
    expect(await target.mailMessage.count()).toBe(0);
    expect(await target.scheduledJob.count()).toBe(0);
  });

  it('refuses a database that is not empty, and changes nothing in it', async () => {
    const before = await target.need.count();
    const error = await restoreDatabase(target, first).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).message).toMatch(/n’est pas vide/);
    expect((error as BackupError).details.join()).toMatch(/Need \(\d+\)/);
    expect(await target.need.count()).toBe(before);
  });
});

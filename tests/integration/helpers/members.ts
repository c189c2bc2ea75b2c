// Shared by the member / sign-in integration tests: a client on the vitest database
// (process.env.DATABASE_URL, migrated and empty), table cleanup, member factory.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import type { UserRole } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/security/password';

export const databaseUrl = process.env.DATABASE_URL;

export function createTestClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl! }) });
}

export async function clearMemberTables(prisma: PrismaClient): Promise<void> {
  await prisma.invitationToken.deleteMany();
  await prisma.auditLog.deleteMany();
  await prisma.loginAttempt.deleteMany();
  await prisma.user.deleteMany();
}

/** Every entry and link, then the member tables: a clean slate for tests that save entries. */
export async function clearEntryAndMemberTables(prisma: PrismaClient): Promise<void> {
  await prisma.needSolution.deleteMany();
  await prisma.needLink.deleteMany();
  await prisma.solutionProvider.deleteMany();
  await prisma.need.deleteMany();
  await prisma.solution.deleteMany();
  await prisma.provider.deleteMany();
  await prisma.theme.deleteMany();
  await clearMemberTables(prisma);
}

export type TestMember = { id: string; email: string; role: UserRole; sessionVersion: number; password: string | null };

export async function createMember(
  prisma: PrismaClient,
  { role = 'EDITOR', isActive = true, password = null }: { role?: UserRole; isActive?: boolean; password?: string | null } = {},
): Promise<TestMember> {
  const email = `membre-${randomUUID().slice(0, 8)}@exemple.org`;
  const user = await prisma.user.create({
    data: { email, name: `Membre ${email.slice(7, 11)}`, role, isActive, passwordHash: password ? await hashPassword(password) : null },
    select: { id: true, email: true, role: true, sessionVersion: true },
  });
  return { ...user, password };
}

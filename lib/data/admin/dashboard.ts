import 'server-only';
// The dashboard's figures and short lists: what needs a member's attention.
import { ENTRY_TYPES, type EntryType } from '@/lib/history/snapshot';
import type { Db } from '@/lib/data/admin/write';
import { providerVerificationShares, type ProviderVerificationShares } from '@/lib/verification/shares';

export type DashboardEntry = { type: EntryType; id: string; title: string; date: string | null };

export type DashboardDto = {
  drafts: { count: number; items: DashboardEntry[] };
  toVerify: { count: number; items: DashboardEntry[] };
  stale: { count: number; items: DashboardEntry[] };
  pendingSuggestions: number;
  providerShares: ProviderVerificationShares;
  recent: { id: string; action: string; entityType: string; entityId: string; actorName: string | null; createdAt: string; label: string | null }[];
};

const SHORT = 5;

type Row = { id: string; title: string; updatedAt: Date; verifiedAt?: Date | null };

async function collect(db: Db, where: Record<string, unknown>, withVerification: boolean, orderBy: 'updatedAt' | 'verifiedAt') {
  const order = orderBy === 'verifiedAt' ? [{ verifiedAt: { sort: 'asc' as const, nulls: 'first' as const } }, { updatedAt: 'asc' as const }] : [{ updatedAt: 'desc' as const }];
  const verification = withVerification ? { verifiedAt: true } : {};
  const [needs, solutions, providers, themes] = await Promise.all([
    Promise.all([db.need.count({ where }), db.need.findMany({ where, take: SHORT, orderBy: order, select: { id: true, title: true, updatedAt: true, ...verification } })]),
    Promise.all([db.solution.count({ where }), db.solution.findMany({ where, take: SHORT, orderBy: order, select: { id: true, title: true, updatedAt: true, ...verification } })]),
    Promise.all([
      db.provider.count({ where }),
      db.provider.findMany({ where, take: SHORT, orderBy: order, select: { id: true, name: true, updatedAt: true, ...verification } }).then((rows) => rows.map(({ name, ...row }) => ({ ...row, title: name }))),
    ]),
    withVerification
      ? Promise.resolve([0, [] as Row[]] as const)
      : Promise.all([db.theme.count({ where }), db.theme.findMany({ where, take: SHORT, orderBy: order, select: { id: true, name: true, updatedAt: true } }).then((rows) => rows.map(({ name, ...row }) => ({ ...row, title: name })))]),
  ]);
  const groups: [EntryType, readonly [number, Row[]]][] = [
    ['Need', needs],
    ['Solution', solutions],
    ['Provider', providers],
    ['Theme', themes],
  ];
  const items = groups
    .flatMap(([type, [, rows]]) =>
      rows.map((row) => ({ type, id: row.id, title: row.title, date: (withVerification ? row.verifiedAt : row.updatedAt)?.toISOString() ?? null })),
    )
    .sort((a, b) => (orderBy === 'verifiedAt' ? (a.date ?? '').localeCompare(b.date ?? '') : (b.date ?? '').localeCompare(a.date ?? '')))
    .slice(0, SHORT * 2);
  return { count: groups.reduce((sum, [, [count]]) => sum + count, 0), items };
}

export async function getDashboard(db: Db, now = new Date()): Promise<DashboardDto> {
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const [drafts, toVerify, stale, pendingSuggestions, recentRows, providerRows] = await Promise.all([
    collect(db, { status: 'DRAFT' }, false, 'updatedAt'),
    collect(db, { toVerify: true, status: { not: 'ARCHIVED' } }, true, 'verifiedAt'),
    collect(db, { status: 'PUBLISHED', OR: [{ verifiedAt: null }, { verifiedAt: { lt: yearAgo } }] }, true, 'verifiedAt'),
    db.suggestion.count({ where: { status: 'PENDING' } }),
    db.auditLog.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 10,
      select: { id: true, action: true, entityType: true, entityId: true, createdAt: true, after: true, before: true, actor: { select: { name: true } } },
    }),
    db.provider.findMany({ where: { status: 'PUBLISHED' }, select: { verifiedAt: true, contactEmail: true } }),
  ]);
  const labelOf = (snapshot: unknown): string | null => {
    if (!snapshot || typeof snapshot !== 'object') return null;
    const value = (snapshot as Record<string, unknown>).title ?? (snapshot as Record<string, unknown>).name;
    return typeof value === 'string' ? value : null;
  };
  return {
    drafts,
    toVerify,
    stale,
    pendingSuggestions,
    providerShares: providerVerificationShares(
      providerRows.map((row) => ({ verifiedAt: row.verifiedAt?.toISOString() ?? null, hasContact: row.contactEmail.trim() !== '' })),
      now,
    ),
    recent: recentRows.map((row) => ({
      id: row.id,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      actorName: row.actor?.name ?? null,
      createdAt: row.createdAt.toISOString(),
      label: (ENTRY_TYPES as readonly string[]).includes(row.entityType) ? labelOf(row.after) ?? labelOf(row.before) : null,
    })),
  };
}

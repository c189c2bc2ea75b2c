import 'server-only';
// Filters and pages shared by the admin lists (/admin/besoins, /admin/fournisseurs…), read
// from the URL (GET forms), so that a filtered list can be bookmarked and works without JS.
import { z } from 'zod';
import type { EntryStatus } from '@/lib/generated/prisma/enums';
import { entryStatuses } from '@/lib/validation/entry';

export const ADMIN_PAGE_SIZE = 50;

export type AdminListFilter = {
  status: EntryStatus | null;
  /** Only entries flagged "à vérifier". */
  toVerify: boolean;
  q: string;
  page: number;
};

export type AdminListRow = {
  id: string;
  slug: string;
  title: string;
  /** A short second column: kind, availability… */
  detail: string;
  status: EntryStatus;
  verifiedAt: string | null;
  toVerify: boolean;
  updatedAt: string;
  version: number;
  position?: number;
};

export type AdminListPage = { total: number; rows: AdminListRow[] };

const filterSchema = z.object({
  statut: z.enum(entryStatuses).nullable().catch(null),
  averifier: z.literal('1').nullable().catch(null),
  q: z.string().trim().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Unknown or malformed parameters fall back to "no filter", never to an error page. */
export function parseListFilter(query: Record<string, string | string[] | undefined>): AdminListFilter {
  const parsed = filterSchema.parse({
    statut: first(query.statut) ?? null,
    averifier: first(query.averifier) ?? null,
    q: first(query.q) ?? '',
    page: first(query.page) ?? 1,
  });
  return { status: parsed.statut, toVerify: parsed.averifier === '1', q: parsed.q, page: parsed.page };
}

/** A Prisma `where` for any entry table: status, flag and a case-insensitive text filter. */
export function listFilterWhere<Field extends string>(filter: AdminListFilter, textFields: readonly Field[]) {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.toVerify ? { toVerify: true } : {}),
    ...(filter.q ? { OR: textFields.map((field) => ({ [field]: { contains: filter.q, mode: 'insensitive' as const } })) } : {}),
  } as Record<string, unknown>;
}

export function pageOf(filter: AdminListFilter): { skip: number; take: number } {
  return { skip: (filter.page - 1) * ADMIN_PAGE_SIZE, take: ADMIN_PAGE_SIZE };
}

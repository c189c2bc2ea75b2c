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
  /** Providers only: with or without a private contact (the directory can write to them or not). */
  contact?: 'with' | 'without' | null;
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
  /** Providers: a private contact is recorded (never the address itself in the list). */
  hasContact?: boolean;
};

export type AdminListPage = { total: number; rows: AdminListRow[] };

const filterSchema = z.object({
  statut: z.enum(entryStatuses).nullable().catch(null),
  averifier: z.literal('1').nullable().catch(null),
  q: z.string().trim().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  contact: z.enum(['avec', 'sans']).nullable().catch(null),
});

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Unknown or malformed parameters fall back to "no filter", never to an error page. */
export function parseListFilter(query: Record<string, string | string[] | undefined>): AdminListFilter {
  const parsed = filterSchema.parse({
    statut: first(query.statut) ?? null,
    averifier: first(query.averifier) ?? null,
    q: first(query.q) ?? '',
    page: first(query.page) ?? 1,
    contact: first(query.contact) ?? null,
  });
  const contact = parsed.contact === 'avec' ? 'with' : parsed.contact === 'sans' ? 'without' : null;
  return { status: parsed.statut, toVerify: parsed.averifier === '1', q: parsed.q, page: parsed.page, contact };
}

/** A Prisma `where` for any entry table: status, flag and a case-insensitive text filter. */
export function listFilterWhere<Field extends string>(filter: AdminListFilter, textFields: readonly Field[]) {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.toVerify ? { toVerify: true } : {}),
    ...(filter.contact === 'with' ? { contactEmail: { not: '' } } : filter.contact === 'without' ? { contactEmail: '' } : {}),
    ...(filter.q ? { OR: textFields.map((field) => ({ [field]: { contains: filter.q, mode: 'insensitive' as const } })) } : {}),
  } as Record<string, unknown>;
}

export function pageOf(filter: AdminListFilter): { skip: number; take: number } {
  return { skip: (filter.page - 1) * ADMIN_PAGE_SIZE, take: ADMIN_PAGE_SIZE };
}

// Loads the items of a basket. Takes the PrismaClient so that integration tests can run it
// against a seeded throwaway database; the app calls it through lib/data/basket.ts.
//
// Two SQL statements whatever the length of the list (one per kind, run together): Prisma's
// nested `select` would send one statement per relation level (11 here). The related rows come back
// as JSON aggregates; zod checks each row, so a schema change fails loudly in the integration
// test instead of showing `undefined` on the sheet. A provider's columns come from its
// definition (lib/entries/open-data.ts), so a new public field reaches the sheet.
import { z } from 'zod';
import { foldForSorting } from '@/lib/format';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { fieldsOf, type Field } from '@/lib/entries/fields';
import { Availability, CostOption, HelpKind, InferredField, ProviderRole } from '@/lib/generated/prisma/enums';
import { publicSelect, publicValues } from '@/lib/entries/open-data';
import { providerEntry } from '@/lib/entries/provider';
import { formatRef, type BasketRef } from '@/lib/basket/refs';
import { providerRoleOrder } from '@/lib/labels';
import type { BasketContactDto, BasketContents, BasketItemDto, BasketProviderDto, BasketSolutionDto } from '@/lib/basket/types';

const ROLE_ORDER = providerRoleOrder;

const needRefSchema = z.object({ slug: z.string(), title: z.string() });

const solutionRowSchema = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  availability: z.enum(Availability),
  kinds: z.array(z.enum(HelpKind)),
  cost: z.enum(CostOption),
  inferredFields: z.array(z.enum(InferredField)),
  toVerify: z.boolean(),
  verifyNote: z.string(),
  providers: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      role: z.enum(ProviderRole),
      isRoleInferred: z.boolean(),
      website: z.string(),
      email: z.string(),
      phone: z.string(),
    }),
  ),
  needs: z.array(needRefSchema),
  parentNeeds: z.array(needRefSchema),
});

// The provider's columns its public values are made from (lib/entries/open-data.ts), each
// read as a plain value (enums as text) and checked by its type.
const providerColumns = fieldsOf(providerEntry).filter((field) => Object.hasOwn(publicSelect(providerEntry), field.key));

function columnSql(field: Field): Prisma.Sql {
  const cast = field.type === 'choice' ? '::text' : field.type === 'multiChoice' ? '::text[]' : '';
  return Prisma.raw(`p."${field.key}"${cast} AS "${field.key}"`);
}

function columnSchema(field: Field): z.ZodType {
  switch (field.type) {
    case 'bool':
      return z.boolean();
    case 'int':
      return z.number();
    case 'date':
      return z.date().nullable();
    case 'choice':
      return z.enum(Object.keys(field.options) as [string, ...string[]]);
    case 'multiChoice':
      return z.array(z.enum(Object.keys(field.options) as [string, ...string[]]));
    case 'languages':
      return z.array(z.string());
    case 'ref':
      return z.string().nullable();
    default:
      return z.string();
  }
}

const providerRowSchema = z.object({
  slug: z.string(),
  ...Object.fromEntries(providerColumns.map((field) => [field.key, columnSchema(field)])),
  offers: z.array(z.object({ slug: z.string(), title: z.string(), availability: z.enum(Availability) })),
});

type SolutionRow = z.infer<typeof solutionRowSchema>;
type ProviderRow = z.infer<typeof providerRowSchema>;

// Enum columns are cast to text (and enum arrays to text[]) so that the driver returns
// plain strings and arrays.
function selectSolutions(db: PrismaClient, slugs: string[]): Promise<unknown[]> {
  return db.$queryRaw<unknown[]>`
    SELECT s.slug, s.title, s.description, s.availability::text AS availability, s.kinds::text[] AS kinds,
      s.cost::text AS cost, s."inferredFields"::text[] AS "inferredFields", s."toVerify", s."verifyNote",
      (SELECT coalesce(json_agg(json_build_object('slug', p.slug, 'name', p.name, 'role', link.role, 'isRoleInferred', link."isRoleInferred",
                'website', p.website, 'email', p.email, 'phone', p.phone) ORDER BY p.name, link.role), '[]'::json)
        FROM "SolutionProvider" link JOIN "Provider" p ON p.id = link."providerId"
        WHERE link."solutionId" = s.id AND p.status = 'PUBLISHED') AS providers,
      (SELECT coalesce(json_agg(json_build_object('slug', n.slug, 'title', n.title) ORDER BY n.position), '[]'::json)
        FROM "NeedSolution" link JOIN "Need" n ON n.id = link."needId"
        WHERE link."solutionId" = s.id AND n.status = 'PUBLISHED') AS needs,
      (SELECT coalesce(json_agg(json_build_object('slug', n.slug, 'title', n.title) ORDER BY n.position), '[]'::json)
        FROM "Solution" parent
        JOIN "NeedSolution" link ON link."solutionId" = parent.id
        JOIN "Need" n ON n.id = link."needId"
        WHERE parent.id = s."parentId" AND parent.status = 'PUBLISHED' AND n.status = 'PUBLISHED') AS "parentNeeds"
    FROM "Solution" s
    WHERE s.slug = ANY(${slugs}) AND s.status = 'PUBLISHED'`;
}

// What a provider offers, in the inventory's order (the first need each solution answers,
// or its parent's), one entry per solution even when the provider holds several roles.
function selectProviders(db: PrismaClient, slugs: string[]): Promise<unknown[]> {
  return db.$queryRaw<unknown[]>`
    SELECT p.slug, ${Prisma.join(providerColumns.map(columnSql))},
      (SELECT coalesce(json_agg(json_build_object('slug', offered.slug, 'title', offered.title,
                'availability', offered.availability) ORDER BY offered.first_position, offered."createdAt", offered.slug), '[]'::json)
        FROM (
          SELECT s.slug, s.title, s.availability, s."createdAt",
            coalesce((SELECT min(n.position) FROM "NeedSolution" link JOIN "Need" n ON n.id = link."needId"
                      WHERE link."solutionId" IN (s.id, s."parentId") AND n.status = 'PUBLISHED'), 2147483647) AS first_position
          FROM "Solution" s
          WHERE s.status = 'PUBLISHED'
            AND s.id IN (SELECT link."solutionId" FROM "SolutionProvider" link WHERE link."providerId" = p.id)
        ) offered) AS offers
    FROM "Provider" p
    WHERE p.slug = ANY(${slugs}) AND p.status = 'PUBLISHED'`;
}

function toContacts(row: SolutionRow): BasketContactDto[] {
  // A provider can hold several roles on one solution: one line, every role.
  const bySlug = new Map<string, BasketContactDto>();
  for (const { role, isRoleInferred, ...provider } of row.providers) {
    const existing = bySlug.get(provider.slug);
    const inferred = isRoleInferred ? [role] : [];
    if (existing) {
      existing.roles.push(role);
      existing.inferredRoles.push(...inferred);
    } else bySlug.set(provider.slug, { ...provider, roles: [role], inferredRoles: inferred });
  }
  const firstRole = (contact: BasketContactDto) => Math.min(...contact.roles.map((role) => ROLE_ORDER[role]));
  return [...bySlug.values()]
    .map((contact) => ({ ...contact, roles: [...contact.roles].sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]) }))
    .sort((a, b) => firstRole(a) - firstRole(b) || foldForSorting(a.name).localeCompare(foldForSorting(b.name), 'fr-CA'));
}

function toSolutionItem(row: SolutionRow): BasketSolutionDto {
  return {
    kind: 'solution',
    slug: row.slug,
    name: row.title,
    description: row.description,
    availability: row.availability,
    kinds: row.kinds,
    cost: row.cost,
    inferredFields: row.inferredFields,
    toVerify: row.toVerify,
    verifyNote: row.verifyNote,
    providers: toContacts(row),
    // A sub-point linked to no need of its own is shown under its parent's need.
    needs: row.needs.length > 0 ? row.needs : row.parentNeeds,
  };
}

function toProviderItem(row: ProviderRow): BasketProviderDto {
  const { kind, ...values } = publicValues(providerEntry, row);
  return { ...values, slug: row.slug, kind: 'provider', providerKind: kind, offers: row.offers };
}

/**
 * The published solutions and providers named by `refs`, in the same order. References
 * that name nothing published are returned in `missing`.
 */
export async function findBasketItems(db: PrismaClient, refs: readonly BasketRef[]): Promise<BasketContents> {
  const solutionSlugs = refs.filter((ref) => ref.kind === 'solution').map((ref) => ref.slug);
  const providerSlugs = refs.filter((ref) => ref.kind === 'provider').map((ref) => ref.slug);
  const [solutionRows, providerRows] = await Promise.all([
    solutionSlugs.length > 0 ? selectSolutions(db, solutionSlugs) : [],
    providerSlugs.length > 0 ? selectProviders(db, providerSlugs) : [],
  ]);

  const found = new Map<string, BasketItemDto>();
  for (const row of solutionRows) {
    const item = toSolutionItem(solutionRowSchema.parse(row));
    found.set(formatRef({ kind: 'solution', slug: item.slug }), item);
  }
  for (const row of providerRows) {
    const item = toProviderItem(providerRowSchema.parse(row));
    found.set(formatRef({ kind: 'provider', slug: item.slug }), item);
  }

  const items: BasketItemDto[] = [];
  const missing: BasketRef[] = [];
  for (const ref of refs) {
    const item = found.get(formatRef(ref));
    if (item) items.push(item);
    else missing.push(ref);
  }
  return { items, missing };
}

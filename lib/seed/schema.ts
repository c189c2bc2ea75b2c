// Shape of the seed inventory file (prisma/seed/inventaire-2023.json), checked when it is
// loaded. Besides field types, the root refinement checks what a person editing the file
// by hand can get wrong: duplicate keys and references to keys that do not exist.
import { z } from 'zod';
import {
  Audience,
  Availability,
  CostOption,
  HelpKind,
  InferredField,
  NeedKind,
  ProviderKind,
  ProviderRole,
  Region,
  ServiceFormat,
} from '../generated/prisma/enums';

/** Keys become URL slugs (/besoins/<key>, /fournisseurs/<key>) and must never change. */
export const seedKeySchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case slug: a-z, 0-9 and single dashes');

// Text is stored as written: reject stray whitespace instead of silently trimming it,
// so that the file and the database always hold the same wording.
const trimmed = z.string().refine((value) => value === value.trim(), 'no leading or trailing whitespace');
const requiredText = trimmed.refine((value) => value.length > 0, 'must not be empty');
const optionalText = trimmed.default('');

type Verifiable = { toVerify: boolean; verifyNote: string };

// "À vérifier" always comes with the reason, and a reason always raises the flag.
function checkVerifyNote(entry: Verifiable, ctx: z.RefinementCtx): void {
  if (entry.toVerify && entry.verifyNote === '') {
    ctx.addIssue({ code: 'custom', path: ['verifyNote'], message: 'toVerify is true: say what to verify' });
  }
  if (!entry.toVerify && entry.verifyNote !== '') {
    ctx.addIssue({ code: 'custom', path: ['toVerify'], message: 'verifyNote is set: toVerify must be true' });
  }
}

const verifiable = {
  toVerify: z.boolean().default(false),
  verifyNote: optionalText,
};

function uniqueArray<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .default([])
    .refine((values) => new Set(values).size === values.length, 'duplicate values');
}

export const seedCorrectionSchema = z.strictObject({
  original: requiredText,
  corrected: requiredText,
  reason: requiredText,
});

export const seedSourceSchema = z.strictObject({
  title: requiredText,
  organisation: requiredText,
  date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'),
  /** Verbatim copy of the source, relative to the repository root. */
  file: requiredText,
  corrections: z.array(seedCorrectionSchema).default([]),
  remarks: z.array(requiredText).default([]),
});

export const seedThemeSchema = z.strictObject({
  key: seedKeySchema,
  name: requiredText,
  description: optionalText,
});

export const seedProviderSchema = z
  .strictObject({
    key: seedKeySchema,
    name: requiredText,
    alternateName: optionalText,
    kind: z.enum(ProviderKind).default('ORGANIZATION'),
    description: optionalText,
    website: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
    email: z.union([z.literal(''), z.email()]).default(''),
    phone: optionalText,
    regions: uniqueArray(z.enum(Region)),
    audiences: uniqueArray(z.enum(Audience)),
    cost: z.enum(CostOption).default('UNKNOWN'),
    formats: uniqueArray(z.enum(ServiceFormat)),
    /** ISO 639-1 codes. */
    languages: uniqueArray(z.string().regex(/^[a-z]{2}$/, 'expected an ISO 639-1 code')),
    ...verifiable,
  })
  .superRefine(checkVerifyNote);

export const seedSolutionProviderSchema = z.strictObject({
  provider: seedKeySchema,
  role: z.enum(ProviderRole).default('OFFERS'),
  /** The team inferred the role: the source names the provider without saying it. */
  isRoleInferred: z.boolean().default(false),
});

// Explicit type: the schema refers to itself (children are the source's nested bullets).
export type SeedSolutionInput = {
  key: string;
  title: string;
  description: string;
  availability: Availability;
  kinds?: HelpKind[];
  cost?: CostOption;
  inferredFields?: InferredField[];
  toVerify?: boolean;
  verifyNote?: string;
  providers?: Array<{ provider: string; role?: ProviderRole; isRoleInferred?: boolean }>;
  children?: SeedSolutionInput[];
};

export type SeedSolution = {
  key: string;
  title: string;
  description: string;
  availability: Availability;
  kinds: HelpKind[];
  cost: CostOption;
  inferredFields: InferredField[];
  toVerify: boolean;
  verifyNote: string;
  providers: Array<{ provider: string; role: ProviderRole; isRoleInferred: boolean }>;
  children: SeedSolution[];
};

// "Existence à confirmer" says what is to confirm, like any flag; an inferred value is there
// to be seen (no mark on an empty list or an unknown cost).
function checkSolution(solution: SeedSolution, ctx: z.RefinementCtx): void {
  checkVerifyNote(solution, ctx);
  if (solution.availability === 'UNCONFIRMED' && !solution.toVerify) {
    ctx.addIssue({ code: 'custom', path: ['toVerify'], message: 'availability is UNCONFIRMED: toVerify must say what to confirm' });
  }
  if (solution.inferredFields.includes('KINDS') && solution.kinds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['inferredFields'], message: 'KINDS is marked inferred but kinds is empty' });
  }
  if (solution.inferredFields.includes('COST') && solution.cost === 'UNKNOWN') {
    ctx.addIssue({ code: 'custom', path: ['inferredFields'], message: 'COST is marked inferred but cost is UNKNOWN' });
  }
}

export const seedSolutionSchema: z.ZodType<SeedSolution, SeedSolutionInput> = z
  .strictObject({
    key: seedKeySchema,
    title: requiredText,
    description: requiredText,
    availability: z.enum(Availability),
    kinds: uniqueArray(z.enum(HelpKind)),
    cost: z.enum(CostOption).default('UNKNOWN'),
    /** Which of kinds and cost the team inferred: public pages say so next to the value. */
    inferredFields: uniqueArray(z.enum(InferredField)),
    ...verifiable,
    providers: z.array(seedSolutionProviderSchema).default([]),
    get children() {
      return z.array(seedSolutionSchema).default([]);
    },
  })
  .superRefine(checkSolution);

export const seedRelatedNeedSchema = z.strictObject({
  need: seedKeySchema,
  note: optionalText,
});

export const seedNeedSchema = z
  .strictObject({
    key: seedKeySchema,
    kind: z.enum(NeedKind),
    title: requiredText,
    description: requiredText,
    note: optionalText,
    theme: seedKeySchema.nullable().default(null),
    ...verifiable,
    related: z.array(seedRelatedNeedSchema).default([]),
    solutions: z.array(seedSolutionSchema).default([]),
  })
  .superRefine(checkVerifyNote);

/** Every solution of a tree, parents before their children, in bullet order. */
export function flattenSolutions(solutions: SeedSolution[]): SeedSolution[] {
  return solutions.flatMap((solution) => [solution, ...flattenSolutions(solution.children)]);
}

function reportDuplicates(keys: string[], path: (string | number)[], what: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path, message: `duplicate ${what} key "${key}"` });
    seen.add(key);
  }
}

export const seedInventorySchema = z
  .strictObject({
    source: seedSourceSchema,
    themes: z.array(seedThemeSchema).default([]),
    providers: z.array(seedProviderSchema).default([]),
    needs: z.array(seedNeedSchema).default([]),
  })
  .superRefine((inventory, ctx) => {
    const themeKeys = new Set(inventory.themes.map((theme) => theme.key));
    const providerKeys = new Set(inventory.providers.map((provider) => provider.key));
    const needKeys = new Set(inventory.needs.map((need) => need.key));

    reportDuplicates(inventory.themes.map((theme) => theme.key), ['themes'], 'theme', ctx);
    reportDuplicates(inventory.providers.map((provider) => provider.key), ['providers'], 'provider', ctx);
    reportDuplicates(inventory.needs.map((need) => need.key), ['needs'], 'need', ctx);
    const allSolutions = inventory.needs.flatMap((need) => flattenSolutions(need.solutions));
    reportDuplicates(allSolutions.map((solution) => solution.key), ['needs'], 'solution', ctx);

    inventory.needs.forEach((need, needIndex) => {
      const at = ['needs', needIndex];
      if (need.theme !== null && !themeKeys.has(need.theme)) {
        ctx.addIssue({ code: 'custom', path: [...at, 'theme'], message: `unknown theme "${need.theme}"` });
      }
      const relatedSeen = new Set<string>();
      need.related.forEach((related, relatedIndex) => {
        const path = [...at, 'related', relatedIndex, 'need'];
        if (!needKeys.has(related.need)) ctx.addIssue({ code: 'custom', path, message: `unknown need "${related.need}"` });
        if (related.need === need.key) ctx.addIssue({ code: 'custom', path, message: 'a need cannot be related to itself' });
        if (relatedSeen.has(related.need)) ctx.addIssue({ code: 'custom', path, message: `"${related.need}" is listed twice` });
        relatedSeen.add(related.need);
      });
      for (const solution of flattenSolutions(need.solutions)) {
        const linkSeen = new Set<string>();
        for (const link of solution.providers) {
          const path = [...at, 'solutions', solution.key, 'providers'];
          if (!providerKeys.has(link.provider)) {
            ctx.addIssue({ code: 'custom', path, message: `unknown provider "${link.provider}" in solution "${solution.key}"` });
          }
          const linkKey = `${link.provider}:${link.role}`;
          if (linkSeen.has(linkKey)) {
            ctx.addIssue({ code: 'custom', path, message: `provider "${link.provider}" listed twice as ${link.role} in "${solution.key}"` });
          }
          linkSeen.add(linkKey);
        }
      }
    });
  });

export type SeedInventoryInput = z.input<typeof seedInventorySchema>;
export type SeedInventory = z.output<typeof seedInventorySchema>;
export type SeedTheme = SeedInventory['themes'][number];
export type SeedProvider = SeedInventory['providers'][number];
export type SeedNeed = SeedInventory['needs'][number];

/** Validates an inventory (parsed JSON); throws an error listing every problem. */
export function parseInventory(input: unknown): SeedInventory {
  const result = seedInventorySchema.safeParse(input);
  if (!result.success) {
    throw new Error(`Invalid seed inventory:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

// Plain objects for the basket page, the printed sheet and the CSV file.
import type { Availability, CostOption, HelpKind, InferredField, ProviderKind, ProviderRole } from '@/lib/generated/prisma/enums';
import type { BasketRef } from '@/lib/basket/refs';
import type { providerEntry } from '@/lib/entries/provider';
import type { PublicValues } from '@/lib/entries/types';

/** Who stands behind a solution, with what the sheet needs to reach them. */
export type BasketContactDto = {
  slug: string;
  name: string;
  roles: ProviderRole[];
  /** The roles among `roles` that the team inferred. */
  inferredRoles: ProviderRole[];
  website: string;
  email: string;
  phone: string;
};

export type BasketSolutionDto = {
  kind: 'solution';
  slug: string;
  name: string;
  description: string;
  availability: Availability;
  kinds: HelpKind[];
  cost: CostOption;
  inferredFields: InferredField[];
  toVerify: boolean;
  verifyNote: string;
  providers: BasketContactDto[];
  /** The needs it answers, in the inventory's order (its page is under the first one). */
  needs: { slug: string; title: string }[];
};

/** A provider on the sheet: its name and description, its definition's `basket` facts (lib/entries/provider.ts). */
export type BasketProviderDto = Pick<PublicValues<typeof providerEntry>, 'name' | 'alternateName' | 'description' | 'toVerify' | 'verifyNote' | keyof typeof providerEntry.basket> & {
  kind: 'provider';
  slug: string;
  providerKind: ProviderKind;
  /** What it offers, funds or partners on: the published solutions that name it. */
  offers: { slug: string; title: string; availability: Availability }[];
};

export type BasketItemDto = BasketSolutionDto | BasketProviderDto;

export type BasketContents = {
  /** In the order of the references asked for. */
  items: BasketItemDto[];
  /** References that name nothing published (deleted, unpublished, or never existed). */
  missing: BasketRef[];
};

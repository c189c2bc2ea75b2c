// Where an item of the basket lives in the directory.
import type { BasketItemDto } from '@/lib/basket/types';
import { providerPath, solutionPath } from '@/lib/seo/urls';

export function basketItemPath(item: BasketItemDto): string {
  return item.kind === 'provider' ? providerPath(item.slug) : solutionPath(item.slug);
}

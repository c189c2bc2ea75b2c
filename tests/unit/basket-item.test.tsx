// A provider on the basket's sheet: its facts come from its definition (lib/entries/provider.ts
// `basket`). Recorded from the hand-written sheet, the derived one renders the same markup.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BasketItem } from '@/components/basket/basket-item';
import type { BasketProviderDto } from '@/lib/basket/types';

const known: BasketProviderDto = {
  kind: 'provider',
  slug: 'centre-d-ecoute',
  name: 'Centre Écoute',
  alternateName: 'CÉ',
  providerKind: 'ORGANIZATION',
  description: 'Première ligne.',
  website: 'https://ecoute.example.org/',
  email: 'bonjour@example.org',
  phone: '+1 514 555-0199',
  regions: ['MONTREAL', 'LAVAL'],
  cost: 'FREE',
  formats: ['ONLINE'],
  toVerify: true,
  verifyNote: 'Coordonnées à confirmer.',
  offers: [{ slug: 'ligne-d-ecoute', title: "Ligne d'écoute", availability: 'EXISTING' }],
} as BasketProviderDto;
const unknown = { ...known, website: '', email: '', phone: '', regions: [], cost: 'UNKNOWN', formats: [], toVerify: false, verifyNote: '', offers: [] } as BasketProviderDto;

describe('a provider on the basket sheet', () => {
  it('shows its facts as the hand-written sheet did: « Non précisé » where the list says so, nothing for unknown formats and cost', () => {
    expect(renderToStaticMarkup(<BasketItem item={known} />)).toMatchSnapshot();
    expect(renderToStaticMarkup(<BasketItem item={unknown} />)).toMatchSnapshot();
  });
});

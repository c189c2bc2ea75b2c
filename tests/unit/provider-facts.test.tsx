// The provider's facts panel, derived from its definition (lib/entries/provider.ts `facts`):
// recorded from the hand-written panel, it must render the same markup, for a provider with
// everything known, one with nothing known, and one with an unsafe web address.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { hasKnownFacts, ProviderFacts, type ProviderFactsSource } from '@/components/inventory/provider-facts';

const known: ProviderFactsSource = {
  website: 'https://www.organisme.org/',
  email: 'info@organisme.org',
  phone: '514 555-1234, poste 12',
  streetAddress: '', municipality: '', postalCode: '',
  regions: ['MONTREAL', 'LAVAL'],
  audiences: ['COMMUNITY_ORGANIZATIONS'],
  cost: 'FREE',
  formats: ['ONLINE', 'IN_PERSON'],
  languages: ['fr', 'en', 'pt'],
} as ProviderFactsSource;
const unknown: ProviderFactsSource = { website: '', email: '', phone: '', streetAddress: '', municipality: '', postalCode: '', regions: [], audiences: [], cost: 'UNKNOWN', formats: [], languages: [] } as ProviderFactsSource;

describe('provider facts panel', () => {
  it('renders every fact, known or « Non précisé », as the hand-written panel did', () => {
    expect(renderToStaticMarkup(<ProviderFacts provider={known} />)).toMatchSnapshot();
    expect(renderToStaticMarkup(<ProviderFacts provider={unknown} />)).toMatchSnapshot();
    expect(renderToStaticMarkup(<ProviderFacts provider={{ ...known, website: 'javascript:alert(1)', cost: 'UNKNOWN' }} knownOnly />)).toMatchSnapshot();
  });

  it('knows when nothing is known', () => {
    expect(hasKnownFacts(unknown)).toBe(false);
    expect(hasKnownFacts({ ...unknown, phone: '514 555-1234' })).toBe(true);
    expect(renderToStaticMarkup(<ProviderFacts provider={unknown} knownOnly />)).toBe('');
  });
});

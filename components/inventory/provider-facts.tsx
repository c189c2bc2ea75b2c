import type { ReactNode } from 'react';
import { audienceLabels, costLabels, formatLabels, languageLabel, regionLabels } from '@/lib/labels';
import type { ProviderDto } from '@/lib/data/types';

export type ProviderFactsSource = Pick<
  ProviderDto,
  'website' | 'email' | 'phone' | 'regions' | 'audiences' | 'cost' | 'formats' | 'languages'
>;

const NOT_PROVIDED = 'À compléter';

// Only http(s) addresses become links: a "javascript:" URL typed into a record must never run.
function websiteLink(website: string): ReactNode {
  if (!/^https?:\/\//i.test(website)) return website;
  const host = website.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return <a href={website}>{host}</a>;
}

function facts(provider: ProviderFactsSource): { label: string; value: ReactNode | null }[] {
  const list = (values: string[]) => (values.length > 0 ? values.join(', ') : null);
  return [
    { label: 'Site Web', value: provider.website ? websiteLink(provider.website) : null },
    { label: 'Courriel', value: provider.email ? <a href={`mailto:${provider.email}`}>{provider.email}</a> : null },
    {
      label: 'Téléphone',
      value: provider.phone ? <a href={`tel:${provider.phone.replace(/[^+\d]/g, '')}`}>{provider.phone}</a> : null,
    },
    { label: 'Régions desservies', value: list(provider.regions.map((region) => regionLabels[region])) },
    { label: 'Pour qui', value: list(provider.audiences.map((audience) => audienceLabels[audience])) },
    { label: 'Coût', value: provider.cost === 'UNKNOWN' ? null : costLabels[provider.cost] },
    { label: 'Format', value: list(provider.formats.map((format) => formatLabels[format])) },
    { label: 'Langues', value: list(provider.languages.map(languageLabel)) },
  ];
}

export function hasKnownFacts(provider: ProviderFactsSource): boolean {
  return facts(provider).some((fact) => fact.value !== null);
}

/**
 * Contact details and conditions of a provider. On its own page every line is shown, with
 * "À compléter" where the directory does not know yet; elsewhere (`knownOnly`) only what is known.
 */
export function ProviderFacts({ provider, knownOnly = false }: { provider: ProviderFactsSource; knownOnly?: boolean }) {
  const shown = facts(provider).filter((fact) => !knownOnly || fact.value !== null);
  if (shown.length === 0) return null;
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-md bg-slate-50 p-4 sm:grid-cols-[max-content_1fr]">
      {shown.map((fact) => (
        <div key={fact.label} className="contents">
          <dt className="font-medium">{fact.label}</dt>
          <dd className={fact.value === null ? 'italic text-slate-700' : 'min-w-0 wrap-anywhere'}>{fact.value ?? NOT_PROVIDED}</dd>
        </div>
      ))}
    </dl>
  );
}

import type { ReactNode } from 'react';
import { MISSING_INFORMATION } from '@/lib/copy/vocabulary';
import { fieldOf, publicLabel, type Field } from '@/lib/entries/fields';
import { providerEntry } from '@/lib/entries/provider';
import type { FactGroup, FactKey, PublicValues } from '@/lib/entries/types';
import { factText } from '@/lib/entries/open-data';

// The facts of a provider's panel are its definition's `facts` (lib/entries/provider.ts), in
// that order, each shown as its type says: links for a web address, an email and a phone,
// French labels for codes. A group shows its known fields on one line.
const FACTS: { label: string; fields: Field[] }[] = (providerEntry.facts as readonly (string | FactGroup)[]).map((fact) => {
  if (typeof fact !== 'string') return { label: fact.label, fields: fact.fields.map((key) => fieldOf(providerEntry, key)!) };
  const field = fieldOf(providerEntry, fact)!;
  return { label: publicLabel(field), fields: [field] };
});

export type ProviderFactsSource = Pick<PublicValues<typeof providerEntry>, FactKey<typeof providerEntry>>;

const NOT_PROVIDED = MISSING_INFORMATION;

// Only http(s) addresses become links: a "javascript:" URL typed into a record must never run.
function websiteLink(website: string): ReactNode {
  if (!/^https?:\/\//i.test(website)) return website;
  const host = website.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return <a href={website}>{host}</a>;
}

/** A public value as the site shows it (a link for a web address, an email, a phone); null when it is not known. */
export function factValue(field: Field, value: unknown): ReactNode | null {
  const text = factText(field, value);
  if (text === null) return null;
  switch (field.type) {
    case 'url':
      return websiteLink(text);
    case 'email':
      return <a href={`mailto:${text}`}>{text}</a>;
    case 'phone':
      return <a href={`tel:${text.replace(/[^+\d]/g, '')}`}>{text}</a>;
    default:
      return text;
  }
}

function facts(provider: ProviderFactsSource): { label: string; value: ReactNode | null }[] {
  return FACTS.map(({ label, fields }) => {
    const values = fields.map((field) => factValue(field, provider[field.key as keyof ProviderFactsSource])).filter((value) => value !== null);
    if (values.length <= 1) return { label, value: values[0] ?? null };
    return { label, value: values.map((value, index) => <span key={index}>{index > 0 && ', '}{value}</span>) };
  });
}

export function hasKnownFacts(provider: ProviderFactsSource): boolean {
  return facts(provider).some((fact) => fact.value !== null);
}

/**
 * Contact details and conditions of a provider. On its own page every line is shown, with
 * "Non précisé" where the directory does not know yet; elsewhere (`knownOnly`) only what is known.
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

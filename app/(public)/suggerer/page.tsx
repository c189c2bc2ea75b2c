import { Abbreviated } from '@/components/ui/abbreviated';
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ENTRY_TYPE_LABELS, publicEntryPath } from '@/lib/suggestions/entry-paths';
import { SuggestionForm } from '@/components/suggestions/suggestion-form';
import { findReportableEntry } from '@/lib/data/suggestions';
import { getDb } from '@/lib/db';
import { regionLabels } from '@/lib/labels';
import { pageMetadata } from '@/lib/seo/metadata';
import { isValidSlug } from '@/lib/validation/slug';
import { HONEYPOT_FIELD, isReportType, SUGGESTION_LIMITS } from '@/lib/validation/suggestion';

export const metadata: Metadata = pageMetadata({
  title: 'Suggérer une solution ou un fournisseur, ou signaler une erreur',
  description:
    'Proposez un organisme, un programme ou un outil qui manque au répertoire, ou signalez une information à corriger. Aucun compte n’est nécessaire.',
  path: '/suggerer',
});

type Props = { searchParams: Promise<{ type?: string | string[]; slug?: string | string[]; recherche?: string | string[] }> };

const FORM_PROPS = {
  regions: Object.entries(regionLabels) as [string, string][],
  messageMaxLength: SUGGESTION_LIMITS.message,
  honeypotField: HONEYPOT_FIELD,
};

export default async function SuggestPage({ searchParams }: Props) {
  await connection();
  const { type, slug, recherche } = await searchParams;
  const wantsReport = type !== undefined || slug !== undefined;
  // The entry is looked up again when the form is sent: these parameters are only a start.
  const entry = isReportType(type) && typeof slug === 'string' && isValidSlug(slug) ? await findReportableEntry(getDb(), type, slug) : null;

  if (entry && isReportType(type)) {
    const labels = ENTRY_TYPE_LABELS[entry.entityType];
    return (
      <article className="max-w-3xl space-y-6">
        <header className="space-y-3">
          <h1 className="text-3xl font-bold text-brand-900">Signaler une erreur</h1>
          <div className="rounded border border-slate-300 bg-slate-50 p-4">
            <p className="text-sm text-slate-700">Fiche signalée ({labels.noun.toLowerCase()}) :</p>
            <p className="font-semibold">
              <Link href={publicEntryPath(entry.entityType, entry.slug)}><Abbreviated text={entry.title} /></Link>
            </p>
          </div>
          <p>
            Dites-nous ce qui ne va pas dans cette fiche. Un membre de la Table lira votre message et vérifiera l’information. Pas
            besoin de compte.
          </p>
          <p className="text-sm text-slate-700">
            Vous voulez plutôt suggérer une solution ou un fournisseur ? <Link href="/suggerer">Faire une suggestion</Link>.
          </p>
        </header>
        <SuggestionForm report={{ type, slug: entry.slug }} {...FORM_PROPS} />
        <PrivacyNote />
      </article>
    );
  }

  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Suggérer une solution ou un fournisseur</h1>
        {wantsReport && (
          <p className="rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950">
            La fiche que vous vouliez signaler est introuvable : elle a peut-être été retirée ou renommée. Vous pouvez décrire le
            problème ci-dessous, ou retrouver la fiche avec la <Link href="/recherche">recherche</Link> et utiliser son lien
            « Signaler une erreur ».
          </p>
        )}
        <p>
          Un organisme, un programme ou un outil numérique pour les organismes communautaires manque au répertoire ? Décrivez-le
          ici. Un membre de la Table le vérifiera avant de l’ajouter. Pas besoin de compte.
        </p>
        <p className="text-sm text-slate-700">
          Une information est inexacte dans une fiche ? Ouvrez la fiche et suivez son lien « Signaler une erreur ».
        </p>
      </header>
      <SuggestionForm {...FORM_PROPS} defaultMessage={typeof recherche === 'string' && recherche.trim() ? `Recherche restée sans résultat : « ${recherche.trim().slice(0, 100)} ». ` : ''} />
      <PrivacyNote />
    </article>
  );
}

function PrivacyNote() {
  return (
    <p className="text-sm text-slate-700">
      Ce que nous gardons de votre envoi, et pour combien de temps : voir la page <Link href="/confidentialite#suggestions">Confidentialité</Link>.
    </p>
  );
}

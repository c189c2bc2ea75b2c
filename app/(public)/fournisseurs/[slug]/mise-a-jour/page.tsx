import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ClaimForm } from '@/components/verification/claim-form';
import { PageNotFound } from '@/components/layout/page-not-found';
import { getProviderBySlug } from '@/lib/data/providers';
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata';
import { providerPath } from '@/lib/seo/urls';
import { CLAIM_MESSAGE_MAX_LENGTH } from '@/lib/validation/provider-claim';
import { HONEYPOT_FIELD } from '@/lib/validation/suggestion';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ envoye?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const provider = await getProviderBySlug(slug);
  if (!provider) return notFoundMetadata;
  return {
    ...pageMetadata({ title: `Mettre à jour la fiche de ${provider.name}`, description: `Recevez un lien pour vérifier ou mettre à jour la fiche de ${provider.name}.`, path: `${providerPath(provider.slug)}/mise-a-jour` }),
    robots: { index: false },
  };
}

export default async function ClaimPage({ params, searchParams }: Props) {
  await connection();
  const [{ slug }, { envoye }] = await Promise.all([params, searchParams]);
  const provider = await getProviderBySlug(slug);
  if (!provider) return <PageNotFound />;
  const back = (
    <p>
      <Link href={providerPath(provider.slug)}>Revenir à la fiche de {provider.name}</Link>
    </p>
  );

  // The same answer whether the address is the one on file or not: nothing tells who is.
  if (envoye === '1') {
    return (
      <article className="max-w-3xl space-y-6">
        <h1 className="text-3xl font-bold text-brand-900">Demande reçue</h1>
        <div role="status" className="space-y-3 rounded border-l-4 border-green-700 bg-green-50 p-4 text-green-950">
          <p>Merci. Si votre adresse est celle que la Table a notée pour {provider.name}, un lien de mise à jour vient d’y partir. Il fonctionne une fois, pendant 7 jours.</p>
          <p>Sinon, une personne de la Table lira votre demande et vous enverra le lien si elle peut confirmer que vous représentez l’organisme.</p>
        </div>
        <p>Vous ne recevez rien ? Regardez dans les courriels indésirables, puis écrivez-nous avec le lien « Signaler une erreur » de la fiche.</p>
        {back}
      </article>
    );
  }

  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">C’est votre organisme ? Mettez votre fiche à jour</h1>
        <p>
          Fiche : <Link href={providerPath(provider.slug)}>{provider.name}</Link>
        </p>
        <p>
          Entrez votre adresse courriel. Nous vous enverrons un lien pour vérifier la fiche ou la corriger, sans créer de compte. Une personne
          de la Table relit chaque modification avant sa publication.
        </p>
      </header>
      <ClaimForm slug={provider.slug} messageMaxLength={CLAIM_MESSAGE_MAX_LENGTH} honeypotField={HONEYPOT_FIELD} />
      <p className="text-sm text-slate-700">
        Votre adresse sert seulement à vous envoyer ce lien. Si la Table doit vérifier votre demande, elle garde l’adresse jusqu’à sa décision,
        puis l’efface.
      </p>
      {back}
    </article>
  );
}

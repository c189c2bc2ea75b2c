import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { OrganizationForm } from '@/components/verification/organization-form';
import { loadLinkedProvider, organizationFields, organizationSolutionFields } from '@/lib/data/provider-proposals';
import { getDb } from '@/lib/db';
import { providerPath } from '@/lib/seo/urls';

// The token is the only key: never indexed, never cached, never in a canonical link.
export const metadata: Metadata = { title: 'Mettre à jour votre fiche', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

const PROBLEMS = {
  invalid: { title: 'Ce lien ne fonctionne pas', body: 'Il est peut-être incomplet : copiez-le en entier depuis le courriel reçu.' },
  expired: { title: 'Ce lien a expiré', body: 'Un lien de mise à jour fonctionne 7 jours.' },
  used: { title: 'Ce lien a déjà servi', body: 'Un lien de mise à jour fonctionne une seule fois. Merci d’avoir répondu !' },
} as const;

const pick = (values: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, values[key]]));

export default async function OrganizationUpdatePage({ params }: Props) {
  await connection();
  const { token } = await params;
  const linked = await loadLinkedProvider(getDb(), token);
  if (!linked.ok) {
    const problem = PROBLEMS[linked.problem];
    return (
      <article className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold text-brand-900">{problem.title}</h1>
        <p>{problem.body} Rien n’a été changé dans le répertoire.</p>
        <p>
          Pour recevoir un nouveau lien, ouvrez la fiche de votre organisme dans la <Link href="/fournisseurs">liste des fournisseurs</Link> et
          choisissez « Mettez votre fiche à jour ».
        </p>
      </article>
    );
  }
  const { provider } = linked.value;
  // The client form gets the values it shows, not a solution's members-only ones.
  const solutionFieldKeys = organizationSolutionFields().map((field) => field.key);
  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Votre fiche : {provider.name}</h1>
        <p>
          Vérifiez ce que le répertoire dit de votre organisme. Ce lien ne sert qu’une fois : gardez cette page ouverte jusqu’à la fin. La fiche publique
          est ici : <Link href={providerPath(provider.slug)}>{provider.name}</Link>.
        </p>
      </header>
      <OrganizationForm
        token={token}
        entry={{ ...provider.values, id: provider.id, version: provider.version, status: 'PUBLISHED' }}
        fieldKeys={organizationFields().map((field) => field.key)}
        solutions={linked.value.solutions.map(({ id, title, version, values }) => ({ id, title, version, values: pick(values, solutionFieldKeys) }))}
        solutionFieldKeys={solutionFieldKeys}
      />
    </article>
  );
}

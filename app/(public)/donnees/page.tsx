import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { CodeList } from './code-list';
import { Abbr, Abbreviated } from '@/components/ui/abbreviated';
import { getPublishedDataset } from '@/lib/data/export';
import { getOpenDataConfig } from '@/lib/env';
import { CSV_COLUMNS, LIST_SEPARATOR } from '@/lib/export/csv';
import { DOWNLOADS } from '@/lib/export/downloads';
import { DATASET_SOURCE } from '@/lib/export/json';
import { formatDate } from '@/lib/format';
import { pageMetadata } from '@/lib/seo/metadata';

export const metadata: Metadata = pageMetadata({
  title: 'Données ouvertes',
  description:
    'Téléchargez tout le répertoire en CSV (pour Excel), en JSON ou au format Open Referral HSDS 3.1, ou interrogez son API. Licence ouverte.',
  path: '/donnees',
});

const columnsOf = (fileName: string): readonly string[] | null => {
  const base = fileName.replace(/\.csv$/, '');
  return base in CSV_COLUMNS ? CSV_COLUMNS[base as keyof typeof CSV_COLUMNS] : null;
};

export default async function OpenDataPage() {
  await connection();
  const dataset = await getPublishedDataset();
  const { licence } = getOpenDataConfig();
  const counts = `${dataset.needs.length} besoins et enjeux, ${dataset.solutions.length} solutions, ${dataset.providers.length} fournisseurs et ${dataset.themes.length} thèmes`;

  return (
    <article className="max-w-3xl space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Données ouvertes</h1>
        <p className="text-lg">
          Tout ce que le répertoire publie ({counts}) se télécharge librement. Vous pouvez le réutiliser.
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Pour Excel ou un autre tableur, prenez l’<strong>inventaire à plat</strong> : une ligne par besoin et par solution,
            en mots.
          </li>
          <li>
            Pour trier une sorte de fiche à la fois, prenez le fichier des besoins, des solutions ou des fournisseurs.
          </li>
          <li>
            Pour un programme, prenez <strong>tout le répertoire</strong> en un fichier, ou lisez les fiches une à une avec
            l’<Link href="/donnees/api"><Abbr short="API" /></Link>.
          </li>
          <li>Pour un autre répertoire de services, prenez le fichier au format Open Referral.</li>
        </ul>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Licence</dt>
          <dd data-testid="licence">
            {licence.url ? (
              <a href={licence.url}>
                <Abbreviated text={licence.name} />
              </a>
            ) : (
              <Abbreviated text={licence.name} />
            )}{' '}
            — vous pouvez réutiliser les données, en citant la source.
          </dd>
          <dt className="font-semibold">Dernière modification</dt>
          <dd data-testid="derniere-modification">
            {dataset.lastModified ? <time dateTime={dataset.lastModified}>{formatDate(dataset.lastModified)}</time> : 'aucune fiche publiée'}
          </dd>
          <dt className="font-semibold">Source à citer</dt>
          <dd>Répertoire numérique communautaire, d’après : {DATASET_SOURCE}</dd>
        </dl>
      </header>

      <section aria-labelledby="titre-fichiers" className="space-y-4">
        <h2 id="titre-fichiers" className="text-2xl font-semibold">
          Fichiers à télécharger
        </h2>
        <ul className="space-y-4">
          {DOWNLOADS.map((download) => {
            const columns = columnsOf(download.fileName);
            return (
              <li key={download.fileName} className="rounded-md border border-slate-200 p-4">
                <h3 className="font-semibold">
                  <a href={`/donnees/${download.fileName}`} download={download.fileName}>
                    <Abbreviated text={download.title} />
                  </a>{' '}
                  <span className="font-normal text-slate-700">
                    (<code>{download.fileName}</code>)
                  </span>
                </h3>
                <p className="mt-1 text-slate-800">
                  <Abbreviated text={download.description} />
                </p>
                {columns && (
                  <p className="mt-1 text-sm text-slate-700">
                    Colonnes : <code className="break-words">{columns.join(' ; ')}</code>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="titre-tableur" className="space-y-2">
        <h2 id="titre-tableur" className="text-2xl font-semibold">
          Ouvrir les fichiers <Abbr short="CSV" /> dans un tableur
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Les colonnes sont séparées par un <strong>point-virgule (;)</strong>, comme l’attend Excel en français : un
            double-clic ouvre le fichier avec une colonne par champ. LibreOffice et Google Sheets le reconnaissent aussi.
          </li>
          <li>
            Les accents s’affichent bien dans Excel : le texte est en <Abbr short="UTF-8" />, avec la marque qu’Excel attend.
          </li>
          <li>
            Dans les fichiers par type de fiche, plusieurs valeurs dans une cellule sont séparées par une barre verticale (
            <code>{LIST_SEPARATOR}</code>) ; dans l’inventaire à plat, par un retour à la ligne.
          </li>
          <li>
            Une cellule qui commencerait par =, +, - ou @ reçoit une apostrophe devant, pour qu’un tableur ne l’exécute pas
            comme une formule.
          </li>
          <li>
            Les fichiers par type de fiche utilisent les noms de champs et les codes de l’API (ci-dessous) ; les liens entre
            fiches sont dans <code>liens.csv</code>, par leur identifiant (<code>slug</code>). Les dates s’écrivent année-mois-jour
            (<Abbr short="ISO 8601" />), à l’heure <Abbr short="UTC" />.
          </li>
          <li>
            Ce que l’inventaire ne dit pas et que l’équipe du répertoire a déduit est marqué : <code>inferred_fields</code>{' '}
            (types d’aide, coût) pour une solution, <code>role_inferred</code> dans <code>liens.csv</code> et{' '}
            <code>inferred_roles</code> dans l’API pour le rôle d’un fournisseur ; l’inventaire à plat l’écrit « déduit par
            l’équipe ».
          </li>
        </ul>
        <details className="mt-3">
          <summary className="cursor-pointer font-medium text-brand-700">Les codes et leur sens</summary>
          <div className="mt-3">
            <CodeList />
          </div>
        </details>
      </section>

      <section aria-labelledby="titre-hsds" className="space-y-2">
        <h2 id="titre-hsds" className="text-2xl font-semibold">
          Format Open Referral (<Abbr short="HSDS" />)
        </h2>
        <p>
          Ce fichier sert à échanger avec d’autres répertoires de services. Il suit la norme Open Referral HSDS 3.1.
        </p>
        <p>
          Chaque fournisseur y est une <code>organization</code>, chaque solution un <code>service</code>. Une idée pas encore
          offerte y a le statut <code>inactive</code>. Les thèmes, les types d’aide et les besoins sont des{' '}
          <code>taxonomy_terms</code>. La norme ne prévoit pas les besoins : leur détail est en extension (<code>x_needs</code>
          ), comme les autres champs propres au répertoire, qui commencent par <code>x_</code>.
        </p>
      </section>

      <section aria-labelledby="titre-api" className="space-y-2">
        <h2 id="titre-api" className="text-2xl font-semibold">
          Accès pour les programmes (<Abbr short="API" />)
        </h2>
        <p>
          Un programme peut lire les fiches une à une, chercher ou filtrer : voyez <Link href="/donnees/api">l’accès pour les
          programmes</Link>. Il est en lecture seule et sans clé. Un document OpenAPI le décrit.
        </p>
      </section>
    </article>
  );
}

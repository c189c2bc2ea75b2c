import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { COMMON_PARAMETERS, DEFAULT_PER_PAGE, FILTERS, MAX_PER_PAGE, RESOURCES, type Resource } from '@/lib/api/query';
import { getPublishedDataset } from '@/lib/data/export';
import { getOpenDataConfig, getSiteUrl } from '@/lib/env';
import { PROBLEM_TYPES } from '@/lib/api/http';
import { pageMetadata } from '@/lib/seo/metadata';
import { Abbr } from '@/components/ui/abbreviated';

// Codes in a filter's description (« Besoin (NEED) », « ALL_QUEBEC », « ISO 639-1 ») are identifiers, shown as code.
const CODE_TOKEN = /\b[A-Z][A-Z_]*[A-Z](?: \d+(?:-\d+)?)?\b/g;
function withCodes(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(CODE_TOKEN)) {
    parts.push(text.slice(last, match.index), <code key={match.index}>{match[0]}</code>);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

export const metadata: Metadata = pageMetadata({
  title: 'API du répertoire',
  description:
    'Une API en lecture seule, sans clé, pour lire, chercher et filtrer les besoins, solutions, fournisseurs et thèmes du répertoire. Document OpenAPI 3.1 et exemples.',
  path: '/donnees/api',
});

const RESOURCE_NAMES: Record<Resource, string> = {
  needs: 'Besoins et enjeux',
  solutions: 'Solutions',
  providers: 'Fournisseurs',
  themes: 'Thèmes',
};

const ERROR_TEXTS: [number, string][] = [
  [400, 'Paramètre inconnu ou valeur refusée (la liste errors dit lequel et pourquoi).'],
  [404, 'Aucune fiche publiée avec cet identifiant, ou adresse inconnue sous /api/v1.'],
  [429, 'Trop de requêtes : attendez le nombre de secondes de Retry-After.'],
  [500, 'Erreur du serveur : réessayez dans un moment.'],
];

function Code({ children }: { children: ReactNode }) {
  return (
    <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 text-sm" tabIndex={0}>
      <code>{children}</code>
    </pre>
  );
}

export default async function ApiDocPage() {
  await connection();
  const siteUrl = getSiteUrl();
  const base = `${siteUrl}/api/v1`;
  const dataset = await getPublishedDataset();
  const { apiRateLimitPerMinute } = getOpenDataConfig();
  // Real identifiers, so that every example works as it is.
  const needSlug = dataset.needs[0]?.slug ?? 'un-besoin';
  const providerName = dataset.providers[0]?.name.split(/\s+/)[0]?.toLowerCase() ?? 'formation';

  return (
    <article className="max-w-3xl space-y-10">
      <nav aria-label="Fil d’Ariane" className="text-sm">
        <Link href="/donnees">Données ouvertes</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">
          <Abbr short="API" />
        </span>
      </nav>
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">API du répertoire</h1>
        <p className="text-lg">
          Cette interface de programmation sert aux programmes, pas aux personnes. Un programme peut y lire, chercher et
          filtrer les fiches publiées. Elle est publique, en lecture seule, sans clé ni inscription. Elle répond en{' '}
          <Abbr short="JSON" />.
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Adresse de base : <code className="break-all">{base}</code>
          </li>
          <li>
            Description complète (OpenAPI 3.1) : <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> — à ouvrir dans un
            outil comme Swagger UI ou à donner à un générateur de client.
          </li>
          <li>
            Tout d’un coup plutôt que page par page : les <Link href="/donnees">fichiers à télécharger</Link>.
          </li>
        </ul>
      </header>

      <section aria-labelledby="titre-ressources" className="space-y-3">
        <h2 id="titre-ressources" className="text-2xl font-semibold">
          Ce qu’on peut lire
        </h2>
        <p>
          Chaque sorte de fiche se lit en liste, page par page, ou une fiche à la fois. Une fiche se trouve par son
          identifiant : le <code>slug</code> de son adresse sur le site.
        </p>
        <ul className="list-disc space-y-1 pl-6">
          {RESOURCES.map((resource) => (
            <li key={resource}>
              {RESOURCE_NAMES[resource]} : <code>/{resource}</code> et <code>/{resource}/{'{slug}'}</code>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="titre-exemples" className="space-y-3">
        <h2 id="titre-exemples" className="text-2xl font-semibold">
          Exemples
        </h2>
        <p>Les 20 premiers besoins, dans l’ordre de l’inventaire :</p>
        <Code>{`curl ${base}/needs`}</Code>
        <p>Un besoin par son identifiant :</p>
        <Code>{`curl ${base}/needs/${needSlug}`}</Code>
        <p>Les solutions qui existent déjà et offrent de la formation, 50 par page :</p>
        <Code>{`curl "${base}/solutions?availability=EXISTING&help_kind=TRAINING&per_page=50"`}</Code>
        <p>Chercher un fournisseur (recherche en français, accents ignorés) :</p>
        <Code>{`curl "${base}/providers?q=${encodeURIComponent(providerName)}"`}</Code>
        <p>Les besoins qui n’ont encore aucune solution existante :</p>
        <Code>{`curl "${base}/needs?has_existing_solution=false"`}</Code>
        <p>Ce qui a changé depuis le 1er janvier 2026 (pour une synchronisation) :</p>
        <Code>{`curl "${base}/solutions?modified_after=2026-01-01"`}</Code>
        <p>Chaque liste répond avec ses totaux :</p>
        <Code>{`{
  "total": 26,
  "page": 1,
  "per_page": 20,
  "total_pages": 2,
  "items": [ … ]
}`}</Code>
      </section>

      <section aria-labelledby="titre-parametres" className="space-y-3">
        <h2 id="titre-parametres" className="text-2xl font-semibold">
          Paramètres des listes
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <code>q</code> : texte cherché (les fiches qui ont tous les mots, sinon l’un d’eux, sinon les noms proches) ; les
            résultats sont alors classés par pertinence.
          </li>
          <li>
            <code>modified_after</code> : une date année-mois-jour (<Abbr short="ISO 8601" />), <code>AAAA-MM-JJ</code> (minuit,
            heure <Abbr short="UTC" />), ou avec l’heure et le fuseau.
          </li>
          <li>
            <code>page</code> (à partir de 1) et <code>per_page</code> ({DEFAULT_PER_PAGE} par défaut, {MAX_PER_PAGE} au plus).
          </li>
          <li>
            Filtres : plusieurs valeurs séparées par des virgules (ou le paramètre répété) veulent dire « l’une ou
            l’autre » ; plusieurs filtres s’additionnent. Les codes sont ceux des{' '}
            <Link href="/donnees">fichiers de données</Link>.
          </li>
        </ul>
        {RESOURCES.map((resource) => {
          const filters = Object.entries(FILTERS[resource]);
          return (
            <div key={resource} className="space-y-1">
              <h3 className="font-semibold">
                <code>/{resource}</code>
              </h3>
              {filters.length === 0 ? (
                <p className="text-sm">Seulement {COMMON_PARAMETERS.join(', ')}.</p>
              ) : (
                <ul className="list-disc pl-6 text-sm">
                  {filters.map(([name, definition]) => (
                    <li key={name}>
                      <code>{name}</code> : {withCodes(definition.description)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
        <p>
          Un paramètre inconnu ou une valeur refusée donne une erreur 400. Elle dit lequel et pourquoi : l’API ne renvoie
          jamais tout sans rien dire.
        </p>
      </section>

      <section aria-labelledby="titre-cache" className="space-y-2">
        <h2 id="titre-cache" className="text-2xl font-semibold">
          Cache, appels depuis un navigateur et limite
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Chaque réponse porte un <code>ETag</code>. Renvoyez-le dans <code>If-None-Match</code> : si rien n’a changé, la
            réponse est <code>304 Not Modified</code>, sans contenu.
          </li>
        </ul>
        <Code>{`curl -i ${base}/themes
# … ETag: W/"…"
curl -i -H 'If-None-Match: W/"…"' ${base}/themes
# HTTP/1.1 304 Not Modified`}</Code>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            N’importe quel site peut appeler l’API depuis un navigateur (<Abbr short="CORS" /> :{' '}
            <code>Access-Control-Allow-Origin: *</code>).
          </li>
          <li>
            {apiRateLimitPerMinute > 0 ? (
              <>
                Au plus <strong>{apiRateLimitPerMinute} requêtes par minute</strong> par adresse <Abbr short="IP" />. Au-delà, la réponse est{' '}
                <code>429 Too Many Requests</code> avec <code>Retry-After</code> (secondes à attendre). Les en-têtes{' '}
                <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> et <code>RateLimit-Reset</code> disent où vous en
                êtes. Le compte est tenu par chaque serveur du site.
              </>
            ) : (
              <>Aucune limite de requêtes n’est appliquée sur ce site.</>
            )}
          </li>
        </ul>
      </section>

      <section aria-labelledby="erreurs" className="space-y-2">
        <h2 id="erreurs" className="text-2xl font-semibold">
          Erreurs
        </h2>
        <p>
          Les erreurs sont en JSON, au format « problem details » (<Abbr short="RFC" /> 9457, <code>application/problem+json</code>), en
          français : <code>title</code> dit le genre d’erreur, <code>detail</code> ce qui s’est passé, et pour une erreur 400,{' '}
          <code>errors</code> liste chaque paramètre refusé.
        </p>
        <Code>{`curl "${base}/needs?kind=BESOIN"
{
  "type": "/donnees/api#erreur-parametre-invalide",
  "title": "Requête invalide",
  "status": 400,
  "detail": "Paramètre refusé : kind. Voir « errors » pour le détail.",
  "errors": [
    { "parameter": "kind", "detail": "Valeur refusée : BESOIN. Attendu : une de ces valeurs : NEED, ISSUE." }
  ]
}`}</Code>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          {ERROR_TEXTS.map(([status, text]) => (
            <div key={status} className="contents">
              <dt id={`erreur-${PROBLEM_TYPES[status]}`} className="font-mono font-semibold">
                {status}
              </dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="titre-stabilite" className="space-y-2">
        <h2 id="titre-stabilite" className="text-2xl font-semibold">
          Stabilité
        </h2>
        <p>
          Les noms de champs (en anglais, en <code>snake_case</code>) et les codes ne changeront pas dans la version 1 : un
          champ peut s’ajouter, aucun ne disparaîtra ni ne changera de sens. Une rupture passerait par <code>/api/v2</code>.
        </p>
      </section>
    </article>
  );
}

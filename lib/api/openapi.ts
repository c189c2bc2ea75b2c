// The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json. Its schemas are
// generated from lib/api/schemas.ts and its parameters from lib/api/query.ts, the same code
// that builds and checks the answers: the document cannot drift from the API.
import { z } from 'zod';
import { apiRegistry } from '@/lib/api/schemas';
import { DEFAULT_PER_PAGE, FILTERS, MAX_PER_PAGE, RESOURCES, type FilterDefinition, type Resource } from '@/lib/api/query';
import type { Licence } from '@/lib/export/config';

type JsonObject = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Every named schema, with references between them as OpenAPI component references. */
export function componentSchemas(): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, JsonObject>;
  };
  // Each schema comes out as a document of its own: inside components they are not.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const rest = { ...schema };
      delete rest.$schema;
      delete rest.$id;
      return [id, rest];
    }),
  );
}

const RESOURCE_TEXT: Record<Resource, { tag: string; plural: string; singular: string; item: string; page: string }> = {
  needs: { tag: 'Besoins', plural: 'les besoins et enjeux', singular: 'un besoin ou un enjeu', item: 'Need', page: 'NeedPage' },
  solutions: { tag: 'Solutions', plural: 'les solutions', singular: 'une solution', item: 'Solution', page: 'SolutionPage' },
  providers: { tag: 'Fournisseurs', plural: 'les fournisseurs (organismes et programmes)', singular: 'un fournisseur', item: 'Provider', page: 'ProviderPage' },
  themes: { tag: 'Thèmes', plural: 'les thèmes', singular: 'un thème', item: 'Theme', page: 'ThemePage' },
};

const SEARCH_TEXT: Record<Resource, string> = {
  needs: 'Recherche plein texte en français (accents et pluriels ignorés), comme la recherche du site : les fiches qui ont tous les mots, sinon celles qui en ont un, sinon les noms proches (fautes de frappe). Les résultats sont alors classés par pertinence.',
  solutions: '',
  providers: '',
  themes: 'Texte cherché dans le nom et la description des thèmes (accents et majuscules ignorés).',
};
SEARCH_TEXT.solutions = SEARCH_TEXT.needs;
SEARCH_TEXT.providers = SEARCH_TEXT.needs;

const ORDER_TEXT: Record<Resource, string> = {
  needs: 'dans l’ordre de l’inventaire',
  solutions: 'de A à Z',
  providers: 'de A à Z',
  themes: 'dans leur ordre d’affichage',
};

function filterSchema(definition: FilterDefinition): JsonObject {
  const item =
    definition.values === 'slug'
      ? { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' }
      : definition.values === 'language'
        ? { type: 'string', pattern: '^([a-z]{2,3}|UNKNOWN)$' }
        : { type: 'string', enum: [...definition.values] };
  return { type: 'array', items: item };
}

function listParameters(resource: Resource): JsonObject[] {
  const common: JsonObject[] = [
    { name: 'q', in: 'query', required: false, description: SEARCH_TEXT[resource], schema: { type: 'string', maxLength: 400 } },
    {
      name: 'modified_after',
      in: 'query',
      required: false,
      description: 'Seulement les fiches modifiées après ce moment : AAAA-MM-JJ (minuit UTC) ou date et heure ISO 8601 avec fuseau.',
      schema: { type: 'string' },
      examples: { date: { value: '2026-01-01' }, dateHeure: { value: '2026-01-01T12:00:00-05:00' } },
    },
    { name: 'page', in: 'query', required: false, description: 'Page à lire (à partir de 1).', schema: { type: 'integer', minimum: 1, default: 1 } },
    {
      name: 'per_page',
      in: 'query',
      required: false,
      description: `Résultats par page (au plus ${MAX_PER_PAGE}).`,
      schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
    },
  ];
  const filters = Object.entries(FILTERS[resource]).map(([name, definition]) => ({
    name,
    in: 'query',
    required: false,
    description: `${definition.description} Plusieurs valeurs : séparées par des virgules ou paramètre répété (l’une ou l’autre).`,
    schema: filterSchema(definition),
    style: 'form',
    explode: false,
  }));
  return [...common, ...filters];
}

const problem = (description: string, extraHeaders: JsonObject = {}) => ({
  description,
  headers: { ...corsHeader, ...extraHeaders },
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const corsHeader = {
  'Access-Control-Allow-Origin': { description: 'Toujours « * » : n’importe quel site peut lire l’API.', schema: { type: 'string' } },
};

const okHeaders = {
  ...corsHeader,
  ETag: { description: 'Étiquette faible du contenu ; renvoyez-la dans If-None-Match pour obtenir 304.', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
  'RateLimit-Limit': { description: 'Requêtes permises par minute.', schema: { type: 'integer' } },
  'RateLimit-Remaining': { schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Secondes avant que le compte reparte à zéro.', schema: { type: 'integer' } },
};

const commonResponses = {
  '304': { description: 'Inchangé depuis la version que vous avez (If-None-Match).', headers: okHeaders },
  '429': problem('Trop de requêtes : attendez le nombre de secondes indiqué par Retry-After.', {
    'Retry-After': { description: 'Secondes à attendre.', schema: { type: 'integer' } },
  }),
  '500': problem('Erreur du serveur.'),
  '503': problem('Base de données momentanément injoignable ; réessayer après le délai de Retry-After.'),
};

const ifNoneMatch = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'ETag d’une réponse déjà reçue.',
  schema: { type: 'string' },
};

function ok(schemaId: string, description: string) {
  return { description, headers: okHeaders, content: { 'application/json': { schema: ref(schemaId) } } };
}

export type OpenApiOptions = { siteUrl: string; licence: Licence };

export function buildOpenApiDocument({ siteUrl, licence }: OpenApiOptions): JsonObject {
  const paths: Record<string, JsonObject> = {
    '/': {
      get: {
        operationId: 'getIndex',
        tags: ['API'],
        summary: 'Point d’entrée : adresses des listes, licence et date de dernière modification',
        parameters: [ifNoneMatch],
        responses: { '200': ok('ApiIndex', 'Point d’entrée.'), ...commonResponses },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        tags: ['API'],
        summary: 'Ce document OpenAPI 3.1',
        parameters: [ifNoneMatch],
        responses: {
          '200': { description: 'Document OpenAPI.', headers: okHeaders, content: { 'application/json': { schema: { type: 'object' } } } },
          ...commonResponses,
        },
      },
    },
  };

  for (const resource of RESOURCES) {
    const text = RESOURCE_TEXT[resource];
    paths[`/${resource}`] = {
      get: {
        operationId: `list${text.item}s`,
        tags: [text.tag],
        summary: `Liste ${text.plural}, ${ORDER_TEXT[resource]} (ou par pertinence avec q)`,
        parameters: [...listParameters(resource), ifNoneMatch],
        responses: {
          '200': ok(text.page, 'Une page de résultats, avec les totaux.'),
          '400': problem('Paramètre inconnu ou valeur refusée : la réponse dit lequel et pourquoi (errors).'),
          ...commonResponses,
        },
      },
    };
    paths[`/${resource}/{slug}`] = {
      get: {
        operationId: `get${text.item}`,
        tags: [text.tag],
        summary: `Lit ${text.singular} par son identifiant (slug)`,
        parameters: [
          { name: 'slug', in: 'path', required: true, description: 'Identifiant de la fiche, tel qu’il figure dans son adresse.', schema: { type: 'string' } },
          ifNoneMatch,
        ],
        responses: {
          '200': ok(text.item, 'La fiche.'),
          '404': problem('Aucune fiche publiée ne porte cet identifiant.'),
          ...commonResponses,
        },
      },
    };
  }

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'API du Répertoire numérique communautaire',
      version: '1.0.0',
      summary: 'Lecture seule : besoins numériques des organismes communautaires, solutions et fournisseurs.',
      description: [
        'API publique, en lecture seule et sans clé, du Répertoire numérique communautaire.',
        `Documentation en français : ${siteUrl}/donnees/api. Toutes les données en un fichier : ${siteUrl}/donnees.`,
        'Les noms de champs sont stables (snake_case) ; les valeurs codées (EXISTING, TRAINING…) sont décrites avec leur libellé français.',
        'Les erreurs suivent le format « problem details » (RFC 9457), en français.',
      ].join('\n\n'),
      license: licence.url ? { name: licence.name, url: licence.url } : { name: licence.name },
    },
    servers: [{ url: `${siteUrl}/api/v1` }],
    tags: [
      { name: 'API' },
      ...RESOURCES.map((resource) => ({ name: RESOURCE_TEXT[resource].tag })),
    ],
    paths,
    components: { schemas: componentSchemas() },
  };
}

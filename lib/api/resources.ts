import 'server-only';
// The work of each /api/v1 route: read the cached records, answer a list or one entry.
import { getOpenDataRecords, getPublishedDataset, searchSlugs } from '@/lib/data/export';
import { getOpenDataConfig, getSiteUrl } from '@/lib/env';
import { problemOf } from '@/lib/api/http';
import type { ApiOutcome } from '@/lib/api/handler';
import { findRecord, listPage } from '@/lib/api/list';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { parseListQuery, type Resource } from '@/lib/api/query';
import type { ApiIndex } from '@/lib/api/schemas';
import { isValidSlug } from '@/lib/validation/slug';

const NOT_FOUND_TEXT: Record<Resource, string> = {
  needs: 'Aucun besoin publié ne porte cet identifiant.',
  solutions: 'Aucune solution publiée ne porte cet identifiant.',
  providers: 'Aucun fournisseur publié ne porte cet identifiant.',
  themes: 'Aucun thème publié ne porte cet identifiant.',
};

export async function listResource(resource: Resource, request: Request): Promise<ApiOutcome> {
  const parsed = parseListQuery(resource, new URL(request.url).searchParams);
  if (!parsed.ok) {
    const names = parsed.errors.map((error) => error.parameter).join(', ');
    return { problem: problemOf(400, `Paramètre refusé : ${names}. Voir « errors » pour le détail.`, { errors: parsed.errors }) };
  }
  const { query } = parsed;
  const [records, ranked] = await Promise.all([
    getOpenDataRecords(),
    query.q !== null && resource !== 'themes' ? searchSlugs(resource, query.q) : Promise.resolve(null),
  ]);
  return { body: listPage(resource, records, query, ranked) };
}

export async function getResource(resource: Resource, slug: string): Promise<ApiOutcome> {
  if (!isValidSlug(slug)) return { problem: problemOf(404, NOT_FOUND_TEXT[resource]) };
  const record = findRecord(resource, await getOpenDataRecords(), slug);
  return record ? { body: record } : { problem: problemOf(404, NOT_FOUND_TEXT[resource]) };
}

export async function getApiIndex(): Promise<ApiOutcome> {
  const siteUrl = getSiteUrl();
  const dataset = await getPublishedDataset();
  const base = `${siteUrl}/api/v1`;
  const body: ApiIndex = {
    name: 'API du Répertoire numérique communautaire',
    version: 'v1',
    documentation: `${siteUrl}/donnees/api`,
    openapi: `${base}/openapi.json`,
    licence: getOpenDataConfig().licence,
    last_modified: dataset.lastModified,
    resources: { needs: `${base}/needs`, solutions: `${base}/solutions`, providers: `${base}/providers`, themes: `${base}/themes` },
  };
  return { body };
}

export async function getOpenApi(): Promise<ApiOutcome> {
  return { body: buildOpenApiDocument({ siteUrl: getSiteUrl(), licence: getOpenDataConfig().licence }) };
}

export async function unknownRoute(request: Request): Promise<ApiOutcome> {
  const path = new URL(request.url).pathname;
  return {
    problem: problemOf(404, `Aucune ressource à l’adresse ${path}. Ressources : /api/v1/needs, /api/v1/solutions, /api/v1/providers, /api/v1/themes ; description : /api/v1/openapi.json.`),
  };
}

// The whole published directory as one JSON file (/donnees/repertoire.json): the API's
// records (lib/api/schemas.ts `Dataset`) with a header that says what it is and under which
// licence. No generation time in it: the same data gives the same file (and ETag).
import type { Records } from '@/lib/api/records';
import type { DatasetExport } from '@/lib/api/schemas';
import type { Licence } from '@/lib/export/config';

export const DATASET_TITLE = 'Répertoire numérique communautaire';
export const DATASET_SOURCE =
  'Table de concertation sur le renforcement des capacités numériques des organismes communautaires — inventaire des besoins, enjeux et solutions (avril 2023), tenu à jour par ses membres.';

export function toDatasetExport(
  records: Records,
  { siteUrl, licence, lastModified }: { siteUrl: string; licence: Licence; lastModified: string | null },
): DatasetExport {
  return {
    meta: {
      title: DATASET_TITLE,
      description: 'Besoins numériques des organismes communautaires du Québec, solutions qui existent ou sont proposées, et qui les offre.',
      source: DATASET_SOURCE,
      site_url: siteUrl,
      documentation: `${siteUrl}/donnees`,
      licence,
      last_modified: lastModified,
      format_version: 1,
    },
    themes: records.themes,
    needs: records.needs,
    solutions: records.solutions,
    providers: records.providers,
  };
}

// The files offered at /donnees: their names, what they hold, and how each is made. The page
// lists them from here and each route handler serves one of them from here.
import { toRecords } from '@/lib/api/records';
import { datasetToCsv, type CsvFile } from '@/lib/export/csv';
import { toHsds } from '@/lib/export/hsds';
import { toDatasetExport } from '@/lib/export/json';
import type { Licence } from '@/lib/export/config';
import type { Dataset } from '@/lib/export/types';

export type DownloadFormat = 'csv' | 'json';

export type Download = {
  fileName: string;
  format: DownloadFormat;
  title: string;
  description: string;
  build(dataset: Dataset, options: { siteUrl: string; licence: Licence }): string;
};

const csv = (file: CsvFile, title: string, description: string): Download => ({
  fileName: `${file}.csv`,
  format: 'csv',
  title,
  description,
  build: (dataset, { siteUrl }) => datasetToCsv(dataset, file, siteUrl),
});

export const DOWNLOADS = [
  csv(
    'inventaire',
    'Inventaire à plat',
    'Pour Excel ou un autre tableur (CSV). Une ligne par besoin et par solution : le besoin, la solution, son statut, les types d’aide, le coût et les fournisseurs. Un besoin sans solution a sa ligne, vide à droite.',
  ),
  csv('besoins', 'Besoins et enjeux', 'Un besoin ou un enjeu par ligne, avec son thème et le nombre de solutions de chaque statut.'),
  csv('solutions', 'Solutions', 'Une solution par ligne : statut, types d’aide, coût, et la solution qu’elle précise, s’il y a lieu.'),
  csv('fournisseurs', 'Fournisseurs', 'Un fournisseur par ligne : coordonnées, régions, publics, formats, langues.'),
  csv('themes', 'Thèmes', 'Les thèmes qui regroupent les besoins.'),
  csv('liens', 'Liens', 'Les relations : besoin → solution (avec son rang), solution → fournisseur (avec son rôle), besoin → besoin lié (avec la note « Lié à… »).'),
  {
    fileName: 'repertoire.json',
    format: 'json',
    title: 'Tout le répertoire, pour un programme (JSON)',
    description: 'Thèmes, besoins, solutions et fournisseurs avec leurs liens, dans le même format que les réponses de l’API.',
    build: (dataset, { siteUrl, licence }) =>
      `${JSON.stringify(toDatasetExport(toRecords(dataset, siteUrl), { siteUrl, licence, lastModified: dataset.lastModified }), null, 2)}\n`,
  },
  {
    fileName: 'repertoire-hsds.json',
    format: 'json',
    title: 'Tout le répertoire, pour un autre répertoire de services (HSDS 3.1, JSON)',
    description:
      'Au format de la norme Open Referral : voyez plus bas comment les fiches y sont rangées.',
    build: (dataset, options) => `${JSON.stringify(toHsds(dataset, options), null, 2)}\n`,
  },
] as const satisfies readonly Download[];

export type DownloadFileName = (typeof DOWNLOADS)[number]['fileName'];

export function findDownload(fileName: DownloadFileName): Download {
  return DOWNLOADS.find((download) => download.fileName === fileName)!;
}

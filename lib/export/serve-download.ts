import 'server-only';
// Serves one file of /donnees: built from the cached dataset, with its ETag (304 when the
// client has it), Last-Modified, a download name, and CORS so that any site may read it.
import { getPublishedDataset } from '@/lib/data/export';
import { getOpenDataConfig, getSiteUrl } from '@/lib/env';
import { findDownload, type DownloadFileName } from '@/lib/export/downloads';
import { CORS_HEADERS, conditionalResponse } from '@/lib/api/http';

const CONTENT_TYPES = {
  // header=present: RFC 4180's hint that the first line names the columns.
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
} as const;

export async function serveDownload(request: Request, fileName: DownloadFileName): Promise<Response> {
  const download = findDownload(fileName);
  try {
    const dataset = await getPublishedDataset();
    const body = download.build(dataset, { siteUrl: getSiteUrl(), licence: getOpenDataConfig().licence });
    return conditionalResponse(request, body, {
      contentType: CONTENT_TYPES[download.format],
      headers: {
        ...CORS_HEADERS,
        'Content-Disposition': `attachment; filename="${download.fileName}"`,
        ...(dataset.lastModified ? { 'Last-Modified': new Date(dataset.lastModified).toUTCString() } : {}),
      },
    });
  } catch (error) {
    console.error(`Téléchargement /donnees/${fileName} :`, error);
    return new Response('Le fichier n’a pas pu être préparé. Réessayez dans un moment, ou revenez à /donnees.\n', {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
}

import 'server-only';
// Serves one file of /donnees: built from the cached dataset, with its ETag (304 when the
// client has it), Last-Modified, a download name, and CORS so that any site may read it.
// Each file costs its whole build (hundreds of ms of CPU for a large directory), a 304
// included: downloads are rate-limited per address (lib/security/public-rate-limits.ts).
import { getPublishedDataset } from '@/lib/data/export';
import { getOpenDataConfig, getSiteUrl } from '@/lib/env';
import { findDownload, type DownloadFileName } from '@/lib/export/downloads';
import { CORS_HEADERS, conditionalResponse } from '@/lib/api/http';
import { hitPublicLimit, tooManyRequestsResponse } from '@/lib/security/public-rate-limits';

const CONTENT_TYPES = {
  // header=present: RFC 4180's hint that the first line names the columns.
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
} as const;

export async function serveDownload(request: Request, fileName: DownloadFileName): Promise<Response> {
  const download = findDownload(fileName);
  const decision = hitPublicLimit('download', request.headers);
  if (!decision.allowed) return tooManyRequestsResponse('download', decision, CORS_HEADERS);
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

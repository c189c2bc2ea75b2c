import 'server-only';
// Serves one file of /donnees, with its ETag (304 when the client has it), Last-Modified, a
// download name, and CORS so that any site may read it. Each file is built once per
// generation of the data (hundreds of ms of CPU and megabytes of text at 10,000 providers)
// and kept only gzip-compressed (a tenth of its size), decompressed on the way out: the
// content is the bytes `download.build` makes.
// Downloads are still rate-limited per address (lib/security/public-rate-limits.ts).
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import { getPublishedDataset } from '@/lib/data/export';
import { keepDecoded } from '@/lib/data/inventory-memo';
import { getOpenDataConfig, getSiteUrl } from '@/lib/env';
import { findDownload, type DownloadFileName } from '@/lib/export/downloads';
import { CORS_HEADERS, CACHE_CONTROL, isNotModified, weakEtag } from '@/lib/api/http';
import { hitPublicLimit, tooManyRequestsResponse } from '@/lib/security/public-rate-limits';

const CONTENT_TYPES = {
  // header=present: RFC 4180's hint that the first line names the columns.
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
} as const;

const gzipAsync = promisify(gzip);

type BuiltDownload = { etag: string; gzipped: Buffer; lastModified: string | null };

/** The file as the data stands, built and compressed once per generation of the data. */
function builtDownload(fileName: DownloadFileName): Promise<BuiltDownload> {
  return keepDecoded(`download:${fileName}`, async () => {
    const dataset = await getPublishedDataset();
    const bytes = Buffer.from(findDownload(fileName).build(dataset, { siteUrl: getSiteUrl(), licence: getOpenDataConfig().licence }), 'utf8');
    // Level 6 (zlib's default): level 9 costs twice the CPU for 1–2 % fewer bytes on these files.
    return { etag: weakEtag(bytes), gzipped: await gzipAsync(bytes), lastModified: dataset.lastModified };
  });
}

export async function serveDownload(request: Request, fileName: DownloadFileName): Promise<Response> {
  const download = findDownload(fileName);
  const decision = hitPublicLimit('download', request.headers);
  if (!decision.allowed) return tooManyRequestsResponse('download', decision, CORS_HEADERS);
  try {
    const built = await builtDownload(fileName);
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      'Content-Disposition': `attachment; filename="${download.fileName}"`,
      ...(built.lastModified ? { 'Last-Modified': new Date(built.lastModified).toUTCString() } : {}),
      ETag: built.etag,
      'Cache-Control': CACHE_CONTROL,
    };
    if (isNotModified(request.headers.get('if-none-match'), built.etag)) return new Response(null, { status: 304, headers });
    headers['Content-Type'] = CONTENT_TYPES[download.format];
    // Next drops a route handler's Content-Encoding and Content-Length (send-response.js) and
    // compresses the answer itself for a client that accepts it (next.config.ts `compress`):
    // the kept bytes go out decompressed, as a stream, and Next's gzip does the rest. Sending
    // them as they are needs a layer before Next's router (docs/benchmark.md).
    const gunzip = createGunzip();
    gunzip.end(built.gzipped);
    return new Response(Readable.toWeb(gunzip) as ReadableStream<Uint8Array>, { status: 200, headers });
  } catch (error) {
    console.error(`Téléchargement /donnees/${fileName} :`, error);
    return new Response('Le fichier n’a pas pu être préparé. Réessayez dans un moment, ou revenez à /donnees.\n', {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
}

// GET /donnees/fournisseurs.csv — download of the published directory (open data; see /donnees).
import { serveDownload } from '@/lib/export/serve-download';

export function GET(request: Request): Promise<Response> {
  return serveDownload(request, 'fournisseurs.csv');
}

// GET /panier/csv?liste=s:<slug>,p:<slug> — the list as a CSV file (UTF-8 with a byte
// order mark, ";" between columns, French column names). The list travels in the query
// string, like a shared link: no cookie needed, nothing stored.
import { z } from 'zod';
import { basketToCsv, csvFileName } from '@/lib/basket/csv';
import { parseRefs } from '@/lib/basket/refs';
import { getBasketItems } from '@/lib/data/basket';
import { getEnv } from '@/lib/env';
import { basketCsvQuerySchema } from '@/lib/validation/basket';

function plainText(status: number, message: string): Response {
  return new Response(`${message}\n\nRevenez à votre panier : /panier\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export async function GET(request: Request): Promise<Response> {
  const liste = new URL(request.url).searchParams.get('liste') ?? undefined;
  const query = basketCsvQuerySchema.safeParse({ liste });
  if (!query.success) {
    const [message] = z.flattenError(query.error).fieldErrors.liste ?? [];
    return plainText(400, `Impossible de préparer le fichier : ${message ?? 'la liste est invalide.'}`);
  }

  const { refs } = parseRefs(query.data.liste);
  if (refs.length === 0) {
    return plainText(400, "Impossible de préparer le fichier : ce lien ne contient aucune fiche reconnue (il est peut-être incomplet).");
  }

  const { items } = await getBasketItems(refs);
  if (items.length === 0) {
    return plainText(404, 'Aucune fiche de cette liste n’est dans le répertoire : elles ont pu être retirées.');
  }

  const fileName = csvFileName(new Date());
  return new Response(basketToCsv(items, getEnv().SITE_URL), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}

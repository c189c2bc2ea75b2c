// GET /api/v1/needs/{slug} — one published need or issue, as JSON; 404 problem details when none is published.
// OPTIONS answers the CORS preflight.
import { handleApiGet, preflightResponse } from '@/lib/api/handler';
import { getResource } from '@/lib/api/resources';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return handleApiGet(request, () => getResource('needs', slug));
}

export function OPTIONS(): Response {
  return preflightResponse();
}

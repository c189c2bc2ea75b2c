// GET /api/v1/* — any other address under the API: a 404 as problem details (JSON), never
// the site's HTML page. OPTIONS: CORS preflight.
import { handleApiGet, preflightResponse } from '@/lib/api/handler';
import { unknownRoute } from '@/lib/api/resources';

export function GET(request: Request): Promise<Response> {
  return handleApiGet(request, () => unknownRoute(request));
}

export function OPTIONS(): Response {
  return preflightResponse();
}

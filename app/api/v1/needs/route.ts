// GET /api/v1/needs — published needs and issues, filtered, searched (q) and paginated, as JSON (read-only, public).
// OPTIONS answers the CORS preflight. Parameters and answer: lib/api/openapi.ts.
import { handleApiGet, preflightResponse } from '@/lib/api/handler';
import { listResource } from '@/lib/api/resources';

export function GET(request: Request): Promise<Response> {
  return handleApiGet(request, () => listResource('needs', request));
}

export function OPTIONS(): Response {
  return preflightResponse();
}

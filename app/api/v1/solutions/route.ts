// GET /api/v1/solutions — published solutions (existing or proposed), filtered, searched (q) and paginated, as JSON (read-only, public).
// OPTIONS answers the CORS preflight. Parameters and answer: lib/api/openapi.ts.
import { handleApiGet, preflightResponse } from '@/lib/api/handler';
import { listResource } from '@/lib/api/resources';

export function GET(request: Request): Promise<Response> {
  return handleApiGet(request, () => listResource('solutions', request));
}

export function OPTIONS(): Response {
  return preflightResponse();
}

// GET /api/v1 — entry point of the read-only API: where the lists and the OpenAPI document
// are, the data licence and the date of the last change. OPTIONS: CORS preflight.
import { handleApiGet, preflightResponse } from '@/lib/api/handler';
import { getApiIndex } from '@/lib/api/resources';

export function GET(request: Request): Promise<Response> {
  return handleApiGet(request, getApiIndex);
}

export function OPTIONS(): Response {
  return preflightResponse();
}

// GET /api/v1/openapi.json — the OpenAPI 3.1 document of the API, generated from the
// schemas that shape its answers (lib/api/openapi.ts). OPTIONS: CORS preflight.
import { handleApiGet, preflightResponse } from '@/lib/api/handler';
import { getOpenApi } from '@/lib/api/resources';

export function GET(request: Request): Promise<Response> {
  return handleApiGet(request, getOpenApi);
}

export function OPTIONS(): Response {
  return preflightResponse();
}

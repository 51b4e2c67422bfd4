// GET /api/sandbox/openapi.json — the control API as OpenAPI 3.1, generated from the zod schemas the routes use.
import { publicUrl } from "@/lib/config/environment";
import { controlApiDocument } from "@/lib/http/openapi";

export function GET(request: Request) {
  if (new URL(request.url).search) return Response.json({ error: "invalid_request", message: "this document takes no query parameters" }, { status: 400 });
  return Response.json(controlApiDocument(publicUrl()), { headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" } });
}

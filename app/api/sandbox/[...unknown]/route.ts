// Any other /api/sandbox/… path: a JSON 404 naming where the documentation is, never the framework's HTML page.
import { controlApi, json } from "@/lib/http/control-api";

const notFound = controlApi(async (request: Request) =>
  json(
    {
      error: "not_found",
      message: `no control API endpoint ${request.method} ${new URL(request.url).pathname}; see /api/sandbox/openapi.json`,
    },
    404,
  ),
);

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;

// Where proxy.ts sends requests whose path has broken percent-encoding: a 400 in the endpoint family's format.
import { db } from "@/lib/db/client";
import { FhirError, operationOutcome } from "@/lib/fhir/fhir-errors";
import { InvalidRequest } from "@/lib/oauth/errors";
import { newCorrelationId, oauthErrorResponse } from "@/lib/oauth/oauth-response";

const MESSAGE = "the URL is not correctly percent-encoded, or contains a NUL character";

async function answer(_request: Request, { params }: { params: Promise<{ family: string }> }): Promise<Response> {
  const { family } = await params;
  if (family === "fhir") return operationOutcome(new FhirError(400, "invalid", MESSAGE));
  if (family === "oauth")
    return oauthErrorResponse(db, new InvalidRequest(MESSAGE), {
      endpoint: "request",
      tenantId: "unknown",
      correlationId: newCorrelationId(),
    });
  if (family === "api")
    return Response.json({ error: "invalid_request", message: MESSAGE }, { status: 400, headers: { "Cache-Control": "no-store" } });
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Address not valid</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>This address is not valid</h1><p>The link is damaged (its percent-encoding is broken). Check where it came from, or go to the <a href="/">SMART Trust Sandbox home page</a>.</p></body></html>`;
  return new Response(page, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export const GET = answer;
export const POST = answer;
export const PUT = answer;
export const PATCH = answer;
export const DELETE = answer;

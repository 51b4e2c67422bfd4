// POST …/register — RFC 7591 dynamic client registration (JSON).
import { registerApp } from "@/lib/apps/register-app";
import { registrationSchema } from "@/lib/apps/registration-schema";
import { InvalidClientMetadata } from "@/lib/oauth/errors";
import { containsNul } from "@/lib/util/nul-characters";
import { newCorrelationId, oauthErrorResponse, oauthJson, preflight } from "@/lib/oauth/oauth-response";
import { tenantRoute } from "@/lib/oauth/tenant-route";

export const POST = tenantRoute(async (db, tenantId, request) => {
  const correlationId = newCorrelationId();
  try {
    if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json"))
      throw new InvalidClientMetadata("send the client metadata as JSON (Content-Type: application/json)");
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new InvalidClientMetadata("the body is not valid JSON");
    }
    if (containsNul(body)) throw new InvalidClientMetadata("the client metadata contains a NUL character");
    const parsed = registrationSchema.safeParse(body);
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
      throw new InvalidClientMetadata(message);
    }
    return oauthJson(await registerApp(db, tenantId, parsed.data), correlationId, 201);
  } catch (failure) {
    // Registration errors always carry a description (RFC 7591 §3.2.2): a developer is reading them.
    const response = await oauthErrorResponse(db, failure, { endpoint: "register", tenantId, correlationId });
    if (response.status !== 400 || !(failure instanceof Error)) return response;
    const body = await response.json();
    return oauthJson({ ...body, error_description: failure.message }, correlationId, 400);
  }
});
export const OPTIONS = preflight;

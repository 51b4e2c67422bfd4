// GET …/jwk — the public keys that verify access tokens (ES256) and id tokens (RS256).
import { publicSigningKeys } from "@/lib/keys/signing-keys";
import { CORS_HEADERS, preflight } from "@/lib/oauth/oauth-response";
import { tenantRoute } from "@/lib/oauth/tenant-route";

export const GET = tenantRoute(async (db) =>
  Response.json(
    { keys: (await publicSigningKeys(db)).map((key) => key.jwk) },
    { headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=300" } },
  ),
);
export const OPTIONS = preflight;

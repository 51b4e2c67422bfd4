// POST …/tokeninfo — RFC 7662 introspection for authenticated clients.
import { handleIntrospectionRequest } from "@/lib/oauth/introspection";
import { preflight } from "@/lib/oauth/oauth-response";
import { tenantRoute } from "@/lib/oauth/tenant-route";

export const POST = tenantRoute(handleIntrospectionRequest);
export const OPTIONS = preflight;

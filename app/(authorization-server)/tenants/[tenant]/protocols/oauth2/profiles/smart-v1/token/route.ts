// POST …/token — exchange an authorization code or refresh a token (form-encoded only).
import { handleTokenRequest } from "@/lib/oauth/token/handle-token-request";
import { preflight } from "@/lib/oauth/oauth-response";
import { tenantRoute } from "@/lib/oauth/tenant-route";

export const POST = tenantRoute(handleTokenRequest);
export const OPTIONS = preflight;

// POST …/token — exchange an authorization code or refresh a token (form-encoded only).
import { handleTokenRequest } from "@/lib/oauth/token/handle-token-request";
import { preflight } from "@/lib/oauth/oauth-response";
import { tenantRoute } from "@/lib/oauth/tenant-route";
import { leanTokenRequest } from "@/lib/oauth/token/lean-token-request";

export const POST = tenantRoute(handleTokenRequest, { fastPath: leanTokenRequest });
export const OPTIONS = preflight;

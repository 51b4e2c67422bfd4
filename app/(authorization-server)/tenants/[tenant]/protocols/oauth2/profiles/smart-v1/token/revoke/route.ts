// POST …/token/revoke — RFC 7009 revocation; revoking a refresh token revokes its whole grant.
import { handleRevocationRequest } from "@/lib/oauth/revocation";
import { preflight } from "@/lib/oauth/oauth-response";
import { tenantRoute } from "@/lib/oauth/tenant-route";

export const POST = tenantRoute(handleRevocationRequest);
export const OPTIONS = preflight;

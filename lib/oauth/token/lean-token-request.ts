// The token endpoint's fast path (tenant-route.ts runs it before the tenant check and the general handler, on the
// request's headers and the body the route already read). The common refresh and code exchange cost two database calls (lean-token-store.ts: one read, one
// write) and no X.509 work (the app's trust evaluation is remembered, trust/evaluation-cache.ts). It answers only
// when every check of the general grant handlers passes; anything else — an error to answer, a suspension or a
// replay to record, a cache to fill, a fault queued, a lost race, malformed input — answers null and the request
// takes the general path, which reads afresh and decides. So every refusal is made by one piece of code, and this
// one can only ever say yes where that one would. A failure here is logged, not hidden.
import { LeanWriteOutcomeUnknown, type LeanDb } from "../../db/lean/lean-db";
import type { Db } from "../../db/client";
import { log } from "../../log/logger";
import { OAuthError } from "../errors";
import { formBodyOf, pickParameters } from "../form-parameters";
import { newCorrelationId, oauthJson } from "../oauth-response";
import { CLIENT_AUTHENTICATION_PARAMETERS, GRANT_TYPES } from "./grant-types";
import { leanCodeExchange } from "./lean-code-exchange";
import { leanRefresh } from "./lean-refresh";
import type { KeepExchange } from "./lean-token-store";
import { exchangeRow, type RequestSnapshot } from "../../activity/http-exchange";
import { markKept } from "../../activity/http-exchange-store";

const LEAN_GRANTS = new Map([
  ["refresh_token", leanRefresh],
  ["authorization_code", leanCodeExchange],
]);

export async function leanTokenRequest(
  databases: { db: Db; lean: LeanDb },
  tenantId: string,
  request: Request,
  snapshot: RequestSnapshot,
): Promise<Response | null> {
  try {
    const form = formBodyOf(request.headers.get("content-type"), snapshot.body);
    const grantType = form.get("grant_type") ?? "";
    const lean = LEAN_GRANTS.get(grantType);
    const grant = GRANT_TYPES.get(grantType);
    if (!lean || !grant) return null;
    const parameters = pickParameters(form, ["grant_type", ...CLIENT_AUTHENTICATION_PARAMETERS, ...grant.parameters]);
    const correlationId = newCorrelationId();
    // The exchange is kept in the issuance's own write (no extra database call); the answer is marked as kept.
    // The answer is built once, when the exchange row needs it (tenant keeps exchanges) or after the write.
    let answer: Response | null = null;
    const keep: KeepExchange = (body) => {
      answer = oauthJson(body, correlationId);
      return exchangeRow(tenantId, correlationId, snapshot, { status: 200, headers: [...answer.headers], body: JSON.stringify(body) });
    };
    const body = await lean(databases, tenantId, request, parameters, correlationId, keep);
    return body ? markKept(answer ?? oauthJson(body, correlationId)) : null;
  } catch (error) {
    // A write that may have been applied must not be tried again another way: it is the request's answer (a 500).
    if (error instanceof LeanWriteOutcomeUnknown) throw error;
    // Malformed input throws here too (the general path answers it); only unexpected failures are worth a line.
    if (!(error instanceof OAuthError)) log.warn({ err: error }, "the lean token path failed; the general path answers");
    return null;
  }
}

// How the token endpoint answers a fault queued with the control API's next-token: exactly like the real thing
// (suspended and revoked are invalid_grant with their error_uri URN), or a 3 s delay before normal service.
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../../db/client";
import { SLOW_FAULT_MS, takeFault } from "../queued-faults";
import { hashToken } from "../../secrets/hashing";
import { GRANT_REVOKED_URN, GRANT_SUSPENDED_URN } from "../error-uri";
import { InvalidClient, InvalidGrant, ServerError } from "../errors";
import type { Parameters } from "../form-parameters";

export async function answerQueuedFault(db: Db, clientId: string, parameters: Parameters): Promise<void> {
  const fault = await takeFault(db, clientId, "token");
  if (!fault) return;
  if (fault === "slow") {
    await sleep(SLOW_FAULT_MS);
    return;
  }
  const detail = `fault "${fault}" queued with the control API (next-token)`;
  if (fault === "invalid_client") throw new InvalidClient("client authentication failed", detail);
  if (fault === "server_error") throw new ServerError("the server failed to handle the request", detail);
  const grant = parameters.refresh_token
    ? await db.grant.findUnique({ where: { refreshTokenHash: hashToken(parameters.refresh_token) }, select: { id: true } })
    : null;
  const urn = fault === "suspended" ? GRANT_SUSPENDED_URN : GRANT_REVOKED_URN;
  throw Object.assign(new InvalidGrant("the refresh token is not valid", detail), { urn, grantId: grant?.id });
}

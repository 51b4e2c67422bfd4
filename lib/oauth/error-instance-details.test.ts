// The JSON form of an error_uri, for QA assertions.
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { newApp, refreshWith, tokensFor } from "../../test/oauth-fixtures";
import { applyScenario } from "../trust/change-world";
import { GRANT_SUSPENDED_URN } from "./error-uri";
import { errorInstanceDetails } from "./error-instance-details";

describe("errorInstanceDetails", () => {
  it("answers {urn, error, reason, correlationId, at, grant} for a suspension, and null for a wrong URN", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-expired");
    const refused = await refreshWith(app.client_id, tokens.refresh_token);
    const correlationId = refused.headers.get("x-correlation-id")!;
    const details = await errorInstanceDetails(db, GRANT_SUSPENDED_URN, correlationId);
    expect(details).toMatchObject({ urn: GRANT_SUSPENDED_URN, error: "invalid_grant", correlationId, grant: { status: "suspended" } });
    expect(details?.reason).toMatch(/certificate\.expired/);
    expect(Date.parse(details!.at)).not.toBeNaN();
    expect(await errorInstanceDetails(db, "urn:other", correlationId)).toBeNull();
  });
});

// The vendor's 90-day rule: an offline_access grant unused for more than 90 days (sandbox clock) is revoked at
// its next use, and cannot be re-approved.
import { expect, GRANT_REVOKED_URN, SandboxControlError, test, urnOf } from "@smart-trust-sandbox/playwright";

test("grants/{id}/age P91D → the next refresh is invalid_grant with the revoked URN; re-approve is refused", async ({
  sandbox,
  app,
  launch,
}) => {
  const { tokens, grant } = await launch();
  const aged = await sandbox.control.grants.age(grant.id, "P91D");
  const { now } = await sandbox.control.clock();
  expect(Date.parse(now) - Date.parse(aged.lastUsedAt!)).toBeGreaterThan(90 * 86_400_000);
  expect(aged.status).toBe("active");

  const refused = await sandbox.smart.refresh({ refreshToken: tokens.refresh_token!, clientId: app.clientId });
  expect(refused.status).toBe(400);
  expect(refused.body.error).toBe("invalid_grant");
  expect(urnOf(refused.body.error_uri)).toBe(GRANT_REVOKED_URN);
  expect(await sandbox.control.errorDetails(refused.body.error_uri!)).toMatchObject({
    urn: GRANT_REVOKED_URN,
    grant: { id: grant.id, status: "revoked" },
  });

  const revoked = await sandbox.control.grants.get(grant.id);
  expect(revoked.status).toBe("revoked");
  expect(revoked.revokedAt).not.toBeNull();

  const reapproval = await sandbox.control.grants.reapprove(grant.id).then(
    () => null,
    (error: unknown) => error,
  );
  expect(reapproval).toBeInstanceOf(SandboxControlError);
  expect((reapproval as SandboxControlError).status).toBe(409);
});

// Two tenants on one sandbox: moving one tenant's clock and settings leaves the other's as they were.
import { expect, test } from "@smart-trust-sandbox/playwright";

test("tenant A's clock +P30D and suspensionPolicy identity leave tenant B's clock and settings unchanged", async ({
  sandbox,
  newSandbox,
  app,
}) => {
  const other = await newSandbox();
  expect(other.tenantId).not.toBe(sandbox.tenantId);
  const otherClockBefore = await other.control.clock();
  const otherSettingsBefore = await other.control.settings();

  const advanced = await sandbox.control.advanceClock("P30D");
  expect(advanced.offsetSeconds).toBeGreaterThanOrEqual(30 * 86_400 - 1);
  expect((await sandbox.control.settings({ suspensionPolicy: "identity" })).suspensionPolicy).toBe("identity");
  expect((await sandbox.control.settings()).suspensionPolicy).toBe("identity");
  expect((await sandbox.control.clock()).offsetSeconds).toBeGreaterThanOrEqual(30 * 86_400 - 1);

  const otherClockAfter = await other.control.clock();
  expect(otherClockAfter.offsetSeconds).toBe(otherClockBefore.offsetSeconds);
  expect(Math.abs(Date.parse(otherClockAfter.now) - Date.now())).toBeLessThan(5 * 60_000);
  expect(await other.control.settings()).toEqual(otherSettingsBefore);

  // Apps do not cross tenants either: A's app is unknown under B's path.
  await expect(other.control.trust(app.clientId)).rejects.toMatchObject({ status: 404 });
});

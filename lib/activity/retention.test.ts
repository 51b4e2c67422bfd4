// The periodic sweep keeps growth bounded and touches nothing still in use.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { DEFAULT_TENANT } from "../personas/personas";
import { updateSettings } from "../tenant-admin/update-settings";
import { sweepRetention } from "./retention";

const tenantId = DEFAULT_TENANT.id;
const event = (createdAt: Date) => ({ id: randomUUID(), type: "test.event", tenantId, payload: {}, createdAt, sandboxAt: createdAt });

describe("sweepRetention", () => {
  it("removes events past the retention and beyond the maximum, keeps the newest, and is safe to run twice", async () => {
    const now = new Date();
    await db.event.deleteMany({ where: { tenantId } });
    await updateSettings(db, tenantId, { activityRetentionDays: 30, activityMaxEvents: 1000 });
    await db.event.createMany({
      data: [
        event(new Date(now.getTime() - 31 * 86_400_000)),
        ...Array.from({ length: 1005 }, (_, i) => event(new Date(now.getTime() - (i + 1) * 1000))),
      ],
    });
    const first = await sweepRetention(db, now);
    expect(first.events).toBe(6);
    expect(await db.event.count({ where: { tenantId } })).toBe(1000);
    expect(await db.event.findFirst({ where: { tenantId }, orderBy: { createdAt: "desc" } })).toMatchObject({
      createdAt: new Date(now.getTime() - 1000),
    });
    expect((await sweepRetention(db, now)).events).toBe(0);
  });

  it("removes access-token records expired for more than a day, but not live ones", async () => {
    const now = new Date();
    await db.accessToken.createMany({
      data: [
        { jti: "old-token", grantId: "g", expiresAt: new Date(now.getTime() - 2 * 86_400_000) },
        { jti: "live-token", grantId: "g", expiresAt: new Date(now.getTime() + 600_000) },
      ],
    });
    await sweepRetention(db, now);
    expect(await db.accessToken.findUnique({ where: { jti: "old-token" } })).toBeNull();
    expect(await db.accessToken.findUnique({ where: { jti: "live-token" } })).not.toBeNull();
  });
});

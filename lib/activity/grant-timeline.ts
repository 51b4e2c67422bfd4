// Everything that happened to one grant, oldest first, for its sequence diagram: its own events and the changes
// made to its app's world since it was created.
import type { Db } from "../db/client";

export async function grantTimeline(db: Db, grantId: string) {
  const grant = await db.grant.findUnique({ where: { id: grantId }, select: { clientId: true, createdAt: true } });
  if (!grant) return [];
  return db.event.findMany({
    where: {
      OR: [
        { grantId },
        {
          clientId: grant.clientId,
          type: { in: ["trust.scenario_applied", "trust.world_edited", "trust.source_changed"] },
          createdAt: { gte: grant.createdAt },
        },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
}

// The HTTP exchanges of one grant, oldest first: the authorize request that started it, the consent's Allow, its
// token requests (refused ones included) and FHIR calls — found through the events that name the grant.
import type { Db } from "../db/client";
import { exchangesOf, type StoredExchange } from "./http-exchange-store";

const MAX_EVENTS = 5000;

export async function grantExchanges(db: Db, tenantId: string, grantId: string): Promise<StoredExchange[] | null> {
  const grant = await db.grant.findFirst({ where: { id: grantId, tenantId }, select: { clientId: true } });
  if (!grant) return null;
  const events = await db.event.findMany({
    where: { tenantId, grantId, correlationId: { not: null } },
    select: { type: true, correlationId: true, payload: true },
    orderBy: { createdAt: "asc" },
    take: MAX_EVENTS,
  });
  const correlationIds = new Set(events.map((event) => event.correlationId!));
  // The authorize request came before the grant existed: its event names the authorization request the grant answered.
  const requestId = (events.find((event) => event.type === "grant.created")?.payload as { requestId?: string } | null)?.requestId;
  if (requestId) {
    const started = await db.event.findMany({
      where: { tenantId, clientId: grant.clientId, type: "authorize.started", correlationId: { not: null } },
      select: { correlationId: true, payload: true },
      orderBy: { createdAt: "desc" },
      take: 200,
    });
    const authorize = started.find((event) => (event.payload as { requestId?: string } | null)?.requestId === requestId);
    if (authorize) correlationIds.add(authorize.correlationId!);
  }
  return exchangesOf(db, tenantId, [...correlationIds]);
}

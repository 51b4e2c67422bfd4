// What an error_uri names, as data: the error, why, when (sandbox time), and the grant it concerns.
import type { Db } from "../db/client";

/** The recorded error this error_uri names (its URN must match), or null. */
export async function findErrorInstance(db: Db, urn: string, id: string) {
  const instance = /^[0-9a-f-]{36}$/.test(id) ? await db.errorInstance.findUnique({ where: { id } }) : null;
  return instance && instance.urn === urn ? instance : null;
}

export async function errorInstanceDetails(db: Db, urn: string, id: string) {
  const instance = await findErrorInstance(db, urn, id);
  if (!instance) return null;
  const detail = instance.detail as { error?: string; reason?: string | null };
  const [event, grant] = await Promise.all([
    db.event.findFirst({ where: { correlationId: id }, orderBy: { createdAt: "asc" }, select: { sandboxAt: true } }),
    instance.grantId ? db.grant.findUnique({ where: { id: instance.grantId }, select: { id: true, status: true } }) : null,
  ]);
  return {
    urn,
    error: detail.error ?? null,
    reason: detail.reason ?? null,
    correlationId: instance.id,
    at: (event?.sandboxAt ?? instance.createdAt).toISOString(),
    ...(grant ? { grant } : {}),
  };
}

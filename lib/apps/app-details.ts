// A registered app as the console shows and edits it: its public registration, never its secret or
// registration-token hashes.
import type { Db } from "../db/client";
import { AppNotFoundError } from "../trust/simulated-host";

export async function appDetails(db: Db, clientId: string) {
  return db.client.findUnique({
    where: { id: clientId },
    select: {
      id: true,
      tenantId: true,
      clientName: true,
      tokenEndpointAuthMethod: true,
      redirectUris: true,
      scope: true,
      publicHostname: true,
      validated: true,
      trustSource: true,
    },
  });
}

/** The console's "Edit the app": its name and the vendor program's Validated badge. */
export async function editApp(db: Db, clientId: string, edit: { clientName: string; validated: boolean }): Promise<void> {
  const updated = await db.client.updateMany({ where: { id: clientId }, data: edit });
  if (updated.count === 0) throw new AppNotFoundError(clientId);
}

// Idempotent, deterministic seed: creates what is missing, keeps what users created or changed.
import type { Db } from "../db/client";
import { hashSecret } from "../secrets/hashing";
import { DEFAULT_TENANT, DEMO_APP, SANDBOX_PASSWORD, SEED_PATIENTS, SEED_PERSONS, demoAppRedirectUri } from "../personas/personas";

export async function seedSandbox(db: Db, options: { publicUrl: string }): Promise<void> {
  await db.tenant.upsert({ where: { id: DEFAULT_TENANT.id }, create: DEFAULT_TENANT, update: {} });

  for (const patient of SEED_PATIENTS) {
    await db.patient.upsert({ where: { id: patient.id }, create: { ...patient, tenantId: DEFAULT_TENANT.id }, update: {} });
  }

  for (const person of SEED_PERSONS) {
    const existing = await db.person.findUnique({ where: { id: person.id } });
    if (!existing) {
      await db.person.create({
        data: {
          id: person.id,
          tenantId: DEFAULT_TENANT.id,
          username: person.username,
          displayName: person.displayName,
          passwordHash: await hashSecret(SANDBOX_PASSWORD),
        },
      });
    }
    for (const access of person.access) {
      await db.patientAccess.upsert({
        where: { personId_patientId: { personId: person.id, patientId: access.patientId } },
        create: { personId: person.id, ...access },
        update: {},
      });
    }
  }

  // The demo app's redirect URI follows PUBLIC_URL, so it is refreshed on every start.
  const redirectUris = [demoAppRedirectUri(options.publicUrl)];
  const demo = await db.client.upsert({
    where: { id: DEMO_APP.clientId },
    create: {
      id: DEMO_APP.clientId,
      tenantId: DEFAULT_TENANT.id,
      clientName: DEMO_APP.clientName,
      tokenEndpointAuthMethod: "none",
      redirectUris,
      scope: DEMO_APP.scope,
      grantTypes: ["authorization_code", "refresh_token"],
      publicHostname: DEMO_APP.publicHostname,
      organization: DEMO_APP.organization,
    },
    update: { redirectUris },
  });
  // Imported only when needed: it loads the X.509 library (~0.25 s), which a start after the first never uses.
  if (!(await db.trustHost.findUnique({ where: { clientId: demo.id } }))) {
    const { simulatedHostWrite } = await import("../trust/simulated-host");
    await (
      await simulatedHostWrite(db, demo)
    ).write;
  }
}

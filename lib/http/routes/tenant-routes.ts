// POST /api/sandbox/tenants — a new isolated sandbox; GET/DELETE /api/sandbox/tenants/{t}.
import "server-only";
import { z } from "zod";
import { db } from "../../db/client";
import { publicUrl } from "../../config/environment";
import { authorizationServerUrls } from "../../oauth/endpoints";
import { DEMO_APP, SANDBOX_PASSWORD, SEED_PERSONS, demoAppRedirectUri } from "../../personas/personas";
import { readSettings, settingsUpdateSchema } from "../../settings/tenant-settings";
import { createTenant, deleteTenant, TenantLifecycleError } from "../../tenant-admin/tenant-lifecycle";
import { smartConfigurationUrl } from "../../tenancy/urls";
import { registerApp } from "../../apps/register-app";
import { ControlApiError, controlApi, json, readJson } from "../control-api";
import { readQuery, tenantControl } from "../tenant-control";

export const createTenantSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    settings: settingsUpdateSchema.optional(),
    autoLogin: z.boolean().optional(),
    demoApp: z.boolean().optional(),
  })
  .strict();

export async function presentTenant(tenantId: string) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const persons = await db.person.findMany({
    where: { tenantId },
    include: { access: { include: { patient: true } } },
    orderBy: { username: "asc" },
  });
  const patients = await db.patient.findMany({ where: { tenantId }, orderBy: { id: "asc" } });
  const settings = await readSettings(db, tenantId);
  const urls = authorizationServerUrls(tenantId);
  const seeded = new Set(SEED_PERSONS.map((person) => person.username));
  return {
    tenantId,
    name: tenant.name,
    fhirBase: urls.fhirBase,
    discovery: smartConfigurationUrl(tenantId),
    issuer: urls.issuer,
    patients: patients.map((patient) => ({
      id: patient.id,
      persona: patient.persona ?? patient.id,
      name: `${patient.givenName} ${patient.familyName}`,
      birthDate: patient.birthDate,
    })),
    accounts: persons.map((person) => ({
      username: person.username,
      ...(seeded.has(person.username) ? { password: SANDBOX_PASSWORD } : {}),
      displayName: person.displayName,
      patients: person.access.map((access) => ({ id: access.patientId, relationship: access.relationship })),
    })),
    settings,
    autoLogin: settings.autoLogin,
  };
}

export const tenantsRoute = {
  POST: controlApi(async (request: Request) => {
    if (new URL(request.url).search) throw new ControlApiError(400, "invalid_request", "this endpoint takes no query parameters");
    const input = await readJson(request, createTenantSchema);
    const tenantId = await createTenant(db, {
      name: input.name,
      settings: { ...input.settings, ...(input.autoLogin !== undefined ? { autoLogin: input.autoLogin } : {}) },
    });
    let demoApp: { client_id: string } | undefined;
    if (input.demoApp) {
      const registered = await registerApp(db, tenantId, {
        client_name: DEMO_APP.clientName,
        redirect_uris: [demoAppRedirectUri(publicUrl())],
        token_endpoint_auth_method: "none",
        scope: DEMO_APP.scope,
        organization: DEMO_APP.organization,
        public_hostname: DEMO_APP.publicHostname,
      });
      demoApp = { client_id: registered.client_id };
    }
    return json({ ...(await presentTenant(tenantId)), ...(demoApp ? { demoApp } : {}) }, 201);
  }),
};

export const tenantRoute = {
  GET: tenantControl(async (_request, { tenantId, query }) => {
    readQuery(query, {});
    return json(await presentTenant(tenantId));
  }),
  DELETE: tenantControl(async (_request, { tenantId, query }) => {
    readQuery(query, {});
    try {
      await deleteTenant(db, tenantId);
    } catch (error) {
      if (error instanceof TenantLifecycleError) throw new ControlApiError(409, "conflict", error.message);
      throw error;
    }
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  }),
};

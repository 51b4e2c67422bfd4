// POST …/reset — one tenant back to how it was created (the default tenant: to the seed). Other tenants are untouched.
import "server-only";
import { db } from "../../db/client";
import { publicUrl } from "../../config/environment";
import { resetSandboxTenant } from "../../tenant-admin/reset-sandbox";
import { json, readNoBody } from "../control-api";
import { readQuery, tenantControl } from "../tenant-control";

export const resetRoute = {
  POST: tenantControl(async (request, { tenantId, query }) => {
    readQuery(query, {});
    await readNoBody(request);
    await resetSandboxTenant(db, tenantId, { publicUrl: publicUrl() });
    return json({ status: "reset", tenantId });
  }),
};

// Headless grant control: POST/GET …/grants, GET …/grants/{id}, POST …/grants/{id}/{suspend|reapprove|reinstate|revoke|age}.
import "server-only";
import { z } from "zod";
import { db } from "../../db/client";
import {
  actOnGrant,
  ageGrant,
  approveHeadless,
  GRANT_ACTIONS,
  grantOfTenant,
  HeadlessGrantRefused,
  presentGrants,
} from "../../qa/headless-grants";
import { ControlApiError, json, readJson, readNoBody } from "../control-api";
import { readQuery, tenantControl } from "../tenant-control";

export const approveGrantSchema = z
  .object({
    client_id: z.string().min(1).max(200),
    username: z.string().min(1).max(100),
    patient: z.string().min(1).max(200).optional(),
    scope: z.string().min(1).max(2000).optional(),
    issue: z.enum(["code", "tokens"]).default("tokens"),
    redirect_uri: z.string().max(2000).optional(),
  })
  .strict();
export const ageGrantSchema = z.object({ by: z.string().min(2).max(40) }).strict();
export const grantListQuery = { client_id: z.string().max(200).optional(), status: z.enum(["active", "suspended", "revoked"]).optional() };

/** Domain refusals become control-API errors with their status. */
async function refusalsAsErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HeadlessGrantRefused)
      throw new ControlApiError(
        error.status,
        error.status === 404 ? "not_found" : error.status === 409 ? "conflict" : "invalid_request",
        error.message,
      );
    throw error;
  }
}

const presentOne = async (grant: Parameters<typeof presentGrants>[1][number]) => (await presentGrants(db, [grant]))[0];

export const grantsRoute = {
  GET: tenantControl(async (_request, { tenantId, query }) => {
    const { client_id: clientId, status } = readQuery(query, grantListQuery);
    const grants = await db.grant.findMany({
      where: { tenantId, ...(clientId ? { clientId } : {}), ...(status ? { status } : {}) },
      orderBy: { createdAt: "desc" },
      take: 500,
    });
    return json({ grants: await presentGrants(db, grants) });
  }),
  POST: tenantControl(async (request, { tenantId, query }) => {
    readQuery(query, {});
    const input = await readJson(request, approveGrantSchema);
    return json(await refusalsAsErrors(() => approveHeadless(db, tenantId, input)), 201);
  }),
};

export const grantRoute = {
  GET: tenantControl<{ grantId: string }>(async (_request, { tenantId, params, query }) => {
    readQuery(query, {});
    return json(await presentOne(await refusalsAsErrors(() => grantOfTenant(db, tenantId, params.grantId))));
  }),
};

export const grantActionRoute = {
  POST: tenantControl<{ grantId: string; action: string }>(async (request, { tenantId, params, query }) => {
    readQuery(query, {});
    const { grantId, action } = params;
    if (action === "age") {
      const { by } = await readJson(request, ageGrantSchema);
      return json(await presentOne(await refusalsAsErrors(() => ageGrant(db, tenantId, grantId, by))));
    }
    const known = GRANT_ACTIONS.find((candidate) => candidate === action);
    if (!known) throw new ControlApiError(404, "not_found", `no grant action "${action}"; use ${[...GRANT_ACTIONS, "age"].join(", ")}`);
    await readNoBody(request);
    return json(await presentOne(await refusalsAsErrors(() => actOnGrant(db, tenantId, grantId, known))));
  }),
};

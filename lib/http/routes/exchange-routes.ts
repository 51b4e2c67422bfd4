// GET …/tenants/{t}/exchanges/{correlationId}: one kept HTTP exchange (Raw HTTP, secrets already removed);
// GET …/tenants/{t}/grants/{grantId}/har: the grant's exchanges as a HAR 1.2 file.
import "server-only";
import { db } from "../../db/client";
import { findExchange } from "../../activity/http-exchange-store";
import { grantExchanges } from "../../activity/grant-exchanges";
import { harDownload, toHar } from "../../activity/har";
import { ControlApiError, json } from "../control-api";
import { readQuery, tenantControl } from "../tenant-control";

export const exchangeRoute = {
  GET: tenantControl<{ correlationId: string }>(async (_request, { tenantId, params, query }) => {
    readQuery(query, {});
    const exchange = await findExchange(db, tenantId, params.correlationId);
    if (!exchange)
      throw new ControlApiError(
        404,
        "not_found",
        `no exchange with correlation id "${params.correlationId}" is kept (the tenant's recordHttpExchanges setting may be off, or it was swept)`,
      );
    return json({ exchange });
  }),
};

export const grantHarRoute = {
  GET: tenantControl<{ grantId: string }>(async (_request, { tenantId, params, query }) => {
    readQuery(query, {});
    const exchanges = await grantExchanges(db, tenantId, params.grantId);
    if (!exchanges) throw new ControlApiError(404, "not_found", `no grant with id "${params.grantId}" in tenant "${tenantId}"`);
    return harDownload(toHar(exchanges, `grant ${params.grantId} (tenant ${tenantId})`), `grant-${params.grantId}.har`);
  }),
};

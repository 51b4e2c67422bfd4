// Shared edge of the FHIR routes: tenant check, token, OperationOutcome for every failure, one activity event per request.
import { db, type Db } from "../db/client";
import { recordEvent } from "../activity/record-event";
import { sandboxNow } from "../clock/sandbox-clock";
import { findTenant } from "../tenancy/tenants";
import { authenticateFhirRequest, type FhirAccess } from "./fhir-access";
import { FhirError, fhirJson, operationOutcome } from "./fhir-errors";

export interface FhirOutcome {
  body: unknown;
  resourceType: string;
  interaction: "read" | "search";
  resultCount: number;
}

type Handler = (db: Db, tenantId: string, access: FhirAccess, request: Request) => Promise<FhirOutcome>;

export async function handleFhirRequest(request: Request, tenantId: string, description: { resourceType: string; interaction: "read" | "search" }, handler: Handler): Promise<Response> {
  let access: FhirAccess | null = null;
  let tenantKnown = false;
  let status = 200;
  let resultCount = 0;
  try {
    tenantKnown = !!(await findTenant(db, tenantId));
    if (!tenantKnown) throw new FhirError(404, "not-found", `no tenant "${tenantId}"`);
    access = await authenticateFhirRequest(db, tenantId, request);
    const outcome = await handler(db, tenantId, access, request);
    resultCount = outcome.resultCount;
    return fhirJson(outcome.body);
  } catch (error) {
    if (!(error instanceof FhirError)) console.error("FHIR request failed", error);
    const failure = error instanceof FhirError ? error : new FhirError(500, "exception", "the server failed to handle the request");
    status = failure.status;
    return operationOutcome(failure);
  } finally {
    const url = new URL(request.url);
    await recordEvent(db, {
      type: `fhir.${description.interaction}`,
      tenantId: tenantKnown ? tenantId : null,
      clientId: access?.claims.client_id ?? null,
      grantId: access?.claims.grant_id ?? null,
      patientId: access?.patientId ?? null,
      sandboxAt: await sandboxNow(db),
      payload: { resourceType: description.resourceType, path: url.pathname, query: url.search, status, resultCount },
    }).catch(() => undefined);
  }
}

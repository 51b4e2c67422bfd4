// GET /r4/{t}/metadata — the CapabilityStatement (no token needed).
import { db } from "@/lib/db/client";
import { capabilityStatement } from "@/lib/fhir/capability-statement";
import { FhirError, fhirJson, operationOutcome } from "@/lib/fhir/fhir-errors";
import { findTenant } from "@/lib/tenancy/tenants";

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  if (!(await findTenant(db, tenant))) return operationOutcome(new FhirError(404, "not-found", `no tenant "${tenant}"`));
  return fhirJson(capabilityStatement(tenant));
}

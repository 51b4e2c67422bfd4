// GET /r4/{t}/{Type}/{id} — read one resource of the token's patient (or a shared Practitioner/Organization).
import { handleFhirRequest } from "@/lib/fhir/fhir-route";
import { readResource } from "@/lib/fhir/fhir-service";
import { FHIR_HEADERS } from "@/lib/fhir/fhir-errors";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; type: string; id: string }> }) {
  const { tenant, type, id } = await params;
  return handleFhirRequest(request, tenant, { resourceType: type, interaction: "read" }, async (db, tenantId, access) => ({
    body: await readResource(db, tenantId, access, type, id),
    resourceType: type,
    interaction: "read",
    resultCount: 1,
  }));
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...FHIR_HEADERS, "Access-Control-Allow-Methods": "GET, OPTIONS" } });
}

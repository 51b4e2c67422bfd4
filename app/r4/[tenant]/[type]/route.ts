// GET /r4/{t}/{Type}?… — search within the token's patient compartment.
import { handleFhirRequest } from "@/lib/fhir/fhir-route";
import { searchResources } from "@/lib/fhir/fhir-service";
import { FHIR_HEADERS } from "@/lib/fhir/fhir-errors";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; type: string }> }) {
  const { tenant, type } = await params;
  return handleFhirRequest(request, tenant, { resourceType: type, interaction: "search" }, async (db, tenantId, access) => {
    const { bundle, count } = await searchResources(db, tenantId, access, type, new URL(request.url).searchParams);
    return { body: bundle, resourceType: type, interaction: "search", resultCount: count };
  });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...FHIR_HEADERS, "Access-Control-Allow-Methods": "GET, OPTIONS" } });
}

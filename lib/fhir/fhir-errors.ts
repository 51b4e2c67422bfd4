// FHIR errors as OperationOutcome responses with the right status (and WWW-Authenticate for 401/403).

export type IssueCode = "invalid" | "not-found" | "login" | "forbidden" | "not-supported" | "exception" | "too-costly";

export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly code: IssueCode,
    readonly diagnostics: string,
    readonly bearerError?: "invalid_token" | "insufficient_scope",
  ) {
    super(diagnostics);
  }
}

export const FHIR_HEADERS = {
  "Content-Type": "application/fhir+json; charset=utf-8",
  "Cache-Control": "no-store",
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Accept, Content-Type",
  "Access-Control-Expose-Headers": "Location, WWW-Authenticate, X-Correlation-Id",
};

export function fhirJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: FHIR_HEADERS });
}

export function operationOutcome(error: FhirError): Response {
  const body = { resourceType: "OperationOutcome", issue: [{ severity: "error", code: error.code, diagnostics: error.diagnostics }] };
  const response = fhirJson(body, error.status);
  if (error.bearerError)
    response.headers.set(
      "WWW-Authenticate",
      `Bearer realm="fhir", error="${error.bearerError}", error_description="${error.diagnostics.replace(/"/g, "'")}"`,
    );
  return response;
}

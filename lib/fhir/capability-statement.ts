// GET /r4/{t}/metadata: an R4 CapabilityStatement computed from what this server implements.
import { authorizationServerUrls } from "../oauth/endpoints";
import { fhirBaseUrl } from "../tenancy/urls";
import { SEARCHABLE } from "./search-parameters";

const COMMON = [
  { name: "_id", type: "token" },
  { name: "_count", type: "number" },
  { name: "_summary", type: "token" },
];

export function capabilityStatement(tenantId: string) {
  const urls = authorizationServerUrls(tenantId);
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-11-29",
    kind: "instance",
    publisher: "SMART Trust Sandbox",
    software: { name: "SMART Trust Sandbox" },
    implementation: { description: "Mock FHIR R4 patient-access API", url: fhirBaseUrl(tenantId) },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        security: {
          cors: true,
          service: [
            {
              coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" }],
              text: "OAuth2 using SMART-on-FHIR profile",
            },
          ],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                { url: "authorize", valueUri: urls.authorize },
                { url: "token", valueUri: urls.token },
                { url: "revoke", valueUri: urls.revoke },
                { url: "introspect", valueUri: urls.introspect },
                { url: "manage", valueUri: urls.manage },
                { url: "register", valueUri: urls.register },
              ],
            },
          ],
        },
        resource: Object.entries(SEARCHABLE).map(([type, definition]) => ({
          type,
          interaction: [{ code: "read" }, { code: "search-type" }],
          searchParam: [
            ...COMMON,
            ...(definition.patientElement === "subject"
              ? [
                  { name: "patient", type: "reference" },
                  { name: "subject", type: "reference" },
                ]
              : definition.patientElement === "patient"
                ? [{ name: "patient", type: "reference" }]
                : []),
            ...Object.entries(definition.parameters).map(([name, matcher]) => ({ name, type: matcher === "date" ? "date" : "token" })),
          ],
        })),
      },
    ],
  };
}

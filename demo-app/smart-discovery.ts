// SMART discovery over HTTP: GET {fhirBase}/.well-known/smart-configuration.
import { z } from "zod";
import { fhirBaseUrl } from "./config";

const configurationSchema = z.object({
  issuer: z.string().url(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  revocation_endpoint: z.string().url().optional(),
  management_endpoint: z.string().url().optional(),
});
export type SmartConfiguration = z.infer<typeof configurationSchema>;

export class SandboxUnreachable extends Error {}

export async function discover(): Promise<SmartConfiguration> {
  let response: Response;
  try {
    response = await fetch(`${fhirBaseUrl()}/.well-known/smart-configuration`, { headers: { accept: "application/json" }, cache: "no-store" });
  } catch {
    throw new SandboxUnreachable("The health record server cannot be reached.");
  }
  if (!response.ok) throw new SandboxUnreachable(`The health record server answered ${response.status}.`);
  return configurationSchema.parse(await response.json());
}

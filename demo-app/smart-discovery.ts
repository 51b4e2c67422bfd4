// SMART discovery over HTTP: GET {fhirBase}/.well-known/smart-configuration.
// next-auth builds the demo's config on every auth() call, so without a cache every page the demo renders
// starts with an HTTP request to the sandbox. The fields kept here (issuer and endpoint URLs) follow only from
// the FHIR base URL, never from tenant settings, so this process remembers them for a few minutes. Nothing
// depends on the cache: a miss, an expired entry or another instance just asks the sandbox again, and a
// failed discovery is never remembered.
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

const TTL_MS = 5 * 60_000;
/** By discovery URL; the promise is shared, so concurrent renders make one request. */
const remembered = new Map<string, { until: number; configuration: Promise<SmartConfiguration> }>();

async function fetchConfiguration(url: string): Promise<SmartConfiguration> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  } catch {
    throw new SandboxUnreachable("The health record server cannot be reached.");
  }
  if (!response.ok) throw new SandboxUnreachable(`The health record server answered ${response.status}.`);
  return configurationSchema.parse(await response.json());
}

export function discover(): Promise<SmartConfiguration> {
  const url = `${fhirBaseUrl()}/.well-known/smart-configuration`;
  const hit = remembered.get(url);
  if (hit && hit.until > Date.now()) return hit.configuration;
  const configuration = fetchConfiguration(url);
  remembered.set(url, { until: Date.now() + TTL_MS, configuration });
  configuration.catch(() => {
    if (remembered.get(url)?.configuration === configuration) remembered.delete(url);
  });
  return configuration;
}

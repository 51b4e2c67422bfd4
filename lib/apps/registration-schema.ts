// RFC 7591 client metadata accepted by the sandbox, with its sandbox extensions (organization, public hostname,
// baseline, trust source). The same schema serves the registration endpoint and the console's register form.
import { z } from "zod";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** Why a redirect URI is not acceptable, or null: https anywhere, http on loopback only, or a private-use scheme. */
export function redirectUriProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URI`;
  }
  if (url.hash || value.includes("#")) return `"${value}" may not contain a fragment`;
  if (url.protocol === "https:") return url.hostname ? null : `"${value}" has no host`;
  if (url.protocol === "http:")
    return LOOPBACK_HOSTS.has(url.hostname) ? null : `"${value}" uses http; only localhost and 127.0.0.1 may use http`;
  // Private-use schemes (RFC 8252 §7.1) are reverse domain names, e.g. com.example.app:/callback.
  if (/^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:$/i.test(url.protocol)) return null;
  return `"${value}" uses the scheme ${url.protocol} which is not allowed; use https, http://localhost or a private-use scheme such as com.example.app:`;
}

export const organizationSchema = z
  .object({
    name: z.string().trim().min(1, "organization name is required").max(100),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, "country must be a two-letter code such as US"),
    state: z.string().trim().min(1, "state is required").max(60),
    locality: z.string().trim().min(1, "locality is required").max(60),
  })
  .strict();

export const registrationSchema = z
  .object({
    client_name: z.string().trim().min(1, "client_name is required").max(100, "client_name is longer than 100 characters"),
    redirect_uris: z.array(z.string()).min(1, "redirect_uris needs at least one URI").max(10, "at most 10 redirect_uris"),
    scope: z.string().max(2000).optional(),
    grant_types: z
      .array(z.enum(["authorization_code", "refresh_token"]))
      .min(1)
      .optional(),
    response_types: z.array(z.literal("code")).optional(),
    token_endpoint_auth_method: z.enum(["none", "client_secret_basic", "client_secret_post"]).optional(),
    organization: organizationSchema.optional(),
    public_hostname: z
      .string()
      .trim()
      .toLowerCase()
      .regex(HOSTNAME, "public_hostname must be a DNS host name such as app.example.com")
      .optional(),
    baseline: z
      .object({ certificate_type: z.enum(["OV", "DV"]).optional(), txt_record: z.boolean().optional() })
      .strict()
      .optional(),
    // Sandbox extension: where trust checks look — the simulated host (default) or the real host of the first
    // redirect URI (`live`, which must then be https).
    trust_source: z.enum(["simulated", "live"]).optional(),
    // Accepted and ignored, as RFC 7591 allows for metadata the server does not use.
    logo_uri: z.string().optional(),
    client_uri: z.string().optional(),
    contacts: z.array(z.string()).optional(),
    software_id: z.string().optional(),
    software_version: z.string().optional(),
  })
  .passthrough();

export type RegistrationRequest = z.infer<typeof registrationSchema>;

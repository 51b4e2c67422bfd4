// Registers an app: validates its metadata, stores the client (secret only as a hash) and creates its
// simulated host with a baseline world — in one transaction, so nothing is half-saved.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { eventCreate } from "../activity/record-event";
import { sandboxNow } from "../clock/sandbox-clock";
import { hashMachineSecret, hashToken, randomToken } from "../secrets/hashing";
import { authorizationServerUrls } from "../oauth/endpoints";
import { simulatedHostWrite } from "../trust/simulated-host";
import { NoTrustHostnameError, trustHostname } from "../trust/trust-hostname";
import { liveModeProblem } from "../trust/trust-source";
import { InvalidClientMetadata, InvalidRedirectUri } from "../oauth/errors";
import { defaultRegisteredScope } from "../oauth/scopes";
import { SUPPORTED_RESOURCE_TYPES } from "../oauth/supported-resources";
import { redirectUriProblem, type RegistrationRequest } from "./registration-schema";

export interface RegisteredApp {
  client_id: string;
  client_secret?: string;
  client_id_issued_at: number;
  client_secret_expires_at?: number;
  /** RFC 7592: lets the app read its registration and delete itself at registration_client_uri. */
  registration_access_token: string;
  registration_client_uri: string;
  client_name: string;
  redirect_uris: string[];
  scope: string;
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: string;
  organization?: RegistrationRequest["organization"];
  public_hostname?: string;
  trust_source: "simulated" | "live";
}

export async function registerApp(db: Db, tenantId: string, request: RegistrationRequest): Promise<RegisteredApp> {
  for (const uri of request.redirect_uris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new InvalidRedirectUri(problem);
  }
  const method = request.token_endpoint_auth_method ?? "client_secret_basic";
  const grantTypes = request.grant_types ?? ["authorization_code", "refresh_token"];
  if (!grantTypes.includes("authorization_code")) throw new InvalidClientMetadata("grant_types must include authorization_code");
  const client = {
    id: randomUUID(),
    tenantId,
    clientName: request.client_name,
    tokenEndpointAuthMethod: method,
    redirectUris: request.redirect_uris,
    scope: request.scope ?? defaultRegisteredScope(SUPPORTED_RESOURCE_TYPES),
    grantTypes,
    publicHostname: request.public_hostname ?? null,
    organization: request.organization ?? null,
    trustSource: request.trust_source ?? "simulated",
  };
  const liveProblem = client.trustSource === "live" ? liveModeProblem(request.redirect_uris[0]) : null;
  if (liveProblem) throw new InvalidClientMetadata(`trust_source "live": ${liveProblem}`);
  try {
    trustHostname(client);
  } catch (error) {
    if (error instanceof NoTrustHostnameError)
      throw new InvalidClientMetadata("public_hostname is required when the first redirect URI has no host (private-use scheme)");
    throw error;
  }
  const secret = method === "none" ? undefined : randomToken();
  const registrationAccessToken = randomToken();
  const now = await sandboxNow(db, tenantId);
  const hostWrite = await simulatedHostWrite(db, client, {
    certificateType: request.baseline?.certificate_type,
    txtRecord: request.baseline?.txt_record,
  });
  await db.$transaction([
    db.client.create({
      data: {
        ...client,
        organization: client.organization ?? undefined,
        secretHash: secret ? hashMachineSecret(secret) : null,
        registrationTokenHash: hashToken(registrationAccessToken),
      },
    }),
    hostWrite.write,
    eventCreate(db, {
      type: "client.registered",
      tenantId,
      clientId: client.id,
      sandboxAt: now,
      payload: {
        clientName: client.clientName,
        redirectUris: client.redirectUris,
        tokenEndpointAuthMethod: method,
        publicHostname: client.publicHostname,
        trustSource: client.trustSource,
      },
    }),
  ]);
  return {
    client_id: client.id,
    ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}),
    client_id_issued_at: Math.floor(Date.now() / 1000),
    registration_access_token: registrationAccessToken,
    registration_client_uri: `${authorizationServerUrls(tenantId).register}/${client.id}`,
    client_name: client.clientName,
    redirect_uris: client.redirectUris,
    scope: client.scope,
    grant_types: grantTypes,
    response_types: ["code"],
    token_endpoint_auth_method: method,
    ...(request.organization ? { organization: request.organization } : {}),
    ...(request.public_hostname ? { public_hostname: request.public_hostname } : {}),
    trust_source: client.trustSource,
  };
}

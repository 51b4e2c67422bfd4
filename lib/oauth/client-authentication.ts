// Client authentication at the token, revocation and introspection endpoints (RFC 6749 §2.3):
// `client_secret_basic`, `client_secret_post`, or `none` for public clients; exactly one method per request.
// A request may carry no client_id at all only when the grant names its client (a refresh token, RFC 6749 §6):
// that client is then accepted only if it is public; a confidential client must still authenticate.
import type { Db } from "../db/client";
import { verifySecret } from "../secrets/hashing";
import { InvalidClient, InvalidRequest } from "./errors";
import type { Parameters } from "./form-parameters";

export interface AuthenticatedClient {
  id: string;
  tenantId: string;
  clientName: string;
  tokenEndpointAuthMethod: string;
  redirectUris: string[];
  scope: string;
  grantTypes: string[];
  public: boolean;
}

function decodeBasic(header: string): { clientId: string; secret: string } {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match) throw new InvalidClient("the Authorization header is not a valid Basic credential");
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw new InvalidClient("the Basic credential has no client_id:client_secret pair");
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " ")),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " ")),
    };
  } catch {
    throw new InvalidClient("the Basic credential is not correctly encoded");
  }
}

/** Finds the client a request names implicitly (e.g. by its refresh token); null when it names none. */
export type ClientIdentifier = (parameters: Parameters) => Promise<string | null>;

export interface PresentedCredentials {
  clientId: string | null;
  secret: string | null;
  method: "client_secret_basic" | "client_secret_post" | "none";
}

/** The client authentication a request carries; malformed or contradictory credentials are refused here. */
export function presentedCredentials(request: Request, parameters: Parameters): PresentedCredentials {
  const authorization = request.headers.get("authorization");
  const basic = authorization ? decodeBasic(authorization) : null;
  if (basic && parameters.client_secret) throw new InvalidRequest("use one client authentication method, not both Basic and client_secret");
  if (basic && parameters.client_id && parameters.client_id !== basic.clientId)
    throw new InvalidRequest("client_id does not match the Basic credential");
  if (!basic && !parameters.client_id && parameters.client_secret)
    throw new InvalidClient("client authentication failed", "client_secret sent without client_id");
  if (basic) return { clientId: basic.clientId, secret: basic.secret, method: "client_secret_basic" };
  return {
    clientId: parameters.client_id ?? null,
    secret: parameters.client_secret ?? null,
    method: parameters.client_secret ? "client_secret_post" : "none",
  };
}

type RegisteredClient = { tokenEndpointAuthMethod: string; secretHash: string | null };

/** Checks the credentials against the registered client; `identified`: the client was named by the grant, not the request. */
export async function verifyClientCredentials(
  client: RegisteredClient,
  presented: PresentedCredentials,
  identified: boolean,
): Promise<void> {
  if (identified && client.tokenEndpointAuthMethod !== "none") {
    throw new InvalidClient(
      "client authentication is required",
      `the refresh token belongs to a confidential client (${client.tokenEndpointAuthMethod}) that sent no credentials`,
    );
  }
  if (presented.method !== client.tokenEndpointAuthMethod) {
    throw new InvalidClient(
      "client authentication failed",
      `the client is registered for ${client.tokenEndpointAuthMethod} but used ${presented.method}`,
    );
  }
  if (presented.method !== "none") {
    if (!client.secretHash || !(await verifySecret(presented.secret!, client.secretHash)))
      throw new InvalidClient("client authentication failed", "wrong client secret");
  }
}

export async function authenticateClient(
  db: Db,
  tenantId: string,
  request: Request,
  parameters: Parameters,
  identify?: ClientIdentifier,
): Promise<AuthenticatedClient> {
  const presented = presentedCredentials(request, parameters);
  const identified = !presented.clientId && identify ? await identify(parameters) : null;
  const clientId = presented.clientId ?? identified;
  if (!clientId) throw new InvalidClient("client authentication is required (client_id)");

  const client = await db.client.findUnique({ where: { id: clientId }, omit: { secretHash: false } });
  if (!client || client.tenantId !== tenantId)
    throw new InvalidClient("unknown client", `client_id "${clientId}" is not registered in this tenant`);
  await verifyClientCredentials(client, presented, identified !== null);
  return toAuthenticatedClient(client);
}

type ClientRow = Pick<
  NonNullable<Awaited<ReturnType<Db["client"]["findUnique"]>>>,
  "id" | "tenantId" | "clientName" | "tokenEndpointAuthMethod" | "redirectUris" | "scope" | "grantTypes"
>;

/** The client as the token endpoint sees it once authenticated (also used by the control API, which needs no secret). */
export function toAuthenticatedClient(client: ClientRow): AuthenticatedClient {
  return {
    id: client.id,
    tenantId: client.tenantId,
    clientName: client.clientName,
    tokenEndpointAuthMethod: client.tokenEndpointAuthMethod,
    redirectUris: client.redirectUris as string[],
    scope: client.scope,
    grantTypes: client.grantTypes as string[],
    public: client.tokenEndpointAuthMethod === "none",
  };
}

/** A client_id from a failed request, kept for the activity log only when it names a client of this tenant:
 * junk requests with made-up ids are not attributed to anyone. */
export async function registeredClientId(db: Db, tenantId: string, candidate: string | null): Promise<string | null> {
  if (!candidate || candidate.length > 200) return null;
  const client = await db.client.findUnique({ where: { id: candidate }, select: { tenantId: true } }).catch(() => null);
  return client?.tenantId === tenantId ? candidate : null;
}

// The comparison target of `npm run bench`: panva's oidc-provider (pinned dev dependency) with its in-memory
// adapter, in its own process like `next start`, answering the same refresh shape as ours: an ES256 JWT access
// token for the FHIR audience plus an RS256 id_token, for a public client, without rotation.
// Run: node --import tsx bench/oidc-provider-server.ts <port>; prints one JSON line {tokenUrl, refreshForm}.
import http from "node:http";
import { generateKeyPairSync } from "node:crypto";
import Provider, { errors } from "oidc-provider";

const CLIENT_ID = "bench-app";
const RESOURCE = "http://localhost/fhir";
const RESOURCE_SCOPE = "patient/Patient.read";
const OIDC_SCOPE = "openid offline_access";
const ACCOUNT_ID = "bench-patient";
const TTL_SECONDS = 3600;

function privateJwk(type: "ec" | "rsa", alg: string, kid: string) {
  const { privateKey } =
    type === "ec" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), alg, use: "sig", kid };
}

async function main(port: number) {
  const provider = new Provider(`http://localhost:${port}`, {
    jwks: { keys: [privateJwk("ec", "ES256", "es256"), privateJwk("rsa", "RS256", "rs256")] },
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: ["http://localhost/callback"],
        id_token_signed_response_alg: "RS256",
      },
    ],
    findAccount: async (_context, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
    // Like ours (the vendor does not rotate): the one refresh token stays valid for the whole run.
    rotateRefreshToken: false,
    ttl: {
      AccessToken: 570,
      IdToken: 3600,
      RefreshToken: TTL_SECONDS,
      Grant: TTL_SECONDS,
      Session: TTL_SECONDS,
      Interaction: 600,
      AuthorizationCode: 60,
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => RESOURCE,
        // Without it a refresh carrying openid gets an opaque userinfo token instead of the resource's JWT.
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_context, indicator) => {
          if (indicator !== RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: RESOURCE_SCOPE,
            audience: RESOURCE,
            accessTokenTTL: 570,
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: "ES256" } },
          };
        },
      },
    },
  });

  // The grant and refresh token the authorization code flow would have stored, minted directly (no browser).
  const client = await provider.Client.find(CLIENT_ID);
  if (!client) throw new Error("the bench client is not registered");
  const grant = new provider.Grant({ accountId: ACCOUNT_ID, clientId: CLIENT_ID });
  grant.addOIDCScope(OIDC_SCOPE);
  grant.addResourceScope(RESOURCE, RESOURCE_SCOPE);
  const grantId = await grant.save();
  const refreshToken = await new provider.RefreshToken({
    accountId: ACCOUNT_ID,
    authTime: Math.floor(Date.now() / 1000),
    client,
    expiresWithSession: false,
    grantId,
    gty: "authorization_code",
    resource: RESOURCE,
    rotations: 0,
    scope: `${OIDC_SCOPE} ${RESOURCE_SCOPE}`,
  }).save();

  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  console.log(
    JSON.stringify({
      tokenUrl: `http://127.0.0.1:${port}/token`,
      refreshForm: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: CLIENT_ID },
    }),
  );
  process.on("SIGTERM", () => process.exit(0));
}

main(Number(process.argv[2])).catch((error) => {
  console.error(error);
  process.exit(1);
});

// next-auth (v5) for the demo app: a custom SMART provider found by discovery, PKCE S256 and state,
// `aud` = FHIR base. Tokens live only in the encrypted session cookie and are read on the server
// (see held-tokens.ts); the session the browser can see holds no token.
import NextAuth, { type NextAuthConfig } from "next-auth";
import { decodeJwt } from "jose";
import { DEMO_CLIENT_ID, DEMO_PROVIDER_ID, DEMO_SCOPES, fhirBaseUrl } from "./config";
import { discover } from "./smart-discovery";
import { refreshTokens, type HeldTokens, type RefusedExchange } from "./token-refresh";

export interface LastRefresh {
  at: number;
  outcome: "refreshed" | "invalid_grant" | "unavailable" | "no_refresh_token";
  errorUri?: string | null;
  message?: string;
  /** A refused refresh as sent and received (no token in it): MyHealth's "What happened?" shows it. */
  exchange?: RefusedExchange;
}

declare module "next-auth" {
  interface Session {
    patient?: string;
    fhirUser?: string;
    scope?: string;
    expiresAt?: number;
    hasRefreshToken?: boolean;
    lastRefresh?: LastRefresh | null;
  }
}

function claimsOf(idToken: unknown): Record<string, unknown> {
  try {
    return typeof idToken === "string" ? decodeJwt(idToken) : {};
  } catch {
    return {};
  }
}

async function config(): Promise<NextAuthConfig> {
  const smart = await discover();
  return {
    basePath: "/demo/api/auth",
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 86_400 },
    pages: { signIn: "/demo", error: "/demo" },
    logger: {
      error: (error: Error) =>
        console.error(`demo app sign-in: ${error.name}: ${error.message}`, (error as { cause?: unknown }).cause ?? ""),
    },
    providers: [
      {
        id: DEMO_PROVIDER_ID,
        name: "Sandbox Health",
        type: "oauth",
        issuer: smart.issuer,
        clientId: DEMO_CLIENT_ID,
        client: { token_endpoint_auth_method: "none" },
        checks: ["pkce", "state"],
        authorization: { url: smart.authorization_endpoint, params: { scope: DEMO_SCOPES, aud: fhirBaseUrl() } },
        token: smart.token_endpoint,
        userinfo: {
          url: smart.token_endpoint,
          request: async ({ tokens }: { tokens: { id_token?: string; patient?: string } }) => ({
            ...claimsOf(tokens.id_token),
            patient: tokens.patient,
          }),
        },
        profile: (profile: Record<string, unknown>) => ({ id: String(profile.sub ?? profile.patient ?? "patient"), name: null }),
        // Keep SMART's launch context (`patient`) next to the standard token fields.
        account: (tokens: Record<string, unknown>) => {
          const kept = Object.entries(tokens).filter(([key]) =>
            ["access_token", "refresh_token", "expires_at", "scope", "token_type", "id_token", "patient"].includes(key),
          );
          return Object.fromEntries(kept) as Record<string, string>;
        },
      },
    ],
    callbacks: {
      async jwt({ token, account, profile, trigger, session }) {
        if (account) {
          const held: HeldTokens = {
            accessToken: String(account.access_token),
            refreshToken: account.refresh_token,
            expiresAt: Number(account.expires_at ?? 0),
            scope: String(account.scope ?? ""),
            patient: String((account as Record<string, unknown>).patient ?? ""),
            fhirUser: typeof profile?.fhirUser === "string" ? profile.fhirUser : undefined,
          };
          return { ...token, held, lastRefresh: null };
        }
        if (trigger === "update" && (session as { action?: string } | undefined)?.action === "refresh" && token.held) {
          const outcome = await refreshTokens(token.held as HeldTokens);
          const lastRefresh: LastRefresh = {
            at: Date.now(),
            outcome: outcome.kind,
            ...(outcome.kind === "invalid_grant" ? { errorUri: outcome.errorUri, exchange: outcome.exchange } : {}),
            ...(outcome.kind === "unavailable" ? { message: outcome.message } : {}),
          };
          return { ...token, held: outcome.kind === "refreshed" ? outcome.tokens : token.held, lastRefresh };
        }
        return token;
      },
      session({ session, token }) {
        const held = token.held as HeldTokens | undefined;
        return {
          ...session,
          patient: held?.patient,
          fhirUser: held?.fhirUser,
          scope: held?.scope,
          expiresAt: held?.expiresAt,
          hasRefreshToken: !!held?.refreshToken,
          lastRefresh: (token.lastRefresh as LastRefresh | null | undefined) ?? null,
        };
      },
    },
  };
}

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth(config);

// Per-tenant settings: where the vendor's documentation is silent, the sandbox makes the choice a setting
// with a documented default. Stored one row per key; unknown or invalid stored values fall back to defaults.
import { z } from "zod";
import type { Db } from "../db/client";

/**
 * Which part of the Public Suffix List decides an app's registrable domain: `icann` (the vendor's documented
 * behaviour) or `icann-and-private` (also the private section, e.g. github.io).
 */
export const PUBLIC_SUFFIX_RULES = ["icann", "icann-and-private"] as const;
export type PublicSuffixRule = (typeof PUBLIC_SUFFIX_RULES)[number];

export const SETTING_DEFINITIONS = {
  suspensionPolicy: {
    schema: z.enum(["strict", "identity"]),
    default: "strict" as "strict" | "identity",
    label: "Suspension policy",
    choices: { strict: "strict — any TLS or DNS fact", identity: "identity — only what the patient sees, or an unacceptable certificate" },
    help: "What counts as a change after the patient approved: strict = any TLS or DNS fact, including a renewed certificate's fingerprint (the literal reading of the vendor's announcement); identity = only changes to what the patient is shown or that make the certificate unacceptable.",
  },
  checkCacheSeconds: {
    schema: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400),
    default: 0 as number,
    label: "Trust check cache time (seconds)",
    help: "How long a trust check result is reused, on the sandbox clock. 0 checks every time; the vendor may cache results for up to 12 hours (43200).",
  },
  accessTokenLifetimeSeconds: {
    schema: z.number().int().min(30).max(86_400),
    default: 570 as number,
    label: "Access token lifetime (seconds)",
    help: "expires_in of access tokens. The vendor issues 570 seconds.",
  },
  refreshTokenRotation: {
    schema: z.boolean(),
    default: false,
    label: "Rotate refresh tokens",
    help: "Whether a refresh response carries a new refresh token. The vendor does not rotate.",
  },
  pkceRequired: {
    schema: z.boolean(),
    default: true,
    label: "PKCE required for public clients",
    help: "Whether public clients must send an S256 code_challenge.",
  },
  errorDescription: {
    schema: z.boolean(),
    default: false,
    label: "Send error_description",
    help: "Whether OAuth error responses carry an error_description. The vendor sends none.",
  },
  wildcardScopesAllowed: {
    schema: z.boolean(),
    default: false,
    label: "Allow wildcard resource scopes",
    help: "Whether patient/*.read style scopes are accepted. The vendor rejects them with invalid_scope.",
  },
  suspendOnlineAccess: {
    schema: z.boolean(),
    default: false,
    label: "Check trust on online_access refreshes",
    help: "The vendor checks offline_access refreshes; turn this on to suspend online_access grants the same way.",
  },
  refreshMinIntervalSeconds: {
    schema: z.number().int().min(0).max(86_400),
    default: 0 as number,
    label: "Minimum seconds between refreshes of one grant",
    help: "0 = off. A refresh of the same grant sooner than this after its last token response answers 429 temporarily_unavailable with Retry-After, as a throttled call would; the refresh token stays valid.",
  },
  authorizationResponseIss: {
    schema: z.boolean(),
    default: true,
    label: "Send iss in authorization responses (RFC 9207)",
    help: "Whether the redirect back to the app carries iss (and discovery says authorization_response_iss_parameter_supported). Turn off to mirror the vendor, which does not send it.",
  },
  loginLockoutFailures: {
    schema: z.number().int().min(0).max(100),
    default: 5 as number,
    label: "Sign-in lockout: failed attempts",
    help: "A username is refused after this many failed sign-ins within the window (on this tenant's clock). 0 = no lockout. Tenants created through the control API start with 0 unless they ask for a lockout.",
  },
  loginLockoutWindowMinutes: {
    schema: z.number().int().min(1).max(1440),
    default: 15 as number,
    label: "Sign-in lockout: window (minutes)",
    help: "How far back failed sign-ins count toward the lockout, on this tenant's clock.",
  },
  activityRetentionDays: {
    schema: z.number().int().min(1).max(3650),
    default: 30 as number,
    label: "Keep activity for (days)",
    help: "Events and error pages older than this (real time, so moving the sandbox clock never wipes what a test wants to read) are removed by the periodic sweep.",
  },
  activityMaxEvents: {
    schema: z.number().int().min(1000).max(10_000_000),
    default: 100_000 as number,
    label: "Keep at most this many events",
    help: "The periodic sweep keeps the newest events of the tenant up to this number.",
  },
  recordHttpExchanges: {
    schema: z.boolean(),
    default: true,
    label: "Keep raw HTTP exchanges",
    help: "Whether the sandbox keeps each request and answer of the authorization server, the FHIR API and the control API (every token, code, secret, password and cookie replaced by [redacted] before it is stored) for the console's Raw HTTP view and the HAR export. Costs one database write per request, except on the token endpoint's common path where it joins the existing write. Swept with the activity.",
  },
  publicSuffixRule: {
    schema: z.enum(PUBLIC_SUFFIX_RULES),
    default: "icann" as PublicSuffixRule,
    label: "Registrable domain (eTLD+1) rule",
    choices: {
      icann: "icann — ICANN suffixes only (my-project.github.io → github.io)",
      "icann-and-private": "icann-and-private — private suffixes count too (my-project.github.io)",
    },
    help: "Which part of the Public Suffix List decides an app's domain (where its TXT record must be, and what patients see). icann = the ICANN section only, as the vendor documents (my-project.github.io → github.io); icann-and-private = private suffixes count too (my-project.github.io stays whole).",
  },
  autoLogin: {
    schema: z.boolean(),
    default: false,
    label: "Auto-login with login_hint (test tenants)",
    help: "When on, login_hint=<username> on an authorize request signs that patient in without a password (the patient picker and consent still show). For scripted tests only.",
  },
} as const;

export type SettingKey = keyof typeof SETTING_DEFINITIONS;

/** The labelled choices of a setting that takes one of a few words (shown as a select), or null. */
export function settingChoices(key: SettingKey): Record<string, string> | null {
  const definition = SETTING_DEFINITIONS[key];
  return "choices" in definition ? definition.choices : null;
}
export type TenantSettings = { [K in SettingKey]: (typeof SETTING_DEFINITIONS)[K]["default"] };
export const SETTING_KEYS = Object.keys(SETTING_DEFINITIONS) as SettingKey[];

export function defaultSettings(): TenantSettings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTING_DEFINITIONS[key].default])) as TenantSettings;
}

/** zod schema for a partial update, rejecting unknown keys. */
export const settingsUpdateSchema = z
  .object(
    Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTING_DEFINITIONS[key].schema.optional()])) as {
      [K in SettingKey]: z.ZodOptional<(typeof SETTING_DEFINITIONS)[K]["schema"]>;
    },
  )
  .strict();

/** The settings from stored rows: defaults, overridden by every stored value that is still valid. */
export function settingsFromRows(rows: { key: string; value: unknown }[]): TenantSettings {
  const settings = defaultSettings();
  for (const row of rows) {
    const definition = Object.hasOwn(SETTING_DEFINITIONS, row.key) ? SETTING_DEFINITIONS[row.key as SettingKey] : undefined;
    const parsed = definition?.schema.safeParse(row.value);
    if (parsed?.success) (settings as Record<string, unknown>)[row.key] = parsed.data;
  }
  return settings;
}

export async function readSettings(db: Db, tenantId: string): Promise<TenantSettings> {
  return settingsFromRows(await db.setting.findMany({ where: { tenantId } }));
}

/**
 * Stores the given settings as they are. Changing settings goes through updateSettings
 * (lib/tenant-admin/update-settings.ts), which also applies what a change implies for the tenant's apps.
 */
export async function storeSettings(db: Db, tenantId: string, update: z.infer<typeof settingsUpdateSchema>): Promise<void> {
  const entries = Object.entries(update).filter(([, value]) => value !== undefined);
  await db.$transaction(
    entries.map(([key, value]) =>
      db.setting.upsert({
        where: { tenantId_key: { tenantId, key } },
        create: { tenantId, key, value: value as never },
        update: { value: value as never },
      }),
    ),
  );
}

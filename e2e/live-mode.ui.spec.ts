// Live mode as a developer drives it from the console: an app whose redirect URI is a real https server (here a TLS
// server and a DNS server on 127.0.0.1 that the e2e run starts, e2e/support/live-world.ts) switches its trust checks
// to that server; the patient's consent shows the organization in the real certificate; code exchange and refresh
// are checked against it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { pkcePair, QA_SCOPES, authorizeUrl, registerClient, TOKEN_URL } from "./support/smart-client";
import { signIn } from "./support/patient-browser";
import { LIVE_DOMAIN, LIVE_HOST, publishTxt } from "./support/live-world";

const liveRedirectUri = () => `https://${LIVE_HOST}:${process.env.E2E_LIVE_TLS_PORT}/callback`;

test.describe("live mode", () => {
  test("switch an app to its real server in the console, then consent, exchange and refresh against it", async ({ page, request }) => {
    const redirectUri = liveRedirectUri();
    const { client_id: clientId } = await registerClient(request, {
      client_name: "Live Staging App",
      redirect_uris: [redirectUri],
      organization: { name: "Staging Health", country: "US", state: "CA", locality: "Fresno" },
    });
    publishTxt({ [LIVE_DOMAIN]: [`cerner-client-id=${clientId}`] });

    await page.goto(`/console/apps/${clientId}`);
    const source = page.getByTestId("trust-source");
    await expect(source).toContainText("Trust source: simulated");
    await expect(source.getByRole("note")).toContainText("Switching is itself a change");
    await source.getByRole("button", { name: "Check the real server (live)" }).click();

    await expect(page.getByRole("status")).toContainText("Checks now look at the app's real server. 0 active grants will be paused");
    await expect(source).toContainText("Trust source: live");
    await expect(source).toContainText(redirectUri);
    await expect(page.getByTestId("identity-block")).toContainText("Probe Health Inc.");
    await expect(page.getByRole("heading", { name: "Scenarios" })).toHaveCount(0);
    await expect(page.getByText("certificate.revocation-not-checked")).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
    ).toEqual([]);

    await page.route(`${redirectUri}**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Live app callback</h1>" }),
    );
    const { verifier, challenge } = pkcePair();
    await page.goto(authorizeUrl(clientId, { challenge, scope: QA_SCOPES, extra: { redirect_uri: redirectUri } }));
    await signIn(page, "samuelokafor");
    await expect(page.getByTestId("identity-block")).toContainText("Probe Health Inc.");
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL((url) => url.href.startsWith(redirectUri));
    const code = new URL(page.url()).searchParams.get("code")!;

    const exchanged = await request.post(TOKEN_URL, {
      form: { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier, client_id: clientId },
    });
    expect(exchanged.status()).toBe(200);
    const tokens = await exchanged.json();
    const refreshed = await request.post(TOKEN_URL, {
      form: { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId },
    });
    expect(refreshed.status()).toBe(200);

    await page.goto(`/console/apps/${clientId}`);
    await page.getByTestId("trust-source").getByRole("button", { name: "Use the simulated world" }).click();
    await expect(page.getByRole("status")).toContainText(
      "Checks now use the simulated world again. 1 active grant will be paused at its next refresh.",
    );
    expect(
      (
        await request.post(TOKEN_URL, { form: { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId } })
      ).status(),
    ).toBe(400);
  });
});

// The patient's side of a suspension, in the browser: the error_uri page signed out, then signed in.
import { ErrorUriPage, expect, GRANT_SUSPENDED_URN, REVIEW_MESSAGES, test, urnOf } from "@smart-trust-sandbox/playwright";

test("suspension → error_uri signed out shows no patient name → Sign in to review → Re-approve → the same refresh token answers 200", async ({
  sandbox,
  app,
  launch,
  page,
}) => {
  const { tokens, grant } = await launch();
  const refreshToken = tokens.refresh_token!;
  await sandbox.control.scenario(app.clientId, "certificate-expired");
  const refused = await sandbox.smart.refresh({ refreshToken, clientId: app.clientId });
  expect(refused.status).toBe(400);
  expect(urnOf(refused.body.error_uri)).toBe(GRANT_SUSPENDED_URN);

  // Signed out (this context never signed in): what anyone holding the link sees — nothing private.
  const errorPage = new ErrorUriPage(page);
  await errorPage.open(refused.body.error_uri!);
  await expect(errorPage.privatePausedHeading).toBeVisible();
  await expect(errorPage.whatChangedHeading).toHaveCount(0);
  await expect(errorPage.signInToReviewLink).toBeVisible();
  await expect(errorPage.reapproveButton).toHaveCount(0);
  await expect(errorPage.signedInAs).toHaveCount(0);
  const html = await page.content();
  for (const secret of ["Ava", "Rivera", app.clientName]) expect(html).not.toContain(secret);

  await errorPage.signInToReview("avarivera");
  await expect(errorPage.pausedHeading(app.clientName)).toBeVisible();
  const suspended = await sandbox.control.grants.get(grant.id);
  // The page tells the patient in plain words; the control API has both those and the developer's precise sentences.
  expect(await errorPage.changeSentences()).toEqual(suspended.changes.map((change) => change.patientSentence));
  expect(await errorPage.changeSentences()).toContainEqual(expect.stringMatching(/certificate has expired/i));
  expect(suspended.changes.map((change) => change.sentence)).toContainEqual(expect.stringMatching(/certificate expired on/i));
  await expect(errorPage.identityBlocks).toHaveCount(2);
  await expect(errorPage.keepPausedButton).toBeVisible();
  await expect(errorPage.revokeAccessButton).toBeVisible();
  await errorPage.reapprove();
  await expect(errorPage.status).toHaveText(REVIEW_MESSAGES.reapproved);

  const again = await sandbox.smart.refresh({ refreshToken, clientId: app.clientId });
  expect(again.status).toBe(200);
  expect((await sandbox.control.grants.get(grant.id)).status).toBe("active");
});

test("Keep it paused leaves the grant suspended: the refresh is still invalid_grant", async ({ sandbox, app, launch, page }) => {
  const { tokens, grant } = await launch();
  await sandbox.control.scenario(app.clientId, "dns-txt-removed");
  const refused = await sandbox.smart.refresh({ refreshToken: tokens.refresh_token!, clientId: app.clientId });
  expect(refused.body.error).toBe("invalid_grant");

  const errorPage = new ErrorUriPage(page);
  await errorPage.open(refused.body.error_uri!);
  await errorPage.signInToReview("avarivera");
  await errorPage.keepPaused();

  expect((await sandbox.control.grants.get(grant.id)).status).toBe("suspended");
  const still = await sandbox.smart.refresh({ refreshToken: tokens.refresh_token!, clientId: app.clientId });
  expect(still.status).toBe(400);
  expect(urnOf(still.body.error_uri)).toBe(GRANT_SUSPENDED_URN);
});

import { afterAll, beforeAll, expect, it } from "vitest";
import {
  connectBitbucketTokenInBrowser,
  go,
  reloadUntilShown,
  seriousViolations,
  setObjectiveInBrowser,
  shot,
  signUpInBrowser,
  startSandboxedProduct,
} from "./harness.js";

/**
 * Bitbucket without the Connect app, as a team that cannot install it meets it under `npm start`:
 * an owner connects the sandbox workspace with an access token, links their Bitbucket account by
 * signing in to Bitbucket from their profile (the workspace's OAuth consumer), picks a PR from
 * the attach box, and their comment on it shows under their Groundwork name.
 */
let product: Awaited<ReturnType<typeof startSandboxedProduct>>;
beforeAll(async () => {
  product = await startSandboxedProduct();
});
afterAll(() => product?.stop());

it("connects with a token, links the member's Bitbucket account through Bitbucket sign-in, and counts their comments", async () => {
  const host = await product.newPage();
  await host.goto(product.bitbucketSandboxUrl);
  const token = await host
    .locator("code", { hasText: /^sandbox-bitbucket-token-/ })
    .first()
    .innerText();

  // On a phone: the Azure DevOps journeys run at desktop width, this one at a phone's.
  const ada = await product.newPage();
  await ada.setViewportSize({ width: 390, height: 844 });
  await signUpInBrowser(ada, product.url, "Ada Lovelace", "ada@example.com");
  // Before Bitbucket is connected, the profile says so rather than offering a button that cannot work.
  await go(ada, "Profile");
  await ada.getByText("Bitbucket is not connected to this workspace yet.").waitFor();

  await connectBitbucketTokenInBrowser(ada, token);

  // Bitbucket shares no emails: Ada signs in to Bitbucket once, from her profile.
  await go(ada, "Profile");
  await ada.getByRole("heading", { name: "Your profile" }).waitFor();
  await ada.getByRole("button", { name: "Link your Bitbucket account" }).click();
  await ada.getByRole("heading", { name: "Authorize Groundwork" }).waitFor();
  await ada.getByLabel(/Signed in to Bitbucket as/).fill("ada");
  await ada.getByRole("button", { name: "Grant access" }).click();
  await ada.getByRole("status").getByText("Your Bitbucket account is linked.").waitFor();
  await ada.getByRole("list", { name: "Linked accounts" }).getByText("ada").waitFor();
  await ada.getByLabel("Bitbucket account").getByText("Linked as").waitFor();
  await shot(ada, "bitbucket-token-1-profile-linked");
  expect(await seriousViolations(ada), "the profile, linked").toEqual([]);

  // A PR picked from the attach box, on the token's repositories.
  const okr = await setObjectiveInBrowser(ada, "Refunds that never double-charge");
  await okr.getByRole("button", { name: "+ Attach PR or work item" }).first().click();
  await okr.getByLabel("Search pull requests and work items, or paste a link").fill("idempotent");
  await okr
    .getByRole("list", { name: "Pull requests and work items matching idempotent" })
    .getByRole("button", { name: "Attach #1 Make refunds idempotent" })
    .click();
  await okr.getByRole("link", { name: "Make refunds idempotent" }).waitFor({ timeout: 20_000 });

  // Her comment on the PR, through the repository webhook, shows as hers.
  await host.reload();
  await host.getByLabel("Comment on pull request #1 as Bitbucket user").fill("ada");
  await host.getByLabel("Comment", { exact: true }).fill("Keys expire after a day");
  await host.getByRole("button", { name: "Comment", exact: true }).click();
  await host.getByRole("status").getByText("Groundwork answered 202 to pullrequest:comment_created").waitFor();
  const comments = ada.getByRole("list", { name: "Comments on Make refunds idempotent" });
  await reloadUntilShown(ada, () => comments.getByText("Keys expire after a day"));
  await comments.getByText("Ada Lovelace", { exact: true }).waitFor();
  expect(await ada.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), "wider than the phone").toBeLessThanOrEqual(0);
  await shot(ada, "bitbucket-token-2-comment-phone");

  // Unlinked, her account no longer speaks for her.
  await go(ada, "Profile");
  await ada.getByRole("button", { name: "Unlink Bitbucket account ada" }).click();
  await ada.getByText("No host accounts linked yet").waitFor();
  await ada.getByRole("button", { name: "Link your Bitbucket account" }).waitFor();
});

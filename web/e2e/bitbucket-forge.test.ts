import { afterAll, beforeAll, expect, it } from "vitest";
import {
  go,
  inviteInBrowser,
  linkAccountFromPanel,
  reloadUntilShown,
  seriousViolations,
  shot,
  signUpInBrowser,
  startSandboxedProduct,
  writeFeedbackInBrowser,
} from "./harness.js";

/**
 * The Bitbucket Forge app as a workspace new to Groundwork meets it, through the sandbox playing
 * Forge (its Custom UI framed with a bridge whose invokeRemote reaches Groundwork with invocation
 * tokens the sandbox signs, and its events): install → connect from Workspace settings → open a
 * pull request → link the reviewer → Add to Groundwork → build status → comment → unlink.
 */
let product: Awaited<ReturnType<typeof startSandboxedProduct>>;
let bitbucket: string;

beforeAll(async () => {
  product = await startSandboxedProduct();
  bitbucket = product.bitbucketSandboxUrl;
});
afterAll(() => product?.stop());

it("installs the Forge app, connects the workspace, and adds, sees and unlinks a PR from the pull request card", async () => {
  const ada = await product.newPage();
  await signUpInBrowser(ada, product.url, "Ada Lovelace", "ada@example.com");
  await inviteInBrowser(ada, product.newPage, "grace@example.com", "Grace Hopper");
  await writeFeedbackInBrowser(ada, "Grace Hopper", "Your refunds work made a scary change safe.");

  // A workspace admin installs the Forge app; Forge tells Groundwork (the lifecycle event).
  const host = await product.newPage();
  await host.goto(bitbucket);
  await host.getByRole("button", { name: "Install the Forge app" }).click();
  await host.getByRole("status").getByText("Groundwork answered 204 to the Forge app's installation").waitFor();

  // Workspace settings → Groundwork: Groundwork asks Bitbucket (as the app) whether this person administers the workspace.
  await host.getByRole("link", { name: "Open Workspace settings → Groundwork" }).click();
  const connectLink = host.frameLocator("#app").getByRole("link", { name: "Connect groundwork-sandbox to Groundwork" });
  await connectLink.waitFor();
  await shot(host, "bitbucket-forge-0-settings");
  expect(await seriousViolations(host, "#app"), "the settings page").toEqual([]);
  await ada.goto((await connectLink.getAttribute("href"))!);
  await ada.getByRole("button", { name: "Connect groundwork-sandbox" }).click();
  await ada.getByRole("status").getByText("Connected.").waitFor();
  await go(ada, "Integrations");
  await ada.getByRole("article", { name: "Bitbucket Cloud" }).getByText("(Forge app)").waitFor();

  // The pull request's Groundwork card: the reviewer links their Bitbucket account once.
  const pr = await product.newPage();
  await pr.goto(`${bitbucket}/_sandbox/forge/pull-request?as=ada`);
  const card = pr.frameLocator("#app");
  await card.getByText("link your Groundwork account once").waitFor();
  await linkAccountFromPanel(pr, card, "ada@example.com");
  await card.getByText("as Ada Lovelace").waitFor();
  await card.getByText("This pull request is not attached to anything yet.").waitFor();

  // Add to Groundwork: the card searches Groundwork as she types, through Forge.
  await card.getByLabel("Attach to").fill("refunds");
  await card.getByRole("option", { name: "About Grace Hopper: Your refunds work made a scary change safe." }).click();
  await card.getByRole("button", { name: "Add to Groundwork" }).click();
  await card.getByRole("status").getByText("Added to About Grace Hopper").waitFor();
  await shot(pr, "bitbucket-forge-1-card-added");
  expect(await seriousViolations(pr, "#app"), "the pull request card").toEqual([]);

  // The workspace shows the PR, read as the app; Bitbucket shows Groundwork's build status.
  await go(ada, "Feedback");
  await ada.getByRole("link", { name: "Make refunds idempotent" }).waitFor({ timeout: 20_000 });
  await host.goto(bitbucket);
  await reloadUntilShown(host, (p) => p.getByRole("note", { name: "Latest build status" }).getByText("SUCCESSFUL — Linked to 1 item in Groundwork"));

  // Her comment on the PR reaches Groundwork as a Forge event (ids only), read by its id.
  await host.getByLabel("Comment on pull request #1 as Bitbucket user").fill("ada");
  await host.getByLabel("Comment", { exact: true }).fill("Retries are idempotent now");
  await host.getByRole("button", { name: "Comment", exact: true }).click();
  await host.getByRole("status").getByText("Groundwork answered 202 to pullrequest:comment_created").waitFor();
  await reloadUntilShown(ada, (p) => p.getByRole("list", { name: "Comments on Make refunds idempotent" }).getByText("Retries are idempotent now"));

  // Unlinked from the card, the build status goes back to inviting an attachment.
  await pr.reload();
  await card.getByRole("button", { name: "Unlink from Your refunds work made a scary change safe." }).click();
  await card.getByText("This pull request is not attached to anything yet.").waitFor();
  await host.goto(bitbucket);
  await reloadUntilShown(host, (p) => p.getByRole("note", { name: "Latest build status" }).getByText("STOPPED — Add this PR to Groundwork"));
  await shot(host, "bitbucket-forge-2-sandbox-status");
});

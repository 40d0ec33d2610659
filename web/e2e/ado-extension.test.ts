import { afterAll, beforeAll, expect, it } from "vitest";
import {
  go,
  inviteInBrowser,
  seriousViolations,
  shot,
  signUpInBrowser,
  startSandboxedProduct,
  writeFeedbackInBrowser,
  setObjectiveInBrowser,
} from "./harness.js";

/**
 * The production Azure DevOps extension bundle (ado-extension/dist, as packaged), framed by the
 * sandbox's host harness that answers the SDK's handshake and hands out real app tokens: the
 * PR tab shows where the PR is attached, adds it to feedback and unlinks it; the settings hub
 * tells a connected organisation from one that is not.
 */
let product: Awaited<ReturnType<typeof startSandboxedProduct>>;
let sandboxUrl: string;

beforeAll(async () => {
  product = await startSandboxedProduct();
  sandboxUrl = product.adoSandboxUrl;
});
afterAll(() => product?.stop());

it("shows, adds and unlinks a PR's attachments from the PR tab, and reports the organisation in settings", async () => {
  const sandbox = await product.newPage();
  await sandbox.goto(sandboxUrl);
  const pat = await sandbox.locator("li", { hasText: "Personal access token" }).locator("code").innerText();
  const prUrl = await sandbox.locator("li", { hasText: "Pull request:" }).locator("code").innerText();

  // Before the organisation is connected, both contributions say so.
  await sandbox.goto(`${sandboxUrl}/_harness/settings-hub?as=ada@example.com`);
  await sandbox.frameLocator("#extension").getByText("is not connected to a Groundwork workspace").waitFor();
  await shot(sandbox, "ado-ext-1-hub-not-connected");
  await sandbox.goto(`${sandboxUrl}/_harness/pr-tab?as=ada@example.com`);
  await sandbox.frameLocator("#extension").getByText("is not connected to a Groundwork workspace yet").waitFor();

  // Ada connects the organisation, invites Grace, writes feedback about her and attaches the PR to an OKR.
  const ada = await product.newPage();
  await signUpInBrowser(ada, product.url, "Ada Lovelace", "ada@example.com");
  await go(ada, "Integrations");
  const card = ada.getByRole("article", { name: "Azure DevOps" });
  await card.getByLabel("Organisation URL").fill("https://dev.azure.com/groundwork-sandbox");
  await card.getByLabel(/Personal access token/).fill(pat);
  await card.getByRole("button", { name: "Connect", exact: true }).click();
  await card.getByRole("status", { name: "Webhook secret" }).waitFor();

  await inviteInBrowser(ada, product.newPage, "grace@example.com", "Grace Hopper");
  await writeFeedbackInBrowser(ada, "Grace Hopper", "Your payments review caught a real race.");
  const okr = await setObjectiveInBrowser(ada, "Make payments boring");
  await okr.getByRole("button", { name: "+ Attach PR or work item" }).first().click();
  await okr.getByLabel("Search pull requests and work items, or paste a link").fill(prUrl);
  await okr.getByRole("button", { name: "Attach", exact: true }).click();
  await okr.getByRole("link", { name: "my first pull request" }).waitFor({ timeout: 20_000 });

  // The PR tab, as Ada (her Azure DevOps email differs in case).
  const pr = await product.newPage();
  await pr.goto(`${sandboxUrl}/_harness/pr-tab?as=Ada@Example.com`);
  const tab = pr.frameLocator("#extension");
  const attached = tab.getByRole("list", { name: "Attached in Groundwork" });
  await attached.getByText("2026-Q4 · Make payments boring").or(attached.getByText("Make payments boring")).first().waitFor();
  expect(await pr.locator("body").getAttribute("data-loaded")).toBe("true");
  // "Attach to" searches as one types: by what the feedback says or whom it is about.
  // azure-devops-ui's Dropdown: its filter box searches Groundwork as one types.
  await tab.getByRole("button", { name: "Attach to" }).click();
  await tab.getByPlaceholder("Search your feedback, agenda items, OKRs and competencies").fill("grace");
  await tab.getByRole("option", { name: "About Grace Hopper: Your payments review caught a real race." }).click();
  const chosen = tab.getByText("Chosen:");
  // A note longer than Groundwork takes: adding fails and says why, and the choice and the note stay to be fixed.
  await tab.getByLabel("Note (optional)").fill("x".repeat(1001));
  await tab.getByRole("button", { name: "Add to Groundwork" }).click();
  await tab.getByText(/^note: /).waitFor();
  expect(await chosen.innerText()).toBe("Chosen: About Grace Hopper: Your payments review caught a real race.");
  expect(await tab.getByLabel("Note (optional)").inputValue()).toBe("x".repeat(1001));
  await tab.getByLabel("Note (optional)").fill("The race fix");
  await tab.getByRole("button", { name: "Add to Groundwork" }).click();
  await tab.getByRole("status").getByText("Added to About Grace Hopper").waitFor();
  await attached.getByText("Your payments review caught a real race.").waitFor();
  await attached.getByText("— The race fix").waitFor();
  await shot(pr, "ado-ext-2-pr-tab-added");
  expect(await seriousViolations(pr, "#extension"), "the PR tab").toEqual([]);

  // The link shows in the workspace, on the feedback.
  await go(ada, "Feedback");
  await ada.getByRole("link", { name: "my first pull request" }).waitFor({ timeout: 10_000 });

  await tab.getByRole("button", { name: "Unlink from Your payments review caught a real race." }).click();
  await tab.getByRole("status").getByText("Unlinked from Your payments review caught a real race.").waitFor();
  await expect.poll(() => attached.getByText("Your payments review caught a real race.").count()).toBe(0);
  await shot(pr, "ado-ext-3-pr-tab-unlinked");

  // Dark theme from the host; this host names the pull request only in the tab's configuration, not the page route.
  await pr.goto(`${sandboxUrl}/_harness/pr-tab?as=ada@example.com&theme=dark&pr=configuration`);
  await tab.getByRole("list", { name: "Attached in Groundwork" }).getByText("Make payments boring").first().waitFor();
  const background = await tab.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(background).toBe("rgb(32, 31, 30)");
  // The tab sums up what Groundwork drew from the PR's files and commits.
  await tab.getByRole("region", { name: "What Groundwork sees in it" }).getByText("Performance").waitFor();
  await shot(pr, "ado-ext-4-pr-tab-dark");

  // Settings hub: connected now, with its health.
  await sandbox.goto(`${sandboxUrl}/_harness/settings-hub?as=ada@example.com`);
  const hub = sandbox.frameLocator("#extension");
  await hub.getByText("is connected to the Groundwork workspace").waitFor();
  await hub.getByText("Platform team").waitFor();
  await hub.getByRole("link", { name: "Open Integrations in Groundwork" }).waitFor();
  await shot(sandbox, "ado-ext-5-hub-connected");
  expect(await seriousViolations(sandbox, "#extension"), "the settings hub").toEqual([]);

  // Grace's Azure DevOps account uses another email: she is told so, and links it to herself.
  await pr.goto(`${sandboxUrl}/_harness/pr-tab?as=grace.hopper@contoso.example`);
  await tab.getByText("No member of the Groundwork workspace uses grace.hopper@contoso.example").waitFor();
  const popup = pr.waitForEvent("popup");
  await tab.getByRole("button", { name: "Link my Azure DevOps account" }).click();
  const confirm = await popup;
  await confirm.getByLabel("Email").fill("grace@example.com");
  await confirm.getByLabel("Password").fill("another long password");
  await confirm.getByRole("button", { name: "Log in" }).click();
  await confirm.getByText("grace.hopper@contoso.example").waitFor();
  await confirm.getByRole("button", { name: "Link account" }).click();
  await confirm.getByRole("status").getByText("Linked.").waitFor();
  await tab.getByRole("button", { name: "Try again" }).click();
  await tab.getByText("as Grace Hopper").waitFor();
});

import { afterAll, beforeAll, expect, it } from "vitest";
import {
  connectAdoSandboxInBrowser,
  connectBitbucketTokenInBrowser,
  newAssignmentInBrowser,
  go,
  inviteInBrowser,
  reloadUntilShown,
  seriousViolations,
  shot,
  signUpInBrowser,
  startSandboxedProduct,
} from "./harness.js";

/**
 * Start work on the Azure DevOps sandbox: an assignment with a repository and a mentor becomes a
 * branch with the ticket on it and a pull request with its checklist, the mentor reviewing, as the
 * sandbox's own page shows them.
 */
let product: Awaited<ReturnType<typeof startSandboxedProduct>>;

beforeAll(async () => {
  product = await startSandboxedProduct();
});
afterAll(() => product?.stop());

it("starts an assignment's work on Azure DevOps and the sandbox shows the branch, the ticket and the pull request", async () => {
  const sandbox = await product.newPage();
  await sandbox.goto(product.adoSandboxUrl);

  const page = await product.newPage();
  await signUpInBrowser(page, product.url, "Olivia", "olivia-start@example.com");
  // The sandbox organisation's own user mentors: Azure DevOps knows them by this address.
  await inviteInBrowser(page, product.newPage, "admin@groundwork-sandbox.test", "Sandbox Admin");
  const card = await connectAdoSandboxInBrowser(page, sandbox);
  // Service hooks, so that what happens to the pull request on the host reaches Groundwork.
  await card.getByRole("button", { name: "Create the service hooks for me" }).click();
  await card
    .getByRole("status", { name: "Service hooks" })
    .getByText(/\d+ service hooks? deliver/)
    .waitFor();

  const assignment = await newAssignmentInBrowser(page, {
    title: "Lead the refund-retry redesign",
    criteria: ["Retries back off exponentially", "A runbook explains the new alerts"],
    member: "Olivia (you)",
    mentor: "Sandbox Admin",
    repository: "Fabrikam/Ledger (Azure DevOps)",
  });
  await assignment.getByRole("button", { name: "Start work on Azure DevOps" }).click();
  const work = assignment.getByRole("status", { name: "Work on Azure DevOps" });
  await work.getByText("Work started on branch").waitFor({ timeout: 30_000 });
  expect(await work.innerText()).toContain("gw-1-lead-the-refund-retry-redesign");
  expect(await work.innerText()).toContain("with the mentor reviewing");
  expect(await assignment.getByLabel("Status of GW-1").inputValue()).toBe("in_review");
  await shot(page, "start-work-1-started");
  expect(await seriousViolations(page), "the started assignment").toEqual([]);

  await sandbox.reload();
  const branch = sandbox.getByRole("region", { name: "Branch gw-1-lead-the-refund-retry-redesign" });
  expect(await branch.getByLabel("/.tickets/GW-1.md").innerText()).toContain("# GW-1: Lead the refund-retry redesign");
  expect(await branch.innerText()).toMatch(
    /Pull request #\d+ \(active\) into refs\/heads\/main: GW-1: Lead the refund-retry redesign; reviewers: Sandbox Admin/,
  );
  expect(await branch.getByLabel(/Description of pull request/).innerText()).toContain("- [ ] Retries back off exponentially");
  await shot(sandbox, "start-work-2-on-the-host");

  // Merged on the host: the assignment is done in Groundwork.
  await branch.getByRole("button", { name: /Complete pull request #\d+/ }).click();
  await sandbox
    .getByRole("status")
    .getByText(/Groundwork answered 202/)
    .waitFor();
  const end = Date.now() + 20_000;
  for (;;) {
    await page.reload();
    if ((await assignment.getByLabel("Status of GW-1").inputValue()) === "done") break;
    if (Date.now() > end) throw new Error("the merge did not reach the assignment");
    await page.waitForTimeout(500);
  }
  await shot(page, "start-work-3-done");
});

it("starts an assignment's work on Bitbucket with the mentor's linked account reviewing, and a merge there makes it done", async () => {
  const host = await product.newPage();
  await host.goto(product.bitbucketSandboxUrl);
  const token = await host
    .locator("code", { hasText: /^sandbox-bitbucket-token-/ })
    .first()
    .innerText();

  // Olivia mentors Grace; Bitbucket knows Olivia by the account she links, not by her address.
  const page = await product.newPage();
  await signUpInBrowser(page, product.url, "Olivia", "olivia-bitbucket@example.com");
  await inviteInBrowser(page, product.newPage, "grace-bitbucket@example.com", "Grace Hopper");
  await connectBitbucketTokenInBrowser(page, token);
  await go(page, "Profile");
  await page.getByRole("button", { name: "Link your Bitbucket account" }).click();
  await page.getByLabel(/Signed in to Bitbucket as/).fill("olivia");
  await page.getByRole("button", { name: "Grant access" }).click();
  await page.getByRole("status").getByText("Your Bitbucket account is linked.").waitFor();

  const assignment = await newAssignmentInBrowser(page, {
    title: "Own the payout reconciliation",
    criteria: ["Mismatches page the on-call", "A weekly report goes to finance"],
    member: "Grace Hopper",
    mentor: "Olivia (you)",
    repository: "groundwork-sandbox/payments (Bitbucket)",
  });
  await assignment.getByRole("button", { name: "Start work on Bitbucket" }).click();
  const work = assignment.getByRole("status", { name: "Work on Bitbucket" });
  await work.getByText("Work started on branch").waitFor({ timeout: 30_000 });
  expect(await work.innerText()).toContain("gw-1-own-the-payout-reconciliation");
  expect(await work.innerText()).toContain("with the mentor reviewing");
  await shot(page, "start-work-bitbucket-1-started");
  expect(await seriousViolations(page), "the started assignment").toEqual([]);

  await host.reload();
  const branch = host.getByRole("region", { name: "Branch gw-1-own-the-payout-reconciliation" });
  expect(await branch.getByLabel(".tickets/GW-1.md").innerText()).toContain("# GW-1: Own the payout reconciliation");
  expect(await branch.innerText()).toMatch(/Pull request #\d+ \(OPEN\) into main: GW-1: Own the payout reconciliation; reviewers: olivia/);
  expect(await branch.getByLabel(/Description of pull request/).innerText()).toContain("- [ ] Mismatches page the on-call");
  await shot(host, "start-work-bitbucket-2-on-the-host");

  // Reworded in Groundwork: the ticket on the branch and the PR's checklist follow.
  await assignment.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("form", { name: "Edit GW-1" });
  await edit.getByText("Saving also updates").waitFor();
  await edit.getByLabel("Acceptance criteria (one per line)").fill("Mismatches page the on-call within five minutes\nA weekly report goes to finance");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await assignment.getByText("Mismatches page the on-call within five minutes").waitFor();
  const ticket = () => host.getByRole("region", { name: "Branch gw-1-own-the-payout-reconciliation" }).getByLabel(".tickets/GW-1.md");
  await reloadUntilShown(host, () => ticket().getByText(/Mismatches page the on-call within five minutes/));
  expect(await branch.getByLabel(/Description of pull request/).innerText()).toContain("- [ ] Mismatches page the on-call within five minutes");
  await shot(host, "start-work-bitbucket-3-edited-on-the-host");

  // Ticked on Bitbucket, and the webhook never came: opening the Assignments page after a quiet spell reads the PR.
  const description = branch.getByLabel(/Edit the description of #\d+ on Bitbucket/);
  await description.fill((await description.inputValue()).replace("- [ ] A weekly report goes to finance", "- [x] A weekly report goes to finance"));
  await branch.getByLabel("Send pullrequest:updated to Groundwork").uncheck();
  await branch.getByRole("button", { name: /Save description of #\d+/ }).click();
  await host.getByRole("status").getByText("no webhook sent").waitFor();
  await page.reload();
  const weekly = assignment.getByRole("checkbox", { name: "A weekly report goes to finance" });
  await page.waitForTimeout(2_500);
  expect(await weekly.isChecked(), "a PR heard of moments ago is not read again").toBe(false);
  await page.clock.setFixedTime(Date.now() + 11 * 60_000);
  await page.reload();
  await reloadUntilShown(page, () => assignment.getByText("Acceptance criteria (1 of 2 met)"));
  expect(await weekly.isChecked()).toBe(true);

  await branch.getByRole("button", { name: /Merge pull request #\d+/ }).click();
  await host
    .getByRole("status")
    .getByText(/Groundwork answered 202 to pullrequest:fulfilled/)
    .waitFor();
  const end = Date.now() + 20_000;
  for (;;) {
    await page.reload();
    if ((await assignment.getByLabel("Status of GW-1").inputValue()) === "done") break;
    if (Date.now() > end) throw new Error("the merge did not reach the assignment");
    await page.waitForTimeout(500);
  }
  await shot(page, "start-work-bitbucket-4-done");

  // Grace's work over time holds the assignment's milestones: taken on, started, finished.
  await go(page, "Members");
  await page
    .getByRole("row", { name: /Grace Hopper/ })
    .getByRole("link", { name: "Work over time" })
    .click();
  const milestones = page.getByRole("list", { name: /^Growth assignments in / }).first();
  await milestones.waitFor();
  expect(await milestones.getByRole("listitem").allInnerTexts()).toEqual([
    expect.stringMatching(/^Finished GW-1 · Own the payout reconciliation .* · its pull request$/),
    expect.stringMatching(/^Started work on GW-1 · Own the payout reconciliation/),
    expect.stringMatching(/^Took on GW-1 · Own the payout reconciliation [^·]*$/),
  ]);
  expect(await seriousViolations(page), "the timeline with milestones").toEqual([]);
  await shot(page, "start-work-bitbucket-5-timeline");
});

import { afterAll, beforeAll, expect, it } from "vitest";
import { go, seriousViolations, shot, signUpInBrowser, startSandboxedProduct, reloadUntilShown, setObjectiveInBrowser } from "./harness.js";

/**
 * What a new user does with `npm start`: connect the sandbox Azure DevOps organisation from
 * Integrations, paste one of its pull requests onto an OKR, send a service hook from the
 * sandbox page, and watch the PR's state change in Groundwork.
 */
let product: Awaited<ReturnType<typeof startSandboxedProduct>>;
let sandboxUrl: string;

beforeAll(async () => {
  product = await startSandboxedProduct();
  sandboxUrl = product.adoSandboxUrl;
});
afterAll(() => product?.stop());

it("connects the sandbox organisation and shows a PR's state change when its webhook arrives", async () => {
  const sandbox = await product.newPage();
  await sandbox.goto(sandboxUrl);
  const pat = await sandbox.locator("li", { hasText: "Personal access token" }).locator("code").innerText();
  const prUrl = await sandbox.locator("li", { hasText: "Pull request:" }).locator("code").innerText();

  const page = await product.newPage();
  await signUpInBrowser(page, product.url, "Ada Lovelace", "ada@example.com");
  await go(page, "Integrations");
  const card = page.getByRole("article", { name: "Azure DevOps" });
  await card.getByLabel("Organisation URL").fill("groundwork-sandbox.visualstudio.com");
  await card.getByLabel(/Personal access token/).fill("not-the-right-token-at-all-0000000000000000000000");
  await card.getByRole("button", { name: "Test connection" }).click();
  // The refusal names the token, so it shows beside that field.
  await card.getByText("Authorization denied — check the token and its expiry").waitFor();
  expect(await card.getByLabel(/Personal access token/).getAttribute("aria-invalid")).toBe("true");
  // The sandbox's short token lacks Identity (Read): Test connection names it, and the card lists every scope.
  const short = await sandbox.locator("li", { hasText: "lacks Identity (Read)" }).locator("code").innerText();
  await card.getByLabel(/Personal access token/).fill(short);
  await card.getByRole("button", { name: "Test connection" }).click();
  await card.getByText("The token is missing the Identity (Read) scope; create a token with it and try again").waitFor();
  expect(await card.getByRole("list", { name: "Token scopes" }).getByRole("listitem").allInnerTexts()).toEqual([
    expect.stringContaining("Code (Read & Write)"),
    expect.stringContaining("Work Items (Read)"),
    expect.stringContaining("Project and Team (Read)"),
    expect.stringContaining("Identity (Read)"),
  ]);
  await card.getByLabel(/Personal access token/).fill(pat);
  await card.getByRole("button", { name: "Test connection" }).click();
  await card.getByRole("status", { name: "Connection test" }).getByText("Fabrikam: Fabrikam").waitFor();
  expect(await card.getByLabel("Fabrikam: Fabrikam").isChecked()).toBe(true);
  await card.getByRole("button", { name: "Connect", exact: true }).click();
  const secretBox = card.getByRole("status", { name: "Webhook secret" });
  const webhookUrl = await secretBox.getByLabel("Webhook URL", { exact: true }).inputValue();
  const secret = await secretBox.getByLabel(/Secret/).inputValue();
  expect(webhookUrl).toMatch(/\/api\/webhooks\/ado\/[0-9a-f-]{36}$/);
  expect(await page.content()).not.toContain(pat);
  // The sandbox organisation accepts service hooks to this local address, as ADO does to a public one.
  await card.getByRole("button", { name: "Create the service hooks for me" }).click();
  await card.getByRole("status", { name: "Service hooks" }).getByText("7 service hooks deliver to Groundwork across 1 project.").waitFor();
  await shot(page, "ado-1-connected");
  // Later, changing the token keeps the organisation and the name: the form is folded away, and filled in.
  await page.reload();
  await card.getByText(/2 repositories ·/).waitFor();
  await card.getByText("Change the credential, repositories or services").click();
  expect(await card.getByLabel("Organisation URL").inputValue()).toMatch(/groundwork-sandbox/);
  expect(await card.getByLabel("Name (optional)").inputValue()).not.toBe("");
  await card.getByText("Set up the service hooks in Azure DevOps").click();
  await card.getByRole("button", { name: "Copy webhook URL" }).waitFor();

  const okr = await setObjectiveInBrowser(page, "Make payments boring");
  // Attached by picking it: the connected organisation's recent work first, then what matches the words typed.
  await okr.getByRole("button", { name: "+ Attach PR or work item" }).first().click();
  const recent = okr.getByRole("list", { name: "Recent pull requests and work items" });
  await recent.getByRole("button", { name: "Attach !1 my first pull request" }).waitFor();
  await recent.getByRole("button", { name: /^Attach #5 / }).waitFor();
  await okr.getByLabel("Search pull requests and work items, or paste a link").fill("jamal first");
  const matching = okr.getByRole("list", { name: "Pull requests and work items matching jamal first" });
  await matching.getByRole("button", { name: "Attach !1 my first pull request" }).waitFor();
  expect(await matching.getByRole("button").count()).toBe(1);
  await shot(page, "ado-1b-attach-by-picking");
  expect(await seriousViolations(page), "the attach box with what it found").toEqual([]);
  await matching.getByRole("button", { name: "Attach !1 my first pull request" }).click();
  await okr.getByRole("link", { name: "my first pull request" }).waitFor({ timeout: 20_000 });
  expect(await okr.getByRole("link", { name: "my first pull request" }).getAttribute("href")).toBe(prUrl);
  await okr.getByText("active", { exact: true }).waitFor();

  // By hand, with the URL and secret Groundwork showed: a reviewer approves.
  // The status follows within a second (posts per PR are coalesced).
  await reloadUntilShown(sandbox, (p) => p.getByRole("note", { name: "Latest PR status" }).getByText("succeeded — Linked to 1 item in Groundwork"));
  await sandbox.getByLabel("Event").selectOption({ label: "Pull request #1 updated: a reviewer approves" });
  await sandbox.getByLabel(/Webhook URL/).fill(webhookUrl);
  await sandbox.getByLabel(/Secret/).fill(secret);
  await sandbox.getByRole("button", { name: "Send" }).click();
  await sandbox.getByRole("status").getByText("Groundwork answered 202").waitFor();

  // Through the service hooks Groundwork created: the PR merges, then the member comments on it.
  await sandbox.getByLabel("Event").selectOption({ label: "Pull request #1 merged (completed)" });
  await sandbox.getByRole("button", { name: "Send" }).click();
  await sandbox
    .getByRole("status")
    .getByText(/Delivered to .*: Groundwork answered 202/)
    .waitFor();
  await okr.getByText("completed", { exact: true }).waitFor({ timeout: 20_000 });
  // The card shows what Azure DevOps told us: author, branches, reviewers and their votes, when it closed.
  const prCard = okr.getByRole("article", { name: "my first pull request" });
  await prCard.getByLabel("from mytopic into master").waitFor();
  await prCard.getByText("Jamal Hartnett").waitFor();
  await prCard.getByRole("list", { name: "Reviewers" }).getByText("Grace Hopper: approved").waitFor();
  await prCard.getByText(/^closed /).waitFor();
  // Its iteration's files and its commits feed the themes Groundwork draws.
  await prCard.getByRole("list", { name: "Themes" }).getByText("Performance").waitFor();

  await sandbox.getByLabel("Event").selectOption({ label: "A comment on pull request #1 (by the email below)" });
  await sandbox.getByLabel(/Comment as/).fill("Ada@Example.com");
  await sandbox.getByLabel("Comment text").fill("Retry logic now backs off properly");
  await sandbox.getByRole("button", { name: "Send" }).click();
  await sandbox
    .getByRole("status")
    .getByText(/Groundwork answered 202/)
    .waitFor();
  await okr.getByRole("list", { name: "Comments on my first pull request" }).getByText("Retry logic now backs off properly").waitFor({ timeout: 20_000 });
  // By the member's Groundwork name, not the host's display name.
  await okr.getByRole("list", { name: "Comments on my first pull request" }).getByText("Ada Lovelace", { exact: true }).waitFor();
  await shot(page, "ado-2-pr-merged-and-commented");

  // The PR status's link ("Add this PR to Groundwork") lands on the add page.
  await okr.getByLabel("New key result").fill("Zero payment incidents");
  await okr.getByRole("button", { name: "Add", exact: true }).click();
  await okr.getByText("Zero payment incidents").waitFor();
  await page.goto(`${product.url}/add?url=${encodeURIComponent(prUrl)}`);
  await page.getByLabel("Find what to attach to").fill("incidents");
  await page.getByRole("radio", { name: "Make payments boring → Zero payment incidents" }).check();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("status").getByText("Added to Make payments boring → Zero payment incidents").waitFor();

  // The delivery history: each event Azure DevOps sent, what became of it, and one applied again.
  await go(page, "Integrations");
  await card.getByText("Recent deliveries").click();
  const deliveries = card.getByRole("table", { name: "Azure DevOps deliveries" });
  const merged = deliveries.getByRole("row").filter({ hasText: "git.pullrequest.merged" });
  await merged.getByText("applied").waitFor();
  await merged.getByRole("button", { name: "Apply git.pullrequest.merged again" }).click();
  await deliveries.getByRole("row").filter({ hasText: "git.pullrequest.merged" }).getByText("applied").waitFor({ timeout: 20_000 });
  await shot(page, "ado-3-deliveries");
});

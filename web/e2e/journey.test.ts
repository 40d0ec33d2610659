import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { go, shot as screenshot, startProduct, setObjectiveInBrowser } from "./harness.js";

/**
 * A new user's first hour, in real Chromium against the real backend process serving the
 * built UI: sign up, invite a teammate, write feedback, keep a 1:1 agenda, set an OKR,
 * define a competency, and attach and unlink PR and work item URLs.
 */
let product: Awaited<ReturnType<typeof startProduct>>;
let baseUrl: string;
let browser: Awaited<ReturnType<typeof startProduct>>["browser"];

beforeAll(async () => {
  product = await startProduct();
  baseUrl = product.url;
  browser = product.browser;
});
afterAll(() => product?.stop());

const shot = (page: Page, name: string) => screenshot(page, `journey-${name}`);

it("takes a new team from sign-up to grounded feedback, 1:1s, OKRs and competencies", async () => {
  const owner = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  await owner.goto(baseUrl);
  await expect.poll(() => owner.url()).toContain("/login");
  await owner.getByRole("link", { name: "Create a workspace" }).click();
  await owner.getByLabel("Workspace name").fill("Platform team");
  await owner.getByLabel("Your name").fill("Ada Lovelace");
  await owner.getByLabel("Work email").fill("ada@example.com");
  await owner.getByLabel("Password (10+ characters)").fill("correct horse battery staple");
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await owner.getByRole("heading", { name: "Welcome, Ada Lovelace" }).waitFor();

  // Invite a teammate by link.
  await go(owner, "Members");
  await owner.getByLabel("Email").fill("Grace@Example.com");
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const inviteUrl = await owner.getByLabel("Invite link", { exact: true }).inputValue();
  expect(inviteUrl).toMatch(/\/invite\//);
  await shot(owner, "1-invite");

  const grace = await (await browser.newContext()).newPage();
  await grace.goto(inviteUrl);
  await grace.getByRole("heading", { name: "Join Platform team" }).waitFor();
  await grace.getByLabel("Your name").fill("Grace Hopper");
  await grace.getByLabel("Choose a password (10+ characters)").fill("another long password");
  await grace.getByRole("button", { name: "Join workspace" }).click();
  await grace.getByRole("heading", { name: "Welcome, Grace Hopper" }).waitFor();

  // Feedback about Grace, grounded in her pull request.
  await owner.reload();
  await go(owner, "Feedback");
  await owner.getByText("No feedback yet").waitFor();
  await owner.getByRole("button", { name: "New feedback" }).click();
  const write = owner.getByRole("dialog", { name: "Write feedback" });
  // Checked by the API's own schema before it is sent, each error beside its field.
  await write.getByRole("button", { name: "Save feedback" }).click();
  await write.getByText("Choose a teammate", { exact: true }).waitFor();
  expect(await write.getByLabel("About").getAttribute("aria-invalid")).toBe("true");
  await write.getByLabel("About").selectOption({ label: "Grace Hopper" });
  await write.getByLabel("Feedback", { exact: true }).fill("Your review of the payments refactor caught a real race.");
  await write.getByRole("button", { name: "Save feedback" }).click();
  await write.waitFor({ state: "hidden" });
  const card = owner.getByRole("article", { name: "Feedback" }).first();
  await card.getByText("caught a real race").waitFor();
  await card.getByRole("button", { name: "+ Attach PR or work item" }).click();
  // No host is connected yet: nothing to pick, and the way to fix that.
  await card.getByText("Nothing recent on your connected hosts.", { exact: false }).waitFor();
  await card.getByRole("link", { name: "Integrations" }).waitFor();
  await card.getByLabel("Search pull requests and work items, or paste a link").fill("https://github.com/not/supported/pull/1");
  await card.getByRole("button", { name: "Attach", exact: true }).click();
  await card.getByRole("alert").getByText("Paste a pull request or work item link").waitFor();
  await card.getByLabel("Search pull requests and work items, or paste a link").fill("https://dev.azure.com/contoso/Payments/_git/api/pullrequest/512");
  await card.getByRole("button", { name: "Attach", exact: true }).click();
  await card.getByRole("link", { name: "PR #512 in api" }).waitFor();
  await card.getByText("metadata pending").waitFor();
  await shot(owner, "2-feedback");

  // A 1:1 agenda item with a work item attached.
  await go(owner, "1:1s");
  // Checked by the API's own schemas before anything is sent, each error beside its field.
  await owner.getByRole("button", { name: "Start 1:1" }).click();
  await owner.getByRole("form", { name: "Start a 1:1" }).getByText("Choose a teammate").waitFor();
  expect(await owner.getByLabel("1:1 with").getAttribute("aria-invalid")).toBe("true");
  await owner.getByLabel("1:1 with").selectOption({ label: "Grace Hopper" });
  await owner.getByRole("button", { name: "Start 1:1" }).click();
  await owner.getByLabel("New agenda item").fill("On-call load this sprint");
  await owner.getByRole("button", { name: "Add", exact: true }).click();
  const agenda = owner.getByRole("article", { name: "1:1 with Grace Hopper" });
  await agenda.getByText("On-call load this sprint").waitFor();
  await agenda.getByRole("button", { name: "+ Attach PR or work item" }).click();
  await agenda.getByLabel("Search pull requests and work items, or paste a link").fill("https://contoso.visualstudio.com/Payments/_workitems/edit/88");
  await agenda.getByRole("button", { name: "Attach", exact: true }).click();
  await agenda.getByRole("link", { name: "Work item #88 in Payments" }).waitFor();

  // Grace sees the same agenda from her side.
  await go(grace, "1:1s");
  await grace.getByRole("article", { name: "1:1 with Ada Lovelace" }).getByText("On-call load this sprint").waitFor();

  // An OKR with a key result; attach a Bitbucket PR, then unlink it.
  const okr = await setObjectiveInBrowser(owner, "Make payments boring");
  await okr.getByLabel("New key result").fill("Zero payment incidents");
  await okr.getByRole("button", { name: "Add", exact: true }).click();
  await okr.getByText("Zero payment incidents").waitFor();
  await okr.getByRole("button", { name: "+ Attach PR or work item" }).first().click();
  await okr.getByLabel("Search pull requests and work items, or paste a link").fill("https://bitbucket.org/acme/payments/pull-requests/7");
  await okr.getByRole("button", { name: "Attach", exact: true }).click();
  await okr.getByRole("link", { name: "PR #7 in payments" }).waitFor();
  await shot(owner, "3-okr");
  await okr.getByRole("button", { name: "Unlink PR #7 in payments" }).click();
  await okr.getByRole("link", { name: "PR #7 in payments" }).waitFor({ state: "detached" });

  // A competency in the framework, with an assessment.
  await go(owner, "Competencies");
  await owner.getByRole("button", { name: "New competency" }).click();
  await owner.getByRole("form", { name: "New competency" }).getByLabel("Competency").fill("Code review");
  await owner.getByRole("button", { name: "Add competency" }).click();
  await owner.getByRole("article", { name: "Competency Code review" }).getByText("Practising").waitFor();
  const assessment = owner.getByRole("form", { name: "Assessment" });
  await assessment.getByLabel("Member").selectOption({ label: "Grace Hopper" });
  await assessment.getByLabel("Competency").selectOption({ label: "Code review" });
  await assessment.getByLabel("Level").selectOption({ label: "2. Practising" });
  await assessment.getByRole("button", { name: "Save assessment" }).click();
  // Saved once the form is cleared: Grace's page, opened before, would show it only on a reload.
  await expect.poll(() => assessment.getByLabel("Member").inputValue()).toBe("");
  await go(grace, "Competencies");
  await grace.getByText("Code review: level 2 Practising").waitFor();
  // Evidence over time: quarter by quarter, the level Grace was assessed at by then.
  const codeReview = owner.getByRole("article", { name: "Competency Code review" });
  await codeReview.getByText("Evidence over time").click();
  await codeReview.getByLabel("Whose").selectOption({ label: "Grace Hopper" });
  await codeReview
    .getByRole("listitem")
    .filter({ hasText: /^\d{4} Q[1-4] level 2 Practising/ })
    .waitFor();
  await shot(owner, "4-competencies");

  // Grace's work over time shows the PR from her feedback, and where it is attached.
  await go(owner, "Members");
  await owner
    .getByRole("row", { name: /Grace Hopper/ })
    .getByRole("link", { name: "Work over time" })
    .click();
  await owner.getByRole("heading", { name: "Grace Hopper's work" }).waitFor();
  await owner
    .getByRole("listitem")
    .filter({ has: owner.getByRole("article", { name: "PR #512 in api" }) })
    .getByText(/Attached to Feedback: Your review of the payments refactor/)
    .waitFor();
  await shot(owner, "5-contributions");

  // The Integrations page is for owners only, and shows background work that failed for good, to retry.
  const workspaceId = (await owner.evaluate(async () => (await (await fetch("/api/auth/session")).json()).workspace.id)) as string;
  await product.sql(
    `INSERT INTO jobs (kind, payload, status, attempts, max_attempts, run_at, workspace_id, created_at, updated_at, last_error)
     VALUES ('ado.pr-status', :payload, 'dead', 8, 8, :now, :workspaceId, :now, :now, 'TF400813: The user is not authorized to access this resource.')`,
    {
      now: Date.now(),
      workspaceId,
      payload: JSON.stringify({ workspaceId, organization: "contoso", project: "Payments", repository: "api", pullRequestId: 512 }),
    },
  );
  await go(owner, "Integrations");
  await owner.getByRole("heading", { name: "Azure DevOps" }).waitFor();
  const failed = owner.getByRole("article", { name: "Failed background work" });
  await failed.getByText("Posting the Groundwork status on an Azure DevOps pull request").waitFor();
  await failed.getByText("TF400813: The user is not authorized to access this resource.").waitFor();
  await failed.getByRole("button", { name: "Retry" }).click();
  await failed.waitFor({ state: "detached" });
  expect(await grace.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }).count()).toBe(0);

  // A long history arrives a page at a time: the next page loads as one scrolls to the end.
  await grace.evaluate(
    async (subjectId) => {
      const { csrfToken } = await (await fetch("/api/auth/session")).json();
      for (let i = 1; i <= 55; i++)
        await fetch("/api/feedback", {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
          body: JSON.stringify({ subjectId, body: `Thanks for review number ${i}` }),
        });
    },
    (await owner.evaluate(async () => (await (await fetch("/api/auth/session")).json()).member.id)) as string,
  );
  await go(owner, "Feedback");
  const cards = owner.getByRole("article", { name: "Feedback" });
  await owner.getByText("Thanks for review number 55").waitFor();
  expect(await cards.count()).toBe(50);
  await owner.getByRole("button", { name: "Load more" }).scrollIntoViewIfNeeded();
  await owner.getByText("caught a real race").waitFor();
  expect(await cards.count()).toBe(56);
  expect(await owner.getByRole("button", { name: "Load more" }).count()).toBe(0);
});

import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  go,
  inviteInBrowser,
  linkAccountFromPanel,
  seriousViolations,
  shot,
  signUpInBrowser,
  startSandboxedProduct,
  writeFeedbackInBrowser,
  reloadUntilShown,
} from "./harness.js";

/**
 * The Bitbucket Connect app as a new user meets it through the sandbox: Bitbucket installs it,
 * an owner connects the workspace from the configure page, and a reviewer, on the pull request
 * page (the panel framed with a signed URL, talking through the host's all.js), links their
 * account once, adds the PR to feedback and unlinks it.
 */
let product: Awaited<ReturnType<typeof startSandboxedProduct>>;
let bitbucket: string;

beforeAll(async () => {
  product = await startSandboxedProduct();
  bitbucket = product.bitbucketSandboxUrl;
});
afterAll(() => product?.stop());

it("installs, connects, links the reviewer, and adds and unlinks a PR from the panel", async () => {
  const ada = await product.newPage();
  await signUpInBrowser(ada, product.url, "Ada Lovelace", "ada@example.com");
  await inviteInBrowser(ada, product.newPage, "grace@example.com", "Grace Hopper");
  await writeFeedbackInBrowser(ada, "Grace Hopper", "Your refunds work made a scary change safe.");

  // Bitbucket installs the app (first install unsigned; Groundwork checks the secret with Bitbucket).
  const host = await product.newPage();
  await host.goto(bitbucket);
  await host.getByRole("button", { name: "Install Groundwork", exact: true }).click();
  await host.getByRole("status").getByText("Groundwork answered 204 to the install").waitFor();

  // The configure page, framed and signed, sends the owner to Groundwork to connect the workspace.
  await host.getByRole("link", { name: "Open the app's configure page" }).click();
  const connectLink = host.frameLocator("#app").getByRole("link", { name: "Connect groundwork-sandbox to Groundwork" });
  // Sized to its content by the host's all.js, so the button is in sight (a frame is 150 px tall otherwise).
  await connectLink.waitFor();
  await expect.poll(() => host.locator("#app").evaluate((frame) => frame.getBoundingClientRect().height)).toBeGreaterThan(200);
  expect(await connectLink.isVisible()).toBe(true);
  await shot(host, "bitbucket-0-configure");
  expect(await seriousViolations(host, "#app"), "the configure page").toEqual([]);
  const bindUrl = await connectLink.getAttribute("href");
  await ada.goto(bindUrl!);
  await ada.getByRole("button", { name: "Connect groundwork-sandbox" }).click();
  await ada.getByRole("status").getByText("Connected.").waitFor();
  await go(ada, "Integrations");
  await ada.getByRole("article", { name: "Bitbucket Cloud" }).getByText("groundwork-sandbox", { exact: true }).waitFor();

  // The PR page: the reviewer links their Bitbucket account once.
  const pr = await product.newPage();
  const palettes: string[] = [];
  pr.on("request", (r) => {
    const name = /\/assets\/(atlassian-(?:light|dark))-[^/]+\.js$/.exec(r.url())?.[1];
    if (name) palettes.push(name);
  });
  await pr.goto(`${bitbucket}/_sandbox/pull-request?as=ada`);
  const panel = pr.frameLocator("#app");
  await panel.getByText("link your Groundwork account once").waitFor();
  // Only the palette in use is fetched (the browser prefers light here).
  expect([...new Set(palettes)]).toEqual(["atlassian-light"]);
  await linkAccountFromPanel(pr, panel, "ada@example.com");
  await panel.getByText("as Ada Lovelace").waitFor();
  await panel.getByText("This pull request is not attached to anything yet.").waitFor();

  // Atlaskit's Select: typed words search Groundwork, grouped options come back.
  await panel.getByLabel("Attach to").fill("refunds");
  await panel.getByRole("option", { name: "About Grace Hopper: Your refunds work made a scary change safe." }).click();
  await panel.getByLabel("Note (optional)").fill("The idempotency keys");
  await panel.getByRole("button", { name: "Add to Groundwork" }).click();
  const attached = panel.getByRole("list", { name: "Attached in Groundwork" });
  await attached.getByText("Your refunds work made a scary change safe.").waitFor();
  await panel.getByRole("status").getByText("Added to About Grace Hopper").waitFor();
  await shot(pr, "bitbucket-1-panel-added");
  expect(await seriousViolations(pr, "#app"), "the PR panel").toEqual([]);

  // The workspace shows the link with the PR's metadata, fetched as the app.
  await go(ada, "Feedback");
  await ada.getByRole("link", { name: "Make refunds idempotent" }).waitFor({ timeout: 20_000 });
  const prCard = ada.getByRole("article", { name: "Make refunds idempotent" });
  await prCard.getByLabel("from develop into master").waitFor({ timeout: 20_000 });
  await prCard.getByText("Brad Rydzewski").waitFor();
  // What Groundwork drew from the PR, its diffstat and commits: themes at a glance, the rest with its evidence on demand.
  await prCard.getByRole("list", { name: "Themes" }).getByText("Reliability").waitFor({ timeout: 20_000 });
  await prCard.getByText("Contributions and impact").click();
  await prCard
    .getByRole("region", { name: "Contributions" })
    .getByText(/^Changed 5 files, \+183 −13 lines in 3 commits/)
    .waitFor();
  await prCard.getByRole("region", { name: "Impact" }).getByText("Changes the database schema or data: deploy with care").waitFor();
  await shot(ada, "bitbucket-4-pr-insight");

  // Bitbucket shows Groundwork's build status; Ada's comment on the PR shows under her feedback.
  await host.goto(bitbucket);
  await reloadUntilShown(host, (p) => p.getByRole("note", { name: "Latest build status" }).getByText("SUCCESSFUL — Linked to 1 item in Groundwork"));
  await host.getByLabel("Comment on pull request #1 as Bitbucket user").fill("ada");
  await host.getByLabel("Comment", { exact: true }).fill("Retries are idempotent now");
  await host.getByRole("button", { name: "Comment", exact: true }).click();
  await host.getByRole("status").getByText("Groundwork answered 202 to pullrequest:comment_created").waitFor();
  await reloadUntilShown(ada, (p) => p.getByRole("list", { name: "Comments on Make refunds idempotent" }).getByText("Retries are idempotent now"));
  await shot(host, "bitbucket-3-sandbox-status");

  // Opened again, the panel sums up what Groundwork drew from the PR.
  await reloadUntilShown(pr, () => panel.getByRole("region", { name: "What Groundwork sees in it" }).getByText("Reliability"));
  await panel.getByRole("button", { name: "Unlink from Your refunds work made a scary change safe." }).click();
  await panel.getByText("This pull request is not attached to anything yet.").waitFor();
  expect(await attached.count()).toBe(0);
  await shot(pr, "bitbucket-2-panel-unlinked");

  // From the workspace, the same PR found by searching the connected Bitbucket workspace rather than by its link.
  await go(ada, "Feedback");
  const feedback = ada.getByRole("article", { name: "Feedback" }).filter({ hasText: "Your refunds work made a scary change safe." });
  await feedback.getByRole("button", { name: "+ Attach PR or work item" }).click();
  await feedback.getByLabel("Search pull requests and work items, or paste a link").fill("refunds");
  await feedback
    .getByRole("list", { name: "Pull requests and work items matching refunds" })
    .getByRole("button", { name: "Attach #1 Make refunds idempotent" })
    .click();
  await feedback.getByRole("link", { name: "Make refunds idempotent" }).waitFor({ timeout: 20_000 });

  // "Draft feedback" from the PR (Grace's work, attached to feedback about her): a situation–behaviour–impact note citing it, edited, then saved with the PR attached.
  await ada.getByRole("button", { name: "New feedback" }).click();
  const dialog = ada.getByRole("dialog", { name: "Write feedback" });
  await dialog.getByLabel("About").selectOption({ label: "Grace Hopper" });
  const drafting = dialog.getByRole("group", { name: "Draft from their work" });
  await drafting.getByLabel(/Make refunds idempotent/).check();
  await drafting.getByRole("button", { name: "Draft feedback" }).click();
  const note = dialog.getByLabel("Feedback", { exact: true });
  await dialog.getByRole("status").getByText("Drafted from “Make refunds idempotent”: edit it before saving. It is attached when you save.").waitFor();
  expect(await note.inputValue()).toMatch(
    /^Situation: In “Make refunds idempotent” \(groundwork-sandbox\/payments !1\)\.\n\nBehaviour: You made refunds idempotent, changed 5 files/,
  );
  await note.fill(`${await note.inputValue()}\n\nThank you — this is the kind of care we want in payments.`);
  await shot(ada, "bitbucket-5-draft-feedback");
  expect(await seriousViolations(ada, "dialog"), "the feedback draft").toEqual([]);
  await dialog.getByRole("button", { name: "Save feedback" }).click();
  const saved = ada.getByRole("article", { name: "Feedback" }).filter({ hasText: "the kind of care we want in payments" });
  await saved.getByRole("link", { name: "Make refunds idempotent" }).waitFor();

  // Grace's work over time: this month holds the PR attached to feedback about her, with where it is attached; the chart and CSV follow.
  await go(ada, "Members");
  await ada
    .getByRole("row", { name: /Grace Hopper/ })
    .getByRole("link", { name: "Work over time" })
    .click();
  await ada.getByRole("heading", { name: "Grace Hopper's work" }).waitFor();
  const thisMonth = ada.getByRole("region", { name: new Date().toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }) });
  await thisMonth.getByText("Attached to their work").first().waitFor();
  await thisMonth.getByRole("article", { name: "Make refunds idempotent" }).first().waitFor();
  await thisMonth
    .getByText(/Feedback: Your refunds work made a scary change safe/)
    .first()
    .waitFor();
  expect(await ada.getByRole("img", { name: /^Activity by period — / }).count()).toBe(1);
  await ada.getByLabel("Group by").selectOption({ label: "Quarters" });
  await ada
    .getByRole("region", { name: /^\d{4} Q[1-4]$/ })
    .last()
    .waitFor();
  const download = ada.waitForEvent("download");
  await ada.getByRole("button", { name: "Export CSV" }).click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("period,date,what,verdict,host,title,url,state,themes,attachedTo,comment");
  expect(csv).toContain("Attached to their work,,bitbucket,Make refunds idempotent,https://bitbucket.org/groundwork-sandbox/payments/pull-requests/1");
  await shot(ada, "bitbucket-6-timeline");
  expect(await seriousViolations(ada), "the timeline").toEqual([]);

  // A 1:1 with Grace: "since last time" brings her work, one click from the agenda (attached to the topic it becomes).
  await go(ada, "1:1s");
  await ada.getByLabel("1:1 with").selectOption({ label: "Grace Hopper" });
  await ada.getByRole("button", { name: "Start 1:1" }).click();
  const oneOnOne = ada.getByRole("article", { name: "1:1 with Grace Hopper" });
  const sinceLast = oneOnOne.getByRole("region", { name: "Since your last 1:1" });
  await sinceLast.getByText("In the last 30 days (no 1:1 held yet)").waitFor();
  await sinceLast.getByRole("button", { name: "Add Make refunds idempotent to the agenda" }).click();
  await oneOnOne.getByText("Attached to their work: Make refunds idempotent").waitFor();
  await oneOnOne
    .getByRole("list")
    .filter({ hasText: "Attached to their work: Make refunds idempotent" })
    .getByRole("link", { name: "Make refunds idempotent" })
    .first()
    .waitFor();
  await sinceLast.getByText("on the agenda").waitFor();
  await shot(ada, "bitbucket-7-one-on-one-since-last");
  expect(await seriousViolations(ada), "the 1:1 page").toEqual([]);
  await sinceLast.getByRole("button", { name: "Held today" }).click();
  await sinceLast.getByText(/^Since your last 1:1 \(/).waitFor();
  await sinceLast.getByText("Nothing new from Grace Hopper in that time.").waitFor();
});

import { afterAll, beforeAll, expect, it } from "vitest";
import { connectAdoSandboxInBrowser, go, seriousViolations, shot, signUpInBrowser, startSandboxedProduct } from "./harness.js";

/**
 * Day one with a long history: connecting the sandbox organisation (nine months of a busy
 * repository) imports its last six months, the History card shows the import's progress and its
 * summary, and a member who wrote some of those pull requests finds them on their timeline.
 */
let product: Awaited<ReturnType<typeof startSandboxedProduct>>;

beforeAll(async () => {
  product = await startSandboxedProduct();
});
afterAll(() => product?.stop());

it("imports six months on connecting, shows its progress, and fills the member's timeline", async () => {
  const sandbox = await product.newPage();
  await sandbox.goto(product.adoSandboxUrl);

  const page = await product.newPage();
  // Ada wrote a quarter of the sandbox's Ledger pull requests.
  await signUpInBrowser(page, product.url, "Ada", "ada@groundwork-sandbox.test");
  await connectAdoSandboxInBrowser(page, sandbox);

  // The History card appears with one import per repository, and reports as it goes until Ledger is done.
  const history = page.getByRole("article", { name: "History import" });
  const ledger = history.getByRole("listitem", { name: "Import of Fabrikam/Ledger" });
  await ledger.waitFor();
  const seen: string[] = [];
  const end = Date.now() + 120_000;
  for (;;) {
    const text = await ledger.innerText();
    if (seen.at(-1) !== text) seen.push(text);
    if (/Imported \d+ pull requests/.test(text)) break;
    if (Date.now() > end) throw new Error(`the import did not finish; it showed: ${seen.join(" | ")}`);
    await page.waitForTimeout(250);
  }
  const summary = seen.at(-1)!;
  expect(summary).toMatch(/Imported \d{3} pull requests by 4 authors, 1 of them members/);
  expect(seen.some((s) => /Importing: \d+ pull requests|Waiting for/.test(s)) || seen.length === 1).toBe(true);
  // Then the reviews' comments and the work items the pull requests reference.
  expect(
    seen.some((s) => /Reading comments and work items: \d+ of \d+ pull requests/.test(s)),
    seen.join(" | "),
  ).toBe(true);
  await history
    .getByRole("listitem", { name: "Import of Fabrikam/Fabrikam" })
    .getByText(/Imported/)
    .waitFor();
  await shot(page, "history-1-imported");
  expect(await seriousViolations(page), "the History card").toEqual([]);

  // Her timeline: authored work in each of the last six months, from before Groundwork was connected.
  await go(page, "Members");
  await page.getByRole("row", { name: /Ada/ }).getByRole("link", { name: "Work over time" }).click();
  await page.getByRole("heading", { name: "Ada's work" }).waitFor();
  const chart = page.getByRole("img", { name: /^Activity by period — / });
  await chart.waitFor();
  const months = ((await chart.getAttribute("aria-label")) ?? "").replace(/^Activity by period — /, "").split("; ");
  const busy = months.filter((m) => /: [1-9]\d* authored/.test(m));
  expect(busy.length, months.join("; ")).toBeGreaterThanOrEqual(5);
  // A busy month shows its first few; the rest on asking.
  const more = page.getByRole("button", { name: /^Show all \d+ in / }).first();
  const [, total, monthName] = /^Show all (\d+) in (.+)$/.exec((await more.getAttribute("aria-label"))!)!.map(String) as [string, string, string];
  const month = page.getByRole("region", { name: monthName, exact: true });
  expect(
    await month
      .getByRole("listitem")
      .filter({ has: page.getByRole("article") })
      .count(),
  ).toBeLessThan(Number(total));
  await more.click();
  await expect
    .poll(() =>
      month
        .getByRole("listitem")
        .filter({ has: page.getByRole("article") })
        .count(),
    )
    .toBe(Number(total));
  await shot(page, "history-2-timeline");
  expect(await seriousViolations(page), "the filled timeline").toEqual([]);

  // Run again reaching back one month: the card says so while it runs, and it ends with that month's share.
  await go(page, "Integrations");
  await history.getByLabel("Months to import").selectOption({ label: "1 month" });
  await history.getByRole("button", { name: "Import all repositories again" }).click();
  const sixMonths = Number(/Imported (\d+)/.exec(summary)![1]);
  await expect
    .poll(async () => Number(/Imported (\d+) pull requests/.exec(await ledger.innerText())?.[1] ?? sixMonths), { timeout: 60_000 })
    .toBeLessThan(sixMonths / 3);
});

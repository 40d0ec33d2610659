import { afterAll, beforeAll, expect, it } from "vitest";
import { go, inviteInBrowser, seriousViolations, setObjectiveInBrowser, shot, signUpInBrowser, startProduct } from "./harness.js";

/**
 * A manager agrees a stretch assignment with a member: it gets the workspace's next key, the
 * key result it moves, and a checklist the member ticks off as the work gets done.
 */
let product: Awaited<ReturnType<typeof startProduct>>;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(() => product?.stop());

it("agrees an assignment tied to a key result, and the member ticks its criteria off and moves it on", async () => {
  const owner = await product.newPage();
  await signUpInBrowser(owner, product.url, "Olivia", "olivia-assign@example.com");
  const grace = await inviteInBrowser(owner, product.newPage, "grace-assign@example.com", "Grace Hopper");
  const objective = await setObjectiveInBrowser(owner, "Fewer failed refunds");
  await objective.getByLabel("New key result").fill("Refund failures under 0.1%");
  await objective.getByRole("button", { name: "Add" }).click();
  await objective.getByText("Refund failures under 0.1%").waitFor();

  await go(owner, "Assignments");
  await owner.getByText("No assignments yet").waitFor();
  await owner.getByRole("button", { name: "New assignment" }).click();
  const dialog = owner.getByRole("dialog", { name: "New assignment" });
  // Nothing filled in: the form says what is missing, beside each field.
  await dialog.getByRole("button", { name: "Agree assignment" }).click();
  await dialog.getByText("Choose who takes it on").waitFor();
  await dialog.getByText("list at least one acceptance criterion").waitFor();

  await dialog.getByLabel("Assignment", { exact: true }).fill("Lead the refund-retry redesign");
  await dialog.getByLabel("Acceptance criteria (one per line)").fill("Retries back off exponentially\n\nA runbook explains the new alerts\n");
  await dialog.getByLabel("Taken on by").selectOption({ label: "Grace Hopper" });
  await dialog.getByLabel("Mentor, who reviews the pull request").selectOption({ label: "Olivia (you)" });
  await dialog.getByLabel("Grows").selectOption({ label: `${currentPeriod()} · Fewer failed refunds: Refund failures under 0.1%` });
  await dialog.getByRole("button", { name: "Agree assignment" }).click();
  const card = owner.getByRole("article", { name: "Assignment GW-1" });
  await card.getByText("GW-1 · Lead the refund-retry redesign").waitFor();
  expect(await card.getByText(/taken on by Grace Hopper · mentored by Olivia · moves "Refund failures under 0.1%"/).count()).toBe(1);
  await shot(owner, "assignments-1-agreed");
  expect(await seriousViolations(owner), "the Assignments page").toEqual([]);

  // Grace sees it too, ticks the first criterion and starts on it; both stay after a reload.
  await go(grace, "Assignments");
  const hers = grace.getByRole("article", { name: "Assignment GW-1" });
  // The box changes once the server has it.
  await hers.getByRole("checkbox", { name: "Retries back off exponentially" }).click();
  await hers.getByText("Acceptance criteria (1 of 2 met)").waitFor();
  await hers.getByLabel("Status of GW-1").selectOption({ label: "In progress" });
  await grace.reload();
  await hers.getByText("Acceptance criteria (1 of 2 met)").waitFor();
  expect(await hers.getByLabel("Status of GW-1").inputValue()).toBe("in_progress");
  expect(await hers.getByRole("checkbox", { name: "A runbook explains the new alerts" }).isChecked()).toBe(false);
  await shot(grace, "assignments-2-ticked");
});

function currentPeriod() {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

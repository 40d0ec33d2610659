import { afterAll, beforeAll, expect, it } from "vitest";
import { go, seriousViolations, shot, signUpInBrowser, startSandboxedProduct } from "./harness.js";

/**
 * Connecting Azure DevOps without a PAT: "Sign in with Microsoft" goes to the sandbox's Entra ID,
 * comes back with the organisations the account belongs to, and the chosen one is tested,
 * connected and used (service hooks created with the signed-in account's rights).
 */
let product: Awaited<ReturnType<typeof startSandboxedProduct>>;

beforeAll(async () => {
  product = await startSandboxedProduct();
});
afterAll(() => product?.stop());

it("connects the sandbox organisation by signing in with Microsoft", async () => {
  const page = await product.newPage();
  await signUpInBrowser(page, product.url, "Olivia", "olivia@groundwork-sandbox.test");
  await go(page, "Integrations");
  const card = page.getByRole("article", { name: "Azure DevOps" });

  // Cancelling on Microsoft's page comes back saying so, and nothing is connected.
  await card.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByRole("button", { name: "Cancel" }).click();
  await card.getByRole("alert").getByText("You did not allow Groundwork to use Azure DevOps on your behalf.").waitFor();

  await card.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await page.getByLabel("Email, phone, or Skype").waitFor();
  expect(await page.getByLabel("Email, phone, or Skype").inputValue()).toBe("admin@groundwork-sandbox.test");
  await page.getByRole("button", { name: "Accept" }).click();

  const form = card.getByRole("form", { name: "Connect with your Microsoft sign-in" });
  await form.getByText("Signed in with Microsoft as admin@groundwork-sandbox.test.").waitFor();
  expect(await form.getByLabel("Organisation", { exact: true }).inputValue()).toBe("https://dev.azure.com/groundwork-sandbox");
  await form.getByRole("button", { name: "Test connection" }).click();
  await form.getByRole("status", { name: "Connection test" }).getByText("Fabrikam: Ledger").waitFor();
  await shot(page, "entra-1-organisation");
  expect(await seriousViolations(page), "the sign-in's connect form").toEqual([]);
  await form.getByRole("button", { name: "Connect", exact: true }).click();

  await card.getByText(/signed in with Microsoft as admin@groundwork-sandbox\.test/).waitFor();
  await card.getByRole("status", { name: "Webhook secret" }).waitFor();
  expect(new URL(page.url()).search).toBe("");
  // Creating service hooks needs the account's own rights in the organisation: the Bearer token carries them.
  await card.getByRole("button", { name: "Create the service hooks for me" }).click();
  await card
    .getByRole("status", { name: "Service hooks" })
    .getByText(/\d+ service hooks? deliver/)
    .waitFor();
  await shot(page, "entra-2-connected");
  expect(await seriousViolations(page), "the connected card").toEqual([]);
});

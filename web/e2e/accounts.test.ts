import { afterAll, beforeAll, expect, it } from "vitest";
import { shot, signUpInBrowser, startSandboxedProduct } from "./harness.js";

/**
 * Email as a new user meets it under `npm start`: the confirmation banner and link, and a
 * forgotten password reset through the link in the mail sandbox.
 */
let product: Awaited<ReturnType<typeof startSandboxedProduct>>;
beforeAll(async () => {
  product = await startSandboxedProduct();
});
afterAll(() => product?.stop());

it("confirms the address from the mailed link, and resets a forgotten password", async () => {
  const page = await product.newPage();
  await signUpInBrowser(page, product.url, "Ada Lovelace", "ada@example.com");
  const banner = page.getByRole("note").filter({ hasText: "Confirm your email" });
  await banner.waitFor();

  const mail = await product.newPage();
  await mail.goto(product.mailSandboxUrl);
  await mail.getByRole("heading", { name: "Confirm your email for Groundwork" }).waitFor();
  await mail.getByRole("link", { name: /verify-email/ }).click();
  await mail.getByRole("status").getByText("Your email is confirmed.").waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "Welcome, Ada Lovelace" }).waitFor();
  expect(await banner.count()).toBe(0);

  await page.getByRole("button", { name: "Log out" }).click();
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByRole("button", { name: "Mail me a reset link" }).click();
  await page.getByRole("status").getByText("a link to reset its password is on its way").waitFor();
  await mail.goto(product.mailSandboxUrl);
  await mail.getByRole("link", { name: /reset-password/ }).click();
  await mail.getByLabel("New password (10+ characters)").fill("a fresh passphrase for ada");
  await mail.getByRole("button", { name: "Set password" }).click();
  await mail.getByRole("status").getByText("Your password is changed").waitFor();
  await shot(mail, "accounts-1-password-reset");

  await page.goto(`${product.url}/login`);
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password").fill("a fresh passphrase for ada");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Welcome, Ada Lovelace" }).waitFor();
});

import { afterAll, beforeAll, expect, it } from "vitest";
import { go, inviteInBrowser, seriousViolations, setObjectiveInBrowser, shot, signUpInBrowser, startProduct, writeFeedbackInBrowser } from "./harness.js";

/**
 * Every screen a workspace owner reaches, with some data in it, at a desktop and at a phone's
 * width: axe finds no serious or critical accessibility violation, and nothing is wider than
 * the screen. Also what a slow API looks like: a skeleton, never "nothing here yet".
 */
let product: Awaited<ReturnType<typeof startProduct>>;
beforeAll(async () => {
  product = await startProduct();
});
afterAll(() => product?.stop());

const SCREENS = ["Home", "Feedback", "1:1s", "OKRs", "Competencies", "Members", "Integrations", "Profile"];

it("passes axe on every screen and fits a phone, with skeletons while the API is slow", async () => {
  const owner = await product.newPage();
  await signUpInBrowser(owner, product.url, "Ada Lovelace", "ada@example.com");

  // Sign-up checks what it can before sending (the API's own schema), and shows the API's refusal of a field beside it too.
  const stranger = await product.newPage();
  await stranger.goto(`${product.url}/signup`);
  const signUp = stranger.getByRole("form", { name: "Sign up" });
  await signUp.getByLabel("Password (10+ characters)").fill("short");
  await signUp.getByRole("button", { name: "Create workspace" }).click();
  await signUp.getByText("must be at least 10 characters").waitFor();
  expect(await signUp.getByLabel("Password (10+ characters)").getAttribute("aria-invalid")).toBe("true");
  expect(await signUp.getByText("must not be empty").count()).toBe(2); // workspace and name
  await signUp.getByLabel("Workspace name").fill("Another team");
  await signUp.getByLabel("Your name").fill("Someone Else");
  await signUp.getByLabel("Work email").fill("ada@example.com");
  await signUp.getByLabel("Password (10+ characters)").fill("correct horse battery staple");
  await signUp.getByRole("button", { name: "Create workspace" }).click();
  const email = signUp.getByLabel("Work email");
  await signUp.getByText("An account with this email exists already; log in instead").waitFor();
  expect(await email.getAttribute("aria-invalid")).toBe("true");
  // Tied to its field for screen readers.
  const describedBy = await email.getAttribute("aria-describedby");
  expect(await stranger.evaluate((id) => document.getElementById(id!)?.textContent, describedBy)).toContain("exists already");
  expect(await seriousViolations(stranger), "sign-up with its errors").toEqual([]);
  // Log-in too: a malformed address beside its field; a wrong password (no field) above the button.
  await stranger.goto(`${product.url}/login`);
  const logIn = stranger.getByRole("form", { name: "Log in" });
  await logIn.getByLabel("Email").fill("ada");
  await logIn.getByLabel("Password").fill("whatever it is");
  await logIn.getByRole("button", { name: "Log in" }).click();
  await logIn.getByText("must be an email address such as ada@example.com").waitFor();
  await logIn.getByLabel("Email").fill("ada@example.com");
  await logIn.getByRole("button", { name: "Log in" }).click();
  await logIn.getByRole("alert").waitFor();
  expect(await logIn.getByLabel("Email").getAttribute("aria-invalid")).toBe("false");
  await go(owner, "Members");
  const invite = owner.getByRole("form", { name: "Invite" });
  await invite.getByLabel("Email").fill("grace at example");
  await invite.getByRole("button", { name: "Create invite link" }).click();
  await invite.getByText("must be an email address such as ada@example.com").waitFor();
  expect(await invite.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
  await inviteInBrowser(owner, product.newPage, "grace@example.com", "Grace Hopper");
  await writeFeedbackInBrowser(owner, "Grace Hopper", "Your review of the payments refactor caught a real race.");
  await setObjectiveInBrowser(owner, "Make payments boring");

  for (const width of [1280, 390]) {
    await owner.setViewportSize({ width, height: 900 });
    for (const screen of SCREENS) {
      await go(owner, screen);
      await owner.getByRole("heading", { level: 1 }).waitFor();
      await owner.waitForLoadState("networkidle");
      expect(await seriousViolations(owner), `${screen} at ${width} px`).toEqual([]);
      const overflow = await owner.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${screen} is wider than ${width} px`).toBeLessThanOrEqual(0);
    }
  }
  await go(owner, "Feedback");
  await shot(owner, "screens-1-feedback-phone");
  await owner.setViewportSize({ width: 1280, height: 900 });
  await go(owner, "Home");
  await owner.getByRole("article", { name: "Recent feedback" }).getByText("caught a real race").waitFor();
  await shot(owner, "screens-2-home");
  await go(owner, "Feedback");
  await owner.getByRole("button", { name: "New feedback" }).click();
  expect(await seriousViolations(owner), "the New feedback dialog").toEqual([]);
  await owner.keyboard.press("Escape");
  const card = owner.getByRole("article", { name: "Feedback" }).first();
  await card.getByRole("button", { name: "+ Attach PR or work item" }).click();
  await card.getByText("Nothing recent on your connected hosts.", { exact: false }).waitFor();
  expect(await seriousViolations(owner), "the attach box").toEqual([]);
  // Idle, the page asks only whether a host changed anything, never for its lists again.
  const asked: string[] = [];
  owner.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await owner.waitForTimeout(8_500);
  expect(asked.filter((p) => p === "/api/feedback")).toEqual([]);
  expect(asked.filter((p) => p === "/api/live").length).toBeGreaterThanOrEqual(2);

  // A slow API: the list shows a skeleton until it answers, then the feedback, never an empty state first.
  await owner.setViewportSize({ width: 1280, height: 900 });
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await owner.route("**/api/feedback*", async (route) => {
    await held;
    await route.continue();
  });
  // A fresh load: later visits show what the page already read while it refreshes.
  await owner.goto(`${product.url}/feedback`);
  await owner.getByRole("status", { name: "Loading feedback" }).waitFor();
  expect(await owner.getByText("No feedback yet").count()).toBe(0);
  await shot(owner, "screens-3-loading");
  release();
  await owner.getByRole("article", { name: "Feedback" }).getByText("caught a real race").waitFor();
  await owner.unroute("**/api/feedback*");

  // A failing API: what failed, and a retry that works once the API is back.
  let failing = true;
  await owner.route("**/api/objectives*", (route) =>
    failing
      ? route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "database_unavailable", message: "Groundwork cannot reach its database right now; try again shortly" } }),
        })
      : route.continue(),
  );
  await owner.goto(`${product.url}/okrs`);
  const alert = owner.getByRole("alert").filter({ hasText: "Could not load objectives" });
  await alert.getByText("cannot reach its database").waitFor({ timeout: 15_000 });
  failing = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await owner.getByRole("article", { name: "Objective Make payments boring" }).waitFor();
});

import { AxeBuilder } from "@axe-core/playwright";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Sequelize } from "sequelize";
import { chromium, type FrameLocator, type Locator, type Page } from "playwright-core";

/** Runs the product as a user would (the real backend process serving the built UI) and a browser to drive it. */
export const root = path.resolve(import.meta.dirname, "../..");
const artifacts = path.join(root, "test-artifacts");

export async function freePort() {
  return new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A free port is free only until someone takes it: test files starting side by side can be handed
 * the same one, and the later process exits on EADDRINUSE. Starting again, on new ports, gets past it.
 */
class ExitedDuringStartUp extends Error {}
async function withFreshPorts<T>(start: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      if (!(err instanceof ExitedDuringStartUp) || attempt >= attempts) throw err;
    }
  }
}

export function startProduct(env: Record<string, string> = {}, entry = "backend/src/main.ts") {
  return withFreshPorts(() => startProductOnce(env, entry));
}

async function startProductOnce(env: Record<string, string>, entry: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const postgres = /^postgres/.test(process.env.DATABASE_URL ?? "");
  const schemaStamp = Date.now();
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...(postgres ? { DATABASE_SCHEMA: `e2e_${schemaStamp}_${port}` } : { DATABASE_URL: "" }),
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  let exited = false;
  server.once("exit", () => (exited = true));
  const until = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new ExitedDuringStartUp("the backend exited during start-up; see its output above");
    if (
      await fetch(`${url}/readyz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    if (Date.now() > until) throw new Error("the backend did not become ready in 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    url,
    browser,
    /** Runs SQL on the product's own database, for a test to set up what no screen can (a job that failed for good). */
    async sql(query: string, replacements: Record<string, unknown>) {
      if (!postgres) {
        const db = new BetterSqlite3(path.join(dataDir, "groundwork.db"));
        db.prepare(query).run(replacements);
        db.close();
        return;
      }
      const db = new Sequelize(process.env.DATABASE_URL!, { logging: false, dialectOptions: { options: `-c search_path=e2e_${schemaStamp}_${port}` } });
      await db.query(query, { replacements });
      await db.close();
    },
    newPage: async () => (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage(),
    async stop() {
      await browser.close();
      server.kill("SIGTERM");
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The product as `npm start` runs it, with both host sandboxes, each on a free port so test files can run side by side. */
export async function startSandboxedProduct() {
  const [product, adoPort, bitbucketPort, mailPort] = await withFreshPorts(async () => {
    const ports = [await freePort(), await freePort(), await freePort()] as const;
    const started = await startProductOnce(
      { SANDBOX_PORT: String(ports[0]), SANDBOX_BITBUCKET_PORT: String(ports[1]), SANDBOX_MAIL_PORT: String(ports[2]) },
      "simulators/src/start.ts",
    );
    return [started, ...ports] as const;
  });
  const sandboxes = [`http://127.0.0.1:${adoPort}`, `http://127.0.0.1:${bitbucketPort}`] as const;
  return {
    ...product,
    adoSandboxUrl: sandboxes[0],
    bitbucketSandboxUrl: sandboxes[1],
    mailSandboxUrl: `http://127.0.0.1:${mailPort}`,
    /** Stops everything, then fails if Groundwork sent either sandbox a request the real host would refuse. */
    async stop() {
      const found = await Promise.all(
        sandboxes.map(async (url) => ((await (await fetch(`${url}/_fake/violations`)).json()) as { violations: string[] }).violations),
      );
      await product.stop();
      const all = found.flat();
      if (all.length) throw new Error(`Requests that the real hosts would refuse (their published contracts):\n${all.join("\n")}`);
    },
  };
}

export const go = (page: Page, section: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: section }).click();

export function shot(page: Page, name: string) {
  fs.mkdirSync(artifacts, { recursive: true });
  return page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

export async function signUpInBrowser(page: Page, baseUrl: string, name: string, email: string) {
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel("Workspace name").fill("Platform team");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password (10+ characters)").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.getByRole("heading", { name: `Welcome, ${name}` }).waitFor();
}

/** The owner invites a teammate from Members; the teammate joins in a browser of their own. */
export async function inviteInBrowser(owner: Page, newPage: () => Promise<Page>, email: string, name: string) {
  await go(owner, "Members");
  await owner.getByLabel("Email").fill(email);
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const inviteUrl = await owner.getByLabel("Invite link", { exact: true }).inputValue();
  const teammate = await newPage();
  await teammate.goto(inviteUrl);
  await teammate.getByLabel("Your name").fill(name);
  await teammate.getByLabel("Choose a password (10+ characters)").fill("another long password");
  await teammate.getByRole("button", { name: "Join workspace" }).click();
  await teammate.getByRole("heading", { name: `Welcome, ${name}` }).waitFor();
  // The owner's page learns about the new member on reload.
  await owner.reload();
  return teammate;
}

/** Connects the Bitbucket sandbox's workspace with an access token (Integrations → Bitbucket → access token). */
/** From a Bitbucket panel (a frame on the PR page): the viewer links their Bitbucket account to the member with this email, then the panel tries again. */
export async function linkAccountFromPanel(page: Page, panel: FrameLocator, email: string) {
  const popup = page.waitForEvent("popup");
  await panel.getByRole("button", { name: "Link your Groundwork account" }).click();
  const confirm = await popup;
  await confirm.getByLabel("Email").fill(email);
  await confirm.getByLabel("Password").fill("correct horse battery staple");
  await confirm.getByRole("button", { name: "Log in" }).click();
  await confirm.getByRole("button", { name: "Link account" }).click();
  await confirm.getByRole("status").getByText("Linked.").waitFor();
  await panel.getByRole("button", { name: "Try again" }).click();
}

export async function connectBitbucketTokenInBrowser(page: Page, token: string) {
  await go(page, "Integrations");
  const form = page.getByRole("form", { name: "Connect Bitbucket with an access token" });
  await form.getByLabel("Bitbucket workspace").fill("groundwork-sandbox");
  await form.getByLabel("Access token").fill(token);
  await form.getByRole("button", { name: "Connect", exact: true }).click();
  await page.getByRole("region", { name: "Bitbucket access token" }).getByText("groundwork-sandbox").waitFor();
}

/** New assignment on the Assignments page, its selects picked by their labels; the card it makes. */
export async function newAssignmentInBrowser(
  page: Page,
  a: { title: string; criteria: string[]; member: string; mentor?: string; grows?: string; repository?: string },
) {
  await go(page, "Assignments");
  await page.getByRole("button", { name: "New assignment" }).click();
  const dialog = page.getByRole("dialog", { name: "New assignment" });
  await dialog.getByLabel("Assignment", { exact: true }).fill(a.title);
  await dialog.getByLabel("Acceptance criteria (one per line)").fill(a.criteria.join("\n"));
  await dialog.getByLabel("Taken on by").selectOption({ label: a.member });
  if (a.mentor) await dialog.getByLabel("Mentor, who reviews the pull request").selectOption({ label: a.mentor });
  if (a.grows) await dialog.getByLabel("Grows").selectOption({ label: a.grows });
  if (a.repository) await dialog.getByLabel("Repository where the work starts").selectOption({ label: a.repository });
  await dialog.getByRole("button", { name: "Agree assignment" }).click();
  const card = page.getByRole("article", { name: /^Assignment GW-\d+$/ }).filter({ hasText: a.title });
  await card.waitFor();
  return card;
}

/** Connects the Azure DevOps sandbox (open in `sandbox`) with the PAT its page shows: Integrations, Test connection, Connect. */
export async function connectAdoSandboxInBrowser(page: Page, sandbox: Page) {
  const pat = await sandbox.locator("li", { hasText: "Personal access token" }).locator("code").innerText();
  await go(page, "Integrations");
  const card = page.getByRole("article", { name: "Azure DevOps" });
  await card.getByLabel("Organisation URL").fill("groundwork-sandbox.visualstudio.com");
  await card.getByLabel(/Personal access token/).fill(pat);
  await card.getByRole("button", { name: "Test connection" }).click();
  await card.getByRole("status", { name: "Connection test" }).getByText("Fabrikam: Ledger").waitFor();
  await card.getByRole("button", { name: "Connect", exact: true }).click();
  return card;
}

export async function writeFeedbackInBrowser(page: Page, about: string, text: string) {
  await go(page, "Feedback");
  await page.getByRole("button", { name: "New feedback" }).click();
  const dialog = page.getByRole("dialog", { name: "Write feedback" });
  await dialog.getByLabel("About").selectOption({ label: about });
  await dialog.getByLabel("Feedback", { exact: true }).fill(text);
  await dialog.getByRole("button", { name: "Save feedback" }).click();
  await page.getByRole("article", { name: "Feedback" }).getByText(text).waitFor();
}

export async function setObjectiveInBrowser(page: Page, title: string) {
  await go(page, "OKRs");
  await page.getByRole("button", { name: "New objective" }).click();
  const dialog = page.getByRole("dialog", { name: "New objective" });
  await dialog.getByLabel("Objective", { exact: true }).fill(title);
  await dialog.getByRole("button", { name: "Set objective" }).click();
  await dialog.waitFor({ state: "hidden" });
  return page.getByRole("article", { name: `Objective ${title}` });
}

/** Reloads a page until what background work produces (a status, a comment) shows on it. */
export async function reloadUntilShown(page: Page, find: (page: Page) => Locator, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await page.reload();
    // Give the page time to load its data before deciding it is not there yet.
    const shown = await find(page)
      .first()
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    if (Date.now() > until) throw new Error(`not shown after ${timeoutMs / 1000} s of reloading: ${find(page)}`);
  }
}

/** What axe finds serious or critical on a page, or within one element of it (a host page's frame holding our panel). */
export async function seriousViolations(page: Page, within?: string) {
  const builder = new AxeBuilder({ page });
  const { violations } = await (within ? builder.include(within) : builder).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * @module e2e/fixtures
 * What every browser test needs: the platform running in-process on a free port over a fresh PGlite data
 * folder (migrated, shipped dataset loaded, users created before the server opens), and Debian's headless
 * Chromium driven by playwright-core. Browser tests read the built app in dist/web (`npm run test:e2e`
 * builds it first).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { createUser } from "../src/auth/auth.service.ts";
import type { MemberRole } from "../src/core/domain.ts";
import { openDatabase } from "../src/db/connection.ts";
import { migrate } from "../src/db/migrate.ts";
import { organisations } from "../src/registry/registry.table.ts";
import { seedDatabase } from "../src/registry/seed.service.ts";
import { buildApp, WEB_DIST } from "../src/server/app.ts";

export interface TestUser {
  email: string;
  displayName: string;
  password: string;
  locale?: "ja" | "en";
  isSystemAdmin?: boolean;
  /** Memberships by local government code, e.g. { "010006": "staff" } for Hokkaido. */
  roles?: Record<string, MemberRole>;
}

export interface RunningPlatform {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts renkei on 127.0.0.1 with a port of its own, over a new temporary data folder. */
export async function startPlatform(users: TestUser[]): Promise<RunningPlatform> {
  if (!existsSync(join(WEB_DIST, "index.html"))) {
    throw new Error(`The web app is not built (${WEB_DIST} has no index.html): run \`npx vite build\` or \`npm run test:e2e\`.`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), "renkei-e2e-"));
  const database = await openDatabase({ dataDir: join(dataDir, "pglite") });
  await migrate(database);
  await seedDatabase(database);
  for (const user of users) {
    const memberships = [];
    for (const [code, role] of Object.entries(user.roles ?? {})) {
      const [org] = await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.localGovCode, code));
      if (!org) throw new Error(`No organisation with local government code ${code} in the shipped dataset.`);
      memberships.push({ orgId: org.id, role });
    }
    await createUser(database.db, {
      email: user.email,
      displayName: user.displayName,
      password: user.password,
      locale: user.locale ?? "ja",
      isSystemAdmin: user.isSystemAdmin ?? false,
      memberships,
    });
  }
  const app = await buildApp({ database, serveWeb: true });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Saves a full-page screenshot when RENKEI_E2E_SCREENSHOTS names a folder (for looking at the pages). */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = process.env.RENKEI_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page, for a test to expect none. */
  errors: string[];
}

/** A new browser context in `locale` (e.g. "ja-JP", "en-GB"), signed in through the web's own form. */
export async function signIn(browser: Browser, baseUrl: string, user: { email: string; password: string }, locale: string): Promise<SignedIn> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const ja = locale.startsWith("ja");
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(ja ? "メールアドレス" : "E-mail", { exact: true }).fill(user.email);
  await page.getByLabel(ja ? "パスワード" : "Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: ja ? "サインイン" : "Sign in", exact: true }).last().click();
  await page.getByRole("button", { name: ja ? "サインアウト" : "Sign out" }).waitFor();
  return { context, page, errors };
}

// The API reference at /docs in a real headless Chromium, against a running local API
// (CAMPAIGNS_API_URL; ./build.sh test points it at the API its smoke check runs): it renders the
// contract's title and every operation of docs/openapi.yaml, and loads nothing from any host but
// 127.0.0.1. CAMPAIGNS_CHROMIUM names the browser (default: chromium on PATH); with
// CAMPAIGNS_DOCS_SCREENSHOT set, the page is saved there at the end.
import assert from "node:assert/strict";
import { accessSync, constants, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, test } from "node:test";

const require = createRequire(new URL("../../tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const { parse } = require("yaml");

const METHODS = ["get", "put", "post", "delete", "patch"];
const contract = parse(readFileSync(new URL("../../docs/openapi.yaml", import.meta.url), "utf8"));
const operations = Object.values(contract.paths ?? {}).flatMap((item) =>
  METHODS.filter((method) => item[method]).map((method) => ({ method, ...item[method] })),
);

/** The Chromium to drive: CAMPAIGNS_CHROMIUM, else the first of the usual names on PATH. */
function chromiumPath() {
  if (process.env.CAMPAIGNS_CHROMIUM) return process.env.CAMPAIGNS_CHROMIUM;
  for (const name of ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]) {
    for (const dir of (process.env.PATH ?? "").split(":").filter(Boolean)) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not in this folder
      }
    }
  }
  throw new Error("no Chromium on PATH: apt-get install chromium (or set CAMPAIGNS_CHROMIUM)");
}

/** Every URL the page asked for that is neither this machine's loopback nor inline (data:, blob:). */
function outsideRequests(urls) {
  return urls.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return !["data:", "blob:", "about:"].includes(protocol) && hostname !== "127.0.0.1";
  });
}

/** The heading whose text is exactly TEXT (its accessible name also holds the anchor link's label). */
function headingReading(text) {
  const exact = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  return page.getByRole("heading").filter({ hasText: exact }).first();
}

/** The page's first-level heading, which names the API (Redoc adds the version). */
function titleHeading() {
  return page.getByRole("heading", { level: 1 }).filter({ hasText: contract.info.title }).first();
}

let browser;
let page;
const requested = [];
const violations = [];

before(async () => {
  const base = process.env.CAMPAIGNS_API_URL;
  assert.ok(base, "CAMPAIGNS_API_URL must name the running local API, e.g. http://127.0.0.1:3000");
  browser = await chromium.launch({ executablePath: chromiumPath() });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  // Requests the page's policy blocks are reported too, so an attempt to reach out is seen even
  // where the emulator's headers stop it.
  context.on("request", (request) => requested.push(request.url()));
  await context.exposeBinding("reportViolation", (_source, violation) => violations.push(violation));
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      window.reportViolation(`${e.effectiveDirective} blocked ${e.blockedURI}`),
    ),
  );
  page = await context.newPage();
  const response = await page.goto(new URL("/docs", base).href, { waitUntil: "networkidle" });
  assert.equal(response?.status(), 200, `GET /docs answered ${response?.status()}`);
});

after(async () => {
  if (page && process.env.CAMPAIGNS_DOCS_SCREENSHOT) {
    await page.getByRole("link", { name: contract.info.title, exact: true }).first().click();
    await titleHeading().waitFor({ state: "visible" });
    await page.screenshot({ path: process.env.CAMPAIGNS_DOCS_SCREENSHOT });
  }
  await browser?.close();
});

test("shows the contract's title", async () => {
  assert.equal(await page.title(), contract.info.title);
  await titleHeading().waitFor({ state: "visible" });
});

test("shows every operation of docs/openapi.yaml, each under its own anchor", async () => {
  assert.ok(operations.length > 0, "docs/openapi.yaml has no operations");
  const tags = [...new Set(operations.flatMap((op) => op.tags ?? []))];
  for (const tag of tags) {
    await page.getByRole("link", { name: tag, exact: true }).first().click();
  }
  const missing = [];
  for (const op of operations) {
    const entry = page.getByRole("link", { name: op.summary }).first();
    try {
      await entry.click({ timeout: 5_000 });
      await headingReading(op.summary).waitFor({ state: "visible", timeout: 5_000 });
    } catch {
      missing.push(`${op.operationId} ("${op.summary}")`);
      continue;
    }
    const anchor = decodeURIComponent(new URL(page.url()).hash).toLowerCase();
    if (!anchor.endsWith(`/${op.operationId.toLowerCase()}`)) missing.push(`${op.operationId} (at ${anchor})`);
  }
  assert.deepEqual(missing, [], `operations not shown: ${missing.join(", ")}`);
});

test("loads nothing from any host but 127.0.0.1", async () => {
  await page.waitForLoadState("networkidle");
  const outside = outsideRequests(requested);
  assert.deepEqual(outside, [], `the page asked other hosts for:\n  ${outside.join("\n  ")}`);
});

test("runs under the emulator's content security policy", () => {
  // Redoc's search probes eval for a worker and falls back to searching in the page without it.
  const unexpected = violations.filter((v) => v !== "script-src blocked eval");
  assert.deepEqual(unexpected, [], `the policy blocked:\n  ${unexpected.join("\n  ")}`);
});

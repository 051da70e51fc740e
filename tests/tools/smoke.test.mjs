// Tests of the smoke check (tools/smoke) against an in-process stand-in of the API that keeps the
// contract, and against versions of it broken one way each.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Unreachable, runChecks, smokeCampaign, smokeCode } from "../../tools/smoke/checks.mjs";
import { loadContract } from "../../tools/smoke/contract.mjs";
import { junit, percentile, summarize } from "../../tools/smoke/report.mjs";
import { UsageError, parseOptions } from "../../tools/smoke/smoke.mjs";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..", "..");
const SMOKE = join(ROOT, "tools", "smoke", "smoke.mjs");
const contract = loadContract(join(ROOT, "docs", "openapi.yaml"));
const TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzbW9rZSIsInNjb3BlIjoiY2FtcGFpZ25zL3dyaXRlIn0.x";

// The API as the contract describes it, in memory. faults: { getStatus, noNosniff, duplicate,
// deleteFailsOnce, badBody (a campaign read with a discount that is text), weakEtag (ETag W/"n"),
// servesWriter }.
function fakeApi(faults = {}) {
  const store = new Map();
  const today = new Date().toISOString().slice(0, 10);
  for (const code of ["AAA-1", "BBB-2", "CCC-3", "DDD-4", "EEE-5"]) {
    store.set(code, { ...smokeCampaign(code, today), status: "ACTIVE", id: randomUUID(), active: true, dateCreated: "2025-01-01T00:00:00Z", dateLastUpdated: "2025-01-01T00:00:00Z", version: 1 });
  }
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const url = new URL(req.url, "http://x");
      const write = req.method !== "GET";
      const send = (status, body, headers = {}, type = "application/problem+json") => {
        const base = faults.noNosniff ? {} : { "x-content-type-options": "nosniff" };
        if (write) base["cache-control"] = "no-store";
        res.writeHead(status, { ...base, ...(body === undefined ? {} : { "content-type": type }), ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const problem = (status, title, errors) => send(status, { type: `/problems/${status}`, title, status, detail: title, ...(errors ? { errors } : {}) });
      // servesWriter: every campaign served with its writer's e-mail address, as the API once did.
      const withWriter = (c) => (faults.servesWriter && c?.code ? { ...c, lastUpdatedBy: "ann@example.com" } : c);
      const json = (status, body, headers) => send(status, body?.items ? { ...body, items: body.items.map(withWriter) } : withWriter(body), headers, "application/json");
      const match = /^\/v1\.0\/campaigns(?:\/([^/]+))?$/.exec(url.pathname);
      if (!match) return json(404, { message: "Not Found" });
      if (write && !req.headers.authorization) return res.writeHead(401, { "content-type": "application/json" }).end('{"message":"Unauthorized"}');
      const code = match[1]?.toUpperCase();
      const live = code && store.get(code)?.status !== "DELETED" ? store.get(code) : undefined;
      const etag = (c) => (faults.weakEtag ? `W/"${c.version}"` : `"${c.version}"`);
      if (req.method === "GET" && !code) {
        const limit = url.searchParams.get("limit") ?? "50";
        if (!/^\d+$/.test(limit) || +limit < 1 || +limit > 100) return problem(400, "Validation failed", { limit: ["must be 1-100"] });
        const all = [...store.values()].filter((c) => c.status === "ACTIVE").sort((a, b) => (a.code < b.code ? -1 : 1));
        if (faults.stuckToken || (faults.emptyFirstPage && !url.searchParams.has("nextToken"))) return json(200, { items: [], nextToken: "0" });
        const start = Number(url.searchParams.get("nextToken") ?? 0);
        const items = all.slice(start, start + +limit);
        const next = start + +limit < all.length ? String(start + +limit) : null;
        if (faults.duplicate && start > 0) items[0] = all[start - 1];
        return json(200, { items, nextToken: next });
      }
      if (req.method === "GET") {
        if (faults.getStatus) return json(faults.getStatus, { message: "Internal Server Error" });
        if (!live) return problem(404, "Not found");
        if (req.headers["if-none-match"] === etag(live)) return send(304, undefined, { etag: etag(live) });
        return json(200, faults.badBody ? { ...live, discountPercentage: "ten" } : live, { etag: etag(live) });
      }
      if (req.method === "POST") {
        const body = JSON.parse(raw || "{}");
        if (!body.code) return problem(400, "Validation failed", { code: ["required"] });
        const c = body.code.toUpperCase();
        if (store.has(c)) return problem(409, "Conflict");
        const campaign = { ...body, code: c, status: body.status ?? "ACTIVE", id: randomUUID(), active: true, dateCreated: new Date().toISOString(), dateLastUpdated: new Date().toISOString(), version: 1 };
        store.set(c, campaign);
        return json(201, campaign, { etag: etag(campaign), location: `/v1.0/campaigns/${c}` });
      }
      if (!live) return problem(404, "Not found");
      const ifMatch = req.headers["if-match"];
      if (ifMatch && ifMatch !== etag(live)) return problem(412, "Precondition failed");
      if (req.method === "PUT") {
        const updated = { ...live, ...JSON.parse(raw), code, version: live.version + 1 };
        store.set(code, updated);
        return json(200, updated, { etag: etag(updated) });
      }
      if (faults.deleteFailsOnce && !faults.deleteFailed) {
        faults.deleteFailed = true;
        return json(500, { message: "Internal Server Error" });
      }
      store.set(code, { ...live, status: "DELETED" });
      return send(204);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ base: `http://127.0.0.1:${server.address().port}`, store, close: () => new Promise((r) => server.close(r)) })),
  );
}

async function withApi(faults, body) {
  const api = await fakeApi(faults);
  try {
    return await body(api);
  } finally {
    await api.close();
  }
}

const run = (api, options = {}) => runChecks(api.base, { contract, token: TOKEN, pageSize: 2, timeoutMs: 5000, ...options });
const failures = ({ checks }) => checks.filter((c) => !c.ok);

describe("smoke checks", () => {
  test("pass against an API that keeps the contract, paging to the end and deleting what they made", () =>
    withApi({}, async (api) => {
      const result = await run(api);
      assert.deepEqual(failures(result), []);
      assert.deepEqual(
        result.checks.filter((c) => c.name.startsWith("list page")).map((c) => c.name),
        ["list page 1 (limit 2)", "list page 2 (limit 2)", "list page 3 (limit 2)"],
      );
      assert.ok(result.checks.some((c) => /-> 304$/.test(c.name) && c.status === 304));
      assert.ok(result.checks.some((c) => /-> 412$/.test(c.name) && c.status === 412));
      assert.ok(result.checks.some((c) => /again -> 409$/.test(c.name) && c.status === 409));
      const made = [...api.store.values()].filter((c) => c.code.startsWith("SMOKE-"));
      assert.equal(made.length, 1);
      assert.equal(made[0].status, "DELETED");
      assert.ok(result.checks.every((c) => Number.isInteger(c.latencyMs)));
    }));

  test("skip the write lifecycle without a token or with --read-only, and say so", () =>
    withApi({}, async (api) => {
      assert.deepEqual((await run(api, { token: undefined })).skipped, ["write lifecycle: no token (--token or --token-command)"]);
      const readOnly = await run(api, { readOnly: true });
      assert.deepEqual(readOnly.skipped, ["write lifecycle: --read-only"]);
      assert.ok(![...api.store.keys()].some((code) => code.startsWith("SMOKE-")));
    }));

  test("a get that answers 500 fails with a clear reason, and the campaign is still deleted", () =>
    withApi({ getStatus: 500 }, async (api) => {
      const failed = failures(await run(api));
      assert.ok(failed.length >= 1);
      assert.match(failed[0].name, /^get a missing campaign -> 404$/);
      assert.equal(failed[0].reason, "expected 404, got 500 (Internal Server Error)");
      assert.ok([...api.store.values()].filter((c) => c.code.startsWith("SMOKE-")).every((c) => c.status === "DELETED"));
    }));

  test("a failed delete is retried at the end, so nothing is left behind", () =>
    withApi({ deleteFailsOnce: true }, async (api) => {
      const result = await run(api);
      assert.deepEqual(
        failures(result).map((c) => c.name.replace(/SMOKE-\S+/, "SMOKE")),
        ["delete SMOKE -> 204", "get SMOKE after delete -> 404"],
      );
      assert.match(result.checks.at(-1).name, /^clean up SMOKE-/);
      assert.equal(result.checks.at(-1).ok, true);
      assert.ok([...api.store.values()].filter((c) => c.code.startsWith("SMOKE-")).every((c) => c.status === "DELETED"));
    }));

  test("a response without x-content-type-options: nosniff fails", () =>
    withApi({ noNosniff: true }, async (api) => {
      const failed = failures(await run(api, { token: undefined }));
      assert.ok(failed.length > 0);
      assert.match(failed[0].reason, /x-content-type-options is null, not "nosniff"/);
      // The authorizer's own 401s are API Gateway's, without the function's headers.
      assert.ok(!failed.some((c) => c.status === 401));
    }));

  // The right status is not enough: the body and the headers must be what docs/openapi.yaml says.
  test("a read with the right status and a body that breaks the schema fails", () =>
    withApi({ badBody: true }, async (api) => {
      const failed = failures(await run(api));
      assert.ok(failed.length > 0);
      assert.equal(failed[0].status, 200);
      assert.match(failed[0].name, /^get SMOKE-\S+ -> 200$/);
      assert.match(failed[0].reason, /^not as docs\/openapi\.yaml says: .*discountPercentage.*must be number/);
    }));

  test("a read with the right status and a header that breaks the schema fails", () =>
    withApi({ weakEtag: true }, async (api) => {
      const failed = failures(await run(api));
      assert.ok(failed.length > 0);
      assert.equal(failed[0].status, 201);
      assert.match(failed[0].reason, /^not as docs\/openapi\.yaml says: header ETag/);
    }));

  test("a campaign served with its writer fails, on the list and on a create: by the contract", () =>
    withApi({ servesWriter: true }, async (api) => {
      const failed = failures(await run(api)).map((c) => [c.name.replace(/SMOKE-\S+/, "SMOKE"), /additional properties \(lastUpdatedBy\)/.test(c.reason)]);
      assert.deepEqual(failed, [["list page 1 (limit 2)", true], ["create SMOKE -> 201", true]]);
    }));

  test("a campaign served with its writer fails even where the contract would allow it", () =>
    withApi({ servesWriter: true }, async (api) => {
      const text = readFileSync(join(ROOT, "docs", "openapi.yaml"), "utf8");
      const last = "        dateLastUpdated: { type: string, format: date-time }\n";
      assert.equal(text.split(last).length, 2, "the Campaign schema's dateLastUpdated line, once");
      const dir = mkdtempSync(join(tmpdir(), "smoke-contract-"));
      try {
        writeFileSync(join(dir, "openapi.yaml"), text.replace(last, `${last}        lastUpdatedBy: { type: string }\n`));
        const failed = failures(await run(api, { contract: loadContract(join(dir, "openapi.yaml")) }));
        assert.deepEqual(failed.map((c) => c.name.replace(/SMOKE-\S+/, "SMOKE")), ["list page 1 (limit 2)", "create SMOKE -> 201"]);
        assert.equal(failed[0].reason, "AAA-1 is served with lastUpdatedBy, the writer's identity");
        assert.match(failed[1].reason, /^SMOKE-\S+ is served with lastUpdatedBy, the writer's identity$/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }));

  test("a code listed on two pages fails", () =>
    withApi({ duplicate: true }, async (api) => {
      const failed = failures(await run(api, { token: undefined }));
      assert.equal(failed[0].name, "list page 2 (limit 2)");
      assert.equal(failed[0].reason, "BBB-2 listed twice");
    }));

  test("a short page, even an empty one, with a nextToken passes: paging goes on to the end", () =>
    withApi({ emptyFirstPage: true }, async (api) => {
      const result = await run(api, { token: undefined });
      assert.deepEqual(failures(result), []);
      assert.equal(result.checks.filter((c) => c.name.startsWith("list page")).length, 4);
    }));

  test("a nextToken that does not move on fails", () =>
    withApi({ stuckToken: true }, async (api) => {
      const failed = failures(await run(api, { token: undefined }));
      assert.equal(failed[0].name, "list page 2 (limit 2)");
      assert.equal(failed[0].reason, "the same nextToken again: the list would never end");
    }));

  test("an unreachable API stops the run", async () => {
    const api = await fakeApi();
    await api.close();
    await assert.rejects(run(api), (error) => error instanceof Unreachable && /cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/.test(error.message));
  });
});

describe("contract", () => {
  const campaign = JSON.stringify({ ...smokeCampaign("ABC"), id: randomUUID(), active: true, dateCreated: "2025-01-01T00:00:00Z", dateLastUpdated: "2025-01-01T00:00:00Z", version: 1 });
  test("accepts a documented response", () => {
    assert.deepEqual(contract.validate("getCampaign", { status: 200, headers: { etag: '"1"' }, contentType: "application/json; charset=utf-8", bodyText: campaign }), []);
  });
  test("names an undocumented status, a wrong content type, a bad header and a bad body", () => {
    assert.match(contract.validate("deleteCampaign", { status: 502, headers: {}, contentType: "application/json", bodyText: "{}" })[0], /status 502 is not documented for deleteCampaign/);
    assert.match(contract.validate("getCampaign", { status: 404, headers: {}, contentType: "application/json", bodyText: "{}" })[0], /is not application\/problem\+json/);
    assert.match(contract.validate("getCampaign", { status: 304, headers: { etag: 'W/"1"' }, contentType: "", bodyText: "" })[0], /header ETag/);
    assert.match(contract.validate("getCampaign", { status: 200, headers: {}, contentType: "application/json", bodyText: '{"code":"x"}' })[0], /must have required property/);
    assert.match(contract.validate("deleteCampaign", { status: 204, headers: {}, contentType: "", bodyText: "x" })[0], /a body where none is documented/);
    const withWriter = JSON.stringify({ ...JSON.parse(campaign), lastUpdatedBy: "ann@example.com" });
    assert.match(contract.validate("getCampaign", { status: 200, headers: { etag: '"1"' }, contentType: "application/json", bodyText: withWriter })[0], /additional propert/);
  });
  test("smoke codes match the contract's code pattern", () => {
    const pattern = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;
    assert.match(smokeCode(), pattern);
    assert.match(smokeCode(8.64e15, Buffer.from([255, 255, 255])), pattern);
  });
});

describe("report and options", () => {
  test("p50 is the nearest-rank median", () => {
    assert.equal(percentile([5, 1, 9, 3], 50), 3);
    assert.equal(percentile([7], 50), 7);
    assert.equal(percentile([], 50), null);
    const s = summarize("u", [{ ok: true, latencyMs: 4 }, { ok: false, latencyMs: 10 }, { ok: true, latencyMs: null }], []);
    assert.deepEqual([s.ok, s.passed, s.failed, s.p50Ms, s.maxMs], [false, 2, 1, 4, 10]);
  });
  test("JUnit has a case per check, failures with their reason, escaped", () => {
    const xml = junit("smoke", [{ name: "a <b>", ok: true, latencyMs: 12 }, { name: "c", ok: false, latencyMs: 3, reason: 'got "500" & more' }], ["writes", "write lifecycle: no token (--token)"]);
    assert.match(xml, /<testcase classname="smoke" name="a &lt;b&gt;" time="0.012"\/>/);
    assert.match(xml, /<failure message="got &quot;500&quot; &amp; more"\/>/);
    assert.match(xml, /name="writes">\n {6}<skipped\/>/);
    assert.match(xml, /name="write lifecycle">\n {6}<skipped message="no token \(--token\)"\/>/);
  });
  test("usage errors", () => {
    for (const [argv, message] of [
      [[], /--url is required/],
      [["--url", "ftp://x"], /must be http or https/],
      [["--url", "http://x", "--token", "a", "--token-command", "b"], /exclude each other/],
      [["--url", "http://x", "--page-size", "0"], /--page-size must be/],
      [["--url", "http://x", "--nope"], /Unknown option/],
    ]) {
      assert.throws(() => parseOptions(argv), (error) => error instanceof UsageError && message.test(error.message));
    }
    assert.equal(parseOptions(["--url", "https://api.example.com/"]).base, "https://api.example.com");
  });
  test("the command: lines, summary, --json, --token-command, exit statuses", () =>
    withApi({}, async (api) => {
      const cli = (...args) => new Promise((resolve) => {
        // Asynchronously, so the stand-in API in this process keeps answering.
        import("node:child_process").then(({ execFile }) =>
          execFile(process.execPath, [SMOKE, ...args], (error, stdout, stderr) => resolve({ status: error ? error.code : 0, stdout, stderr })),
        );
      });
      const text = await cli("--url", api.base, "--token-command", `echo ${TOKEN}`);
      assert.equal(text.status, 0, text.stdout + text.stderr);
      assert.match(text.stdout, /^PASS {2}200 +\d+ ms {2}list page 1 \(limit 25\)$/m);
      assert.match(text.stdout, /^smoke passed: 14 passed, 0 failed, 0 skipped; latency p50 \d+ ms, max \d+ ms \(http:\/\/127\.0\.0\.1:\d+\)$/m);
      const json = JSON.parse((await cli("--url", api.base, "--json", "--read-only")).stdout);
      assert.equal(json.ok, true);
      assert.deepEqual(Object.keys(json.checks[0]), ["name", "ok", "status", "latencyMs", "reason"]);
      assert.deepEqual(json.summary.skipped, ["write lifecycle: --read-only"]);
      assert.equal((await cli("--url", api.base, "--token-command", "exit 3")).status, 1);
      assert.equal(spawnSync(process.execPath, [SMOKE, "--bogus"]).status, 2);
    }));
  test("an unreachable URL is one line and exit status 1", async () => {
    const api = await fakeApi();
    await api.close();
    const result = spawnSync(process.execPath, [SMOKE, "--url", api.base], { encoding: "utf8" });
    assert.equal(result.status, 1);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, /^smoke: cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED\n$/);
  });
});

// The smoke checks: each one HTTP request, its expected status, the contract (docs/openapi.yaml)
// for that operation, the security headers, and what the step itself must show.
import { randomBytes, randomUUID } from "node:crypto";
import { snippet } from "./contract.mjs";

/** The base URL cannot be reached at all (DNS, refused connection, TLS): the run stops. */
export class Unreachable extends Error {}

class CheckFailed extends Error {}

const fail = (reason) => {
  throw new CheckFailed(reason);
};

/** SMOKE-<time, base 36>-<random>: 19 characters, within ^[A-Z0-9][A-Z0-9_-]{2,31}$. */
export function smokeCode(now = Date.now(), random = randomBytes(3)) {
  return `SMOKE-${now.toString(36).toUpperCase()}-${random.toString("hex").toUpperCase().slice(0, 4)}`;
}

/** A campaign body the API accepts; DRAFT, so it never shows in the public list. */
export function smokeCampaign(code, today = new Date().toISOString().slice(0, 10)) {
  return {
    code,
    description: "Smoke check campaign; deleted by the same run",
    discountPercentage: 1,
    productId: randomUUID(),
    termsConditionsLink: "https://example.com/smoke-terms",
    fromDate: today,
    toDate: today,
    status: "DRAFT",
  };
}

/** One HTTP call: status, lower-case headers, body text, parsed JSON when there is any, latency. */
export async function call(base, { method = "GET", path, headers = {}, body, timeoutMs }) {
  const started = performance.now();
  let response;
  let text;
  try {
    response = await fetch(base + path, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    if (error.name === "TimeoutError") fail(`no answer within ${timeoutMs} ms`);
    const cause = error.cause?.code ?? error.cause?.message ?? error.message;
    throw new Unreachable(`cannot reach ${base}: ${cause}`);
  }
  const latencyMs = Math.round(performance.now() - started);
  const headersOut = Object.fromEntries([...response.headers].map(([k, v]) => [k.toLowerCase(), v]));
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: headersOut, contentType: headersOut["content-type"], bodyText: text, json, latencyMs };
}

// Why a response is not the one expected, in one line: the status and what the body said.
function unexpected(response, expected) {
  const said = response.json?.detail ?? response.json?.title ?? response.json?.message ?? snippet(response.bodyText, 80);
  return `expected ${expected}, got ${response.status}${said ? ` (${said})` : ""}`;
}

/** Reads are public: a campaign served with its writer (lastUpdatedBy, once an e-mail address) fails. */
function noWriter(campaign) {
  if ("lastUpdatedBy" in campaign) fail(`${campaign.code} is served with lastUpdatedBy, the writer's identity`);
}

/**
 * Runs every check against base and returns { checks, skipped }. Each check: { name, ok, status,
 * latencyMs, reason }. options: { contract, token, readOnly, pageSize, maxPages, timeoutMs, onCheck }.
 */
export async function runChecks(base, options) {
  const { contract, token, readOnly = false, pageSize = 25, maxPages = 200, timeoutMs = 10000, onCheck = () => {} } = options;
  const checks = [];
  const skipped = [];

  // One request, judged: expected status, the contract, security headers, then the step's own test.
  async function check(name, operationId, request, expected, { write = false, gateway = false, then } = {}) {
    let response;
    let result;
    try {
      response = await call(base, { ...request, timeoutMs });
      if (response.status !== expected) fail(unexpected(response, expected));
      const problems = contract.validate(operationId, response);
      if (problems.length > 0) fail(`not as docs/openapi.yaml says: ${problems.join("; ")}`);
      // API Gateway's own answers (401 from the authorizer) carry none of the function's headers.
      if (!gateway) {
        if (response.headers["x-content-type-options"] !== "nosniff") fail(`x-content-type-options is ${JSON.stringify(response.headers["x-content-type-options"] ?? null)}, not "nosniff"`);
        if (write && !/(^|,)\s*no-store\s*(,|$)/i.test(response.headers["cache-control"] ?? "")) {
          fail(`cache-control is ${JSON.stringify(response.headers["cache-control"] ?? null)} on a write, not no-store`);
        }
      }
      if (then) then(response);
      result = { name, ok: true, status: response.status, latencyMs: response.latencyMs, reason: null };
    } catch (error) {
      if (!(error instanceof CheckFailed)) throw error;
      result = { name, ok: false, status: response?.status ?? null, latencyMs: response?.latencyMs ?? null, reason: error.message };
    }
    checks.push(result);
    onCheck(result);
    return result.ok ? response : null;
  }

  const missing = `SMOKE-MISSING-${randomBytes(3).toString("hex").toUpperCase()}`;
  const today = new Date().toISOString().slice(0, 10);

  // Reads: the whole list page by page, a missing campaign, a bad limit.
  let nextToken = null;
  let previous = null;
  const seen = new Set();
  for (let page = 1; page <= maxPages; page++) {
    const query = `?limit=${pageSize}${nextToken === null ? "" : `&nextToken=${encodeURIComponent(nextToken)}`}`;
    const response = await check(`list page ${page} (limit ${pageSize})`, "listCampaigns", { path: `/v1.0/campaigns${query}` }, 200, {
      then: ({ json }) => {
        if (json.items.length > pageSize) fail(`${json.items.length} items on a page of ${pageSize}`);
        for (const item of json.items) {
          if (seen.has(item.code)) fail(`${item.code} listed twice`);
          if (previous !== null && item.code < previous) fail(`${item.code} listed after ${previous}: not ordered by code`);
          if (item.status !== "ACTIVE") fail(`${item.code} is ${item.status}; the list holds ACTIVE campaigns only`);
          if (item.toDate < today) fail(`${item.code} ended on ${item.toDate}; the list holds current campaigns only`);
          noWriter(item);
          seen.add(item.code);
          previous = item.code;
        }
        // A page may be short, even empty, with a nextToken (a page's reads are bounded: see
        // docs/architecture.md); a nextToken that does not move on would never end.
        if (json.nextToken !== null && json.nextToken === nextToken) fail("the same nextToken again: the list would never end");
      },
    });
    if (!response) break;
    nextToken = response.json.nextToken;
    if (nextToken === null) break;
    if (page === maxPages) {
      checks.push({ name: "list ends", ok: false, status: null, latencyMs: null, reason: `still a nextToken after ${maxPages} pages` });
      onCheck(checks.at(-1));
    }
  }
  await check("get a missing campaign -> 404", "getCampaign", { path: `/v1.0/campaigns/${missing}` }, 404);
  await check("list with limit=0 -> 400", "listCampaigns", { path: "/v1.0/campaigns?limit=0" }, 400, {
    then: ({ json }) => {
      if (!json.errors?.limit) fail(`the problem does not name limit (errors: ${JSON.stringify(json.errors ?? null)})`);
    },
  });

  // Writes without a token: the authorizer must refuse each route. The bodies are ones the
  // functions would refuse too, so a missing authorizer changes nothing.
  await check("create without a token -> 401", "createCampaign", { method: "POST", path: "/v1.0/campaigns", body: {} }, 401, { gateway: true });
  await check("update without a token -> 401", "updateCampaign", { method: "PUT", path: `/v1.0/campaigns/${missing}`, body: {} }, 401, { gateway: true });
  await check("delete without a token -> 401", "deleteCampaign", { method: "DELETE", path: `/v1.0/campaigns/${missing}` }, 401, { gateway: true });

  if (readOnly) {
    skipped.push("write lifecycle: --read-only");
    return { checks, skipped };
  }
  if (!token) {
    skipped.push("write lifecycle: no token (--token or --token-command)");
    return { checks, skipped };
  }

  // The write lifecycle of one campaign of its own, always deleted in the end.
  const auth = { authorization: `Bearer ${token}` };
  const code = smokeCode();
  const path = `/v1.0/campaigns/${code}`;
  const campaign = smokeCampaign(code, today);
  const createName = `create ${code} -> 201`;
  let deleted = false;
  try {
    const create = await check(createName, "createCampaign", { method: "POST", path: "/v1.0/campaigns", headers: auth, body: campaign }, 201, {
      write: true,
      then: ({ headers, json }) => {
        if (!(headers.location ?? "").endsWith(path)) fail(`location is ${JSON.stringify(headers.location ?? null)}, not ...${path}`);
        if (headers.etag !== '"1"') fail(`etag is ${JSON.stringify(headers.etag ?? null)}, not "1"`);
        if (json.code !== code || json.version !== 1 || json.status !== "DRAFT") fail(`the campaign came back as ${json.code} v${json.version} ${json.status}`);
        noWriter(json);
      },
    });
    if (!create) return { checks, skipped };

    await check(`get ${code} -> 200`, "getCampaign", { path }, 200, {
      then: ({ headers, json }) => {
        if (headers.etag !== '"1"') fail(`etag is ${JSON.stringify(headers.etag ?? null)}, not "1"`);
        if (json.id !== create.json.id || json.description !== campaign.description) fail("it is not the campaign just created");
        noWriter(json);
      },
    });
    await check(`get ${code} with If-None-Match -> 304`, "getCampaign", { path, headers: { "if-none-match": '"1"' } }, 304);
    await check(`update ${code} with If-Match -> 200`, "updateCampaign", { method: "PUT", path, headers: { ...auth, "if-match": '"1"' }, body: { ...campaign, discountPercentage: 2 } }, 200, {
      write: true,
      then: ({ headers, json }) => {
        if (json.version !== 2 || json.discountPercentage !== 2) fail(`came back as v${json.version} with ${json.discountPercentage}%`);
        if (headers.etag !== '"2"') fail(`etag is ${JSON.stringify(headers.etag ?? null)}, not "2"`);
      },
    });
    await check(`update ${code} with a stale If-Match -> 412`, "updateCampaign", { method: "PUT", path, headers: { ...auth, "if-match": '"1"' }, body: campaign }, 412, { write: true });
    const remove = await check(`delete ${code} -> 204`, "deleteCampaign", { method: "DELETE", path, headers: auth }, 204, { write: true });
    deleted = remove !== null;
    await check(`get ${code} after delete -> 404`, "getCampaign", { path }, 404);
    await check(`create ${code} again -> 409`, "createCampaign", { method: "POST", path: "/v1.0/campaigns", headers: auth, body: campaign }, 409, { write: true });
  } finally {
    // Whatever failed above, leave nothing behind.
    if (!deleted) {
      try {
        const response = await call(base, { method: "DELETE", path, headers: auth, timeoutMs });
        // A create that was not answered 201 may have stored nothing: then 404 is fine too.
        const created = checks.find((c) => c.name === createName)?.status === 201;
        const ok = response.status === 204 || (!created && response.status === 404);
        const result = { name: `clean up ${code}`, ok, status: response.status, latencyMs: response.latencyMs, reason: ok ? null : unexpected(response, 204) };
        checks.push(result);
        onCheck(result);
      } catch (error) {
        const result = { name: `clean up ${code}`, ok: false, status: null, latencyMs: null, reason: `${error.message}; delete it by hand` };
        checks.push(result);
        onCheck(result);
      }
    }
  }
  return { checks, skipped };
}

#!/usr/bin/env node
// ./build.sh smoke: a contract smoke check of a running Campaigns API (local or behind API Gateway),
// over plain HTTP. Exit status 0 when every check passed, 1 when one failed or the API cannot be
// reached, 2 for a usage error.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Unreachable, runChecks } from "./checks.mjs";
import { loadContract } from "./contract.mjs";
import { formatCheck, formatSkipped, formatSummary, junit, summarize } from "./report.mjs";

const OPENAPI = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "openapi.yaml");

export const USAGE = `Usage: ./build.sh smoke --url BASE [--token JWT | --token-command CMD] [--read-only] [--json] [--junit FILE]

A contract smoke check of a running API: the local one (./build.sh serve) or a deployed stage behind
API Gateway, over HTTP only. Reads: the list followed page by page to its end, a missing campaign
(404), a bad limit (400), each write without a token (401). With a token, the write lifecycle of a
campaign of its own (SMOKE-<time>-<random>, DRAFT): create, get, 304 with If-None-Match, update with
If-Match, 412 on a stale one, delete, 404 after it, 409 on reusing the code; it is deleted even when
a check fails. Every response is validated against docs/openapi.yaml (status, content type, headers,
body) and must carry the security headers (x-content-type-options: nosniff; cache-control: no-store
on writes). Prints a line per check with its latency and a summary (p50, max); exit status 0 when
all passed, 1 otherwise, 2 for a usage error.

  --url BASE            the API's base URL, e.g. http://127.0.0.1:3000 or https://api.dev.example.com
  --token JWT           a bearer token for the write lifecycle
  --token-command CMD   a shell command whose standard output is the token (keeps it off the command line)
  --read-only           only the reads and the 401s, even with a token
  --json                print one JSON document (checks with name, ok, status, latencyMs, reason; summary)
  --junit FILE          also write the checks as JUnit XML to FILE
  --page-size N         the list's limit while paging (1-100, default 25)
  --timeout-ms N        per request (default 10000)
  --openapi FILE        the contract (default docs/openapi.yaml)`;

export class UsageError extends Error {}

/** The options, or a UsageError saying what is wrong with them. */
export function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: "string" },
        token: { type: "string" },
        "token-command": { type: "string" },
        "read-only": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        junit: { type: "string" },
        "page-size": { type: "string", default: "25" },
        "timeout-ms": { type: "string", default: "10000" },
        openapi: { type: "string", default: OPENAPI },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (parsed.help) return { help: true };
  if (!parsed.url) throw new UsageError("--url is required");
  let url;
  try {
    url = new URL(parsed.url);
  } catch {
    throw new UsageError(`--url is not a URL: ${parsed.url}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--url must be http or https: ${parsed.url}`);
  if (url.search || url.hash) throw new UsageError(`--url takes no query or fragment: ${parsed.url}`);
  if (parsed.token !== undefined && parsed["token-command"] !== undefined) throw new UsageError("--token and --token-command exclude each other");
  if (parsed.token === "") throw new UsageError("--token is empty");
  const integer = (name, min, max) => {
    const value = parsed[name];
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not ${value}`);
    return Number(value);
  };
  return {
    help: false,
    base: url.href.replace(/\/+$/, ""),
    token: parsed.token,
    tokenCommand: parsed["token-command"],
    readOnly: parsed["read-only"],
    json: parsed.json,
    junit: parsed.junit,
    pageSize: integer("page-size", 1, 100),
    timeoutMs: integer("timeout-ms", 1, 600000),
    openapi: parsed.openapi,
  };
}

/** The token a --token-command prints (its first line, trimmed); an Error saying why there is none. */
export function runTokenCommand(command) {
  let out;
  try {
    out = execFileSync("/bin/sh", ["-c", command], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 60000 });
  } catch (error) {
    throw new Error(`--token-command failed (${error.status === null ? error.signal ?? error.code : `exit ${error.status}`})`);
  }
  const token = out.trim().split("\n")[0].trim();
  if (!token) throw new Error("--token-command printed no token");
  return token;
}

async function main(argv) {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`smoke: ${error.message}`);
    console.error(USAGE.split("\n")[0]);
    console.error("(./build.sh smoke --help for every option)");
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  let token = options.token;
  if (options.tokenCommand !== undefined && !options.readOnly) {
    try {
      token = runTokenCommand(options.tokenCommand);
    } catch (error) {
      console.error(`smoke: ${error.message}`);
      return 1;
    }
  }

  let contract;
  try {
    contract = loadContract(options.openapi);
  } catch (error) {
    console.error(`smoke: cannot load the contract ${options.openapi}: ${error.message}`);
    return 1;
  }

  const print = options.json ? () => {} : (line) => console.log(line);
  // Collected as they finish, so an API that stops answering midway still leaves what ran.
  const checks = [];
  let skipped = [];
  let error = null;
  try {
    ({ skipped } = await runChecks(options.base, {
      contract,
      token,
      readOnly: options.readOnly,
      pageSize: options.pageSize,
      timeoutMs: options.timeoutMs,
      onCheck: (check) => {
        checks.push(check);
        print(formatCheck(check));
      },
    }));
  } catch (thrown) {
    if (!(thrown instanceof Unreachable)) throw thrown;
    error = thrown.message;
  }
  const summary = summarize(options.base, checks, skipped);
  if (error) summary.ok = false;

  if (options.junit) writeFileSync(options.junit, junit("smoke", error ? [...checks, { name: "reach the API", ok: false, latencyMs: null, reason: error }] : checks, skipped));
  if (options.json) {
    console.log(JSON.stringify({ ok: summary.ok, error, checks, summary }, null, 2));
  } else if (error) {
    console.error(`smoke: ${error}`);
  } else {
    for (const what of skipped) print(formatSkipped(what));
    print(formatSummary(summary));
  }
  return summary.ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}

// The ops scripts, run for real against stand-ins for the AWS CLI and curl that record their
// arguments and answer like the real ones; and --dry-run with no AWS CLI on PATH at all.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { createRequire } from "node:module";
import { repoRoot } from "./lib/tree.mjs";

const scripts = path.join(repoRoot, "terraform/scripts");
const functionKeys = Object.keys(JSON.parse(readFileSync(path.join(repoRoot, "functions/functions.json"), "utf8")));

// Every folder a test made, removed once the file's tests are done.
const made = [];
const tempDir = (prefix) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// A PATH holding only the tools the scripts may use, plus the given stand-ins.
function sandbox(stubs = {}) {
  const dir = tempDir("campaigns-scripts-");
  const bin = path.join(dir, "bin");
  mkdirSync(bin);
  for (const tool of ["bash", "jq", "sed", "awk", "head", "tail", "tr", "cut", "date", "mktemp", "rm", "seq", "sha256sum", "dirname", "basename", "cat", "sleep", "find", "mkdir", "tee"]) {
    const found = spawnSync("bash", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (found) writeFileSync(path.join(bin, tool), `#!/bin/sh\nexec ${found} "$@"\n`, { mode: 0o755 });
  }
  for (const [name, body] of Object.entries(stubs)) {
    writeFileSync(path.join(bin, name), body, { mode: 0o755 });
    chmodSync(path.join(bin, name), 0o755);
  }
  const env = { PATH: bin, HOME: dir, LOG: path.join(dir, "calls.log"), STATE: dir };
  return { dir, env, calls: () => readFileSync(env.LOG, "utf8").trim().split("\n") };
}

// A live alias as the AWS CLI stand-in keeps it (tests/policy/lib/fake-aws.sh).
function writeAlias(box, name, alias) {
  mkdirSync(path.join(box.dir, "aliases"), { recursive: true });
  writeFileSync(path.join(box.dir, "aliases", `${name}.json`), JSON.stringify({ Name: "live", ...alias }));
}

function readAlias(box, name) {
  const file = path.join(box.dir, "aliases", `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : { Name: "live", FunctionVersion: "5" };
}

function runScript(script, args, env) {
  // Generous: a 5-minute canary is some 30 looks, each a few processes, on a machine that may be busy.
  return spawnSync(path.join(scripts, script), args, { cwd: repoRoot, env, encoding: "utf8", timeout: 180_000 });
}

// The AWS CLI stand-in (see its header): aliases on version 5 unless a test or a call moved them,
// alarms OK unless a test's scenario fires them.
const awsStub = readFileSync(path.join(repoRoot, "tests/policy/lib/fake-aws.sh"), "utf8");
const curlStub = `#!/bin/bash
echo "curl $*" >>"$LOG"
printf 200
`;

describe("rollback.sh", () => {
  it("moves live to the highest version below the current one", () => {
    const box = sandbox({ aws: awsStub });
    const result = runScript("rollback.sh", ["dev", "get_campaign"], box.env);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /campaigns-dev-get_campaign: live 5 -> 4 \(Campaigns at 0123abc\)/);
    assert.ok(box.calls().includes('aws --region eu-west-1 lambda update-alias --function-name campaigns-dev-get_campaign --name live --function-version 4 --routing-config {"AdditionalVersionWeights":{}} --query [Name,FunctionVersion] --output text'));
  });

  it("rolls every function of prod back in af-south-1 with --all", () => {
    const box = sandbox({ aws: awsStub });
    const result = runScript("rollback.sh", ["prod", "--all"], box.env);
    assert.equal(result.status, 0, result.stderr);
    const updates = box.calls().filter((call) => call.includes("update-alias"));
    assert.deepEqual(updates.map((call) => call.match(/function-name (\S+)/)[1]), functionKeys.map((key) => `campaigns-prod-${key}`));
    assert.ok(updates.every((call) => call.startsWith("aws --region af-south-1 ") && call.includes("--function-version 4")));
  });

  it("--dry-run prints the calls and runs nothing, without an AWS CLI", () => {
    const box = sandbox();
    const result = runScript("rollback.sh", ["sit", "update_campaign", "--to", "3", "--dry-run"], box.env);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^\+ aws --region eu-west-1 lambda update-alias --function-name campaigns-sit-update_campaign --name live --function-version 3 /m);
  });

  it("--from puts every recorded live alias back and leaves the functions that did not exist alone", () => {
    const box = sandbox({ aws: awsStub });
    const record = path.join(box.dir, "live-before.json");
    writeFileSync(record, JSON.stringify({ list_campaigns: "3", get_campaign: "5", create_campaign: null, update_campaign: "2", delete_campaign: "4" }));
    const result = runScript("rollback.sh", ["dev", "--from", record], box.env);
    assert.equal(result.status, 0, result.stderr);
    const updates = box.calls().filter((call) => call.includes("update-alias")).map((call) => call.match(/function-name (\S+) --name live --function-version (\d+)/).slice(1).join("@"));
    // get_campaign is already on 5, create_campaign was new: neither is touched.
    assert.deepEqual(updates, ["campaigns-dev-list_campaigns@3", "campaigns-dev-update_campaign@2", "campaigns-dev-delete_campaign@4"]);
  });

  it("drops a canary: live keeps its version with all of the traffic, also with --from a record of that version", () => {
    const box = sandbox({ aws: awsStub });
    const canary = { FunctionVersion: "7", RoutingConfig: { AdditionalVersionWeights: { 8: 0.1 } } };
    writeAlias(box, "campaigns-prod-get_campaign", canary);
    writeAlias(box, "campaigns-prod-list_campaigns", canary);
    const result = runScript("rollback.sh", ["prod", "get_campaign"], box.env);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /campaigns-prod-get_campaign: live 7 \(10% on 8\) -> 7 /);
    assert.deepEqual(readAlias(box, "campaigns-prod-get_campaign"), { Name: "live", FunctionVersion: "7" });
    const record = path.join(box.dir, "live-before.json");
    writeFileSync(record, JSON.stringify({ list_campaigns: "7" }));
    assert.equal(runScript("rollback.sh", ["prod", "--from", record], box.env).status, 0);
    assert.deepEqual(readAlias(box, "campaigns-prod-list_campaigns"), { Name: "live", FunctionVersion: "7" });
  });

  it("--from refuses a file that is not a record, and function names beside it", () => {
    const box = sandbox({ aws: awsStub });
    const record = path.join(box.dir, "live-before.json");
    writeFileSync(record, JSON.stringify({ get_campaign: "latest" }));
    assert.notEqual(runScript("rollback.sh", ["dev", "--from", record], box.env).status, 0);
    writeFileSync(record, JSON.stringify({ get_campaign: "3" }));
    assert.notEqual(runScript("rollback.sh", ["dev", "get_campaign", "--from", record], box.env).status, 0);
  });

  it("refuses an unknown function and --to with --all", () => {
    const box = sandbox({ aws: awsStub });
    assert.notEqual(runScript("rollback.sh", ["dev", "drop_tables"], box.env).status, 0);
    assert.notEqual(runScript("rollback.sh", ["dev", "--all", "--to", "3"], box.env).status, 0);
  });
});

describe("live-versions.sh", () => {
  it("records each function's live version, null for one that does not exist yet", () => {
    const stub = `#!/bin/bash
echo "aws $*" >>"$LOG"
case " $* " in
  *" --function-name campaigns-prod-create_campaign "*) echo "An error occurred (ResourceNotFoundException) when calling the GetAlias operation" >&2; exit 254 ;;
  *" lambda get-alias "*) echo 7 ;;
esac
`;
    const box = sandbox({ aws: stub });
    const result = runScript("live-versions.sh", ["prod"], box.env);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), Object.fromEntries(functionKeys.map((key) => [key, key === "create_campaign" ? null : "7"])));
    assert.ok(box.calls().every((call) => call.startsWith("aws --region af-south-1 lambda get-alias ")));
  });

  it("fails on any other AWS error instead of recording a gap", () => {
    const box = sandbox({ aws: '#!/bin/bash\necho "An error occurred (AccessDeniedException)" >&2\nexit 254\n' });
    const result = runScript("live-versions.sh", ["dev"], box.env);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /AccessDeniedException/);
  });
});

describe("smoke-or-rollback.sh", () => {
  // A smoke check stand-in: fails its first run (a 500 on get), passes every later one.
  const smokeStub = `#!/bin/bash
echo "smoke $*" >>"$LOG"
n=$(cat "$STATE/smoke-runs" 2>/dev/null || echo 0); echo $((n + 1)) >"$STATE/smoke-runs"
if [ "$n" = 0 ] && [ -z "$SMOKE_PASSES" ]; then
  echo '{"ok":false,"checks":[{"name":"get a missing campaign -> 404","ok":false,"status":500,"latencyMs":16,"reason":"expected 404, got 500"}]}'
  exit 1
fi
echo '{"ok":true,"checks":[{"name":"get a missing campaign -> 404","ok":true,"status":404,"latencyMs":12}]}'
`;

  function smokeBox(extraEnv = {}) {
    const box = sandbox({ aws: awsStub, smoke: smokeStub });
    const before = path.join(box.dir, "live-before.json");
    writeFileSync(before, JSON.stringify({ list_campaigns: "3", get_campaign: "4", create_campaign: null, update_campaign: "2", delete_campaign: "4" }));
    const env = { ...box.env, CAMPAIGNS_SMOKE: path.join(box.dir, "bin", "smoke"), GITHUB_STEP_SUMMARY: path.join(box.dir, "summary.md"), ...extraEnv };
    const run = () => runScript("smoke-or-rollback.sh", ["dev", "--url", "https://api.example.com", "--before", before], env);
    return { box, run, summary: () => readFileSync(env.GITHUB_STEP_SUMMARY, "utf8") };
  }

  it("on a failed smoke check rolls every live alias back to the recorded version, checks again and fails with both results", () => {
    const { box, run, summary } = smokeBox();
    const result = run();
    assert.equal(result.status, 1, result.stderr);
    const updates = box.calls().filter((call) => call.includes("update-alias")).map((call) => call.match(/function-name (\S+) --name live --function-version (\d+)/).slice(1).join("@"));
    assert.deepEqual(updates, ["campaigns-dev-list_campaigns@3", "campaigns-dev-get_campaign@4", "campaigns-dev-update_campaign@2", "campaigns-dev-delete_campaign@4"]);
    assert.equal(box.calls().filter((call) => call.startsWith("smoke ")).length, 2);
    assert.match(summary(), /FAILED, rolled back/);
    assert.match(summary(), /#### After the apply[\s\S]*\*\*FAIL\*\*: expected 404, got 500[\s\S]*#### After the rollback[\s\S]*\| pass \|/);
  });

  it("on a passing smoke check touches no alias", () => {
    const { box, run, summary } = smokeBox({ SMOKE_PASSES: "1" });
    const result = run();
    assert.equal(result.status, 0, result.stderr);
    assert.ok(!box.calls().some((call) => call.includes("update-alias")));
    assert.match(summary(), /passed/);
  });

  it("runs read-only and says so without client credentials, and with a token command when they are set", () => {
    const readOnly = smokeBox({ SMOKE_PASSES: "1" });
    readOnly.run();
    assert.match(readOnly.box.calls().find((call) => call.startsWith("smoke ")), /--read-only/);
    assert.match(readOnly.summary(), /read-only: no client credentials configured/);
    const withToken = smokeBox({ SMOKE_PASSES: "1", SMOKE_TOKEN_URL: "https://login.example.com/oauth2/token", SMOKE_CLIENT_ID: "smoke", SMOKE_CLIENT_SECRET: "s3cret" });
    withToken.run();
    const call = withToken.box.calls().find((c) => c.startsWith("smoke "));
    assert.match(call, /--token-command "\S+\/terraform\/scripts\/smoke-token\.sh"/);
    assert.ok(!call.includes("s3cret"), "the secret must not be on a command line");
  });
});

describe("smoke-token.sh: the client secret on no command line", () => {
  const ID = "smoke-client";
  const SECRET = "s3cret-Ab+/=";
  const basic = Buffer.from(`${ID}:${SECRET}`).toString("base64");
  // curl: records its arguments and its standard input, answers a token when the header is right.
  const tokenCurl = `#!/bin/bash
printf 'curl %s\\n' "$*" >>"$LOG"
stdin="$(cat)"
printf '%s\\n' "$stdin" >"$STATE/curl-stdin"
[[ "$stdin" == 'header = "Authorization: Basic ${basic}"' ]] || exit 22
echo '{"access_token":"tok-123","token_type":"Bearer"}'
`;

  // Every program on PATH records its argv first, so a secret on any command line shows up in $ARGV.
  function recordingBox(stubs) {
    const box = sandbox({ curl: tokenCurl, ...stubs });
    const bin = path.join(box.dir, "bin");
    for (const tool of ["jq", "base64", "cat", "dirname", "mktemp", "rm", "sed", "head"]) {
      const found = spawnSync("bash", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
      writeFileSync(path.join(bin, tool), `#!/bin/sh\nprintf '%s %s\\n' "${tool}" "$*" >>"$ARGV"\nexec ${found} "$@"\n`, { mode: 0o755 });
    }
    const env = { ...box.env, ARGV: path.join(box.dir, "argv.log"), SMOKE_TOKEN_URL: "https://login.example.com/oauth2/token", SMOKE_CLIENT_ID: ID, SMOKE_CLIENT_SECRET: SECRET };
    const argv = () => (existsSync(env.ARGV) ? readFileSync(env.ARGV, "utf8") : "") + readFileSync(box.env.LOG, "utf8");
    return { box, env, argv };
  }

  it("prints the token, sending the Basic header on curl's standard input only", () => {
    const { box, env, argv } = recordingBox();
    const result = runScript("smoke-token.sh", [], env);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, "tok-123\n");
    assert.match(box.calls().find((c) => c.startsWith("curl ")), /^curl -sf --config - -d grant_type=client_credentials https:\/\/login\.example\.com\/oauth2\/token$/);
    assert.match(argv(), /^base64 -w 0$/m);
    assert.ok(!argv().includes(SECRET) && !argv().includes(basic), `a command line carries the secret:\n${argv()}`);
  });

  it("run by smoke-or-rollback.sh as the token command, puts the secret on no command line", () => {
    // The smoke check's stand-in runs --token-command as smoke.mjs does (/bin/sh -c) and records the token.
    const smoke = `#!/bin/bash
echo "smoke $*" >>"$LOG"
while [[ $# -gt 0 ]]; do [[ "$1" == --token-command ]] && cmd="$2"; shift; done
token="$(/bin/sh -c "$cmd")" || exit 3
echo "token $token" >>"$LOG"
echo '{"ok":true,"checks":[{"name":"create","ok":true,"status":201,"latencyMs":9}]}'
`;
    const { box, env, argv } = recordingBox({ smoke, aws: awsStub });
    const before = path.join(box.dir, "live-before.json");
    writeFileSync(before, JSON.stringify({ get_campaign: "4" }));
    const result = runScript("smoke-or-rollback.sh", ["dev", "--url", "https://api.example.com", "--before", before], { ...env, CAMPAIGNS_SMOKE: path.join(box.dir, "bin", "smoke") });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(box.calls().includes("token tok-123"), box.calls().join("\n"));
    assert.ok(!argv().includes(SECRET) && !argv().includes(basic), `a command line carries the secret:\n${argv()}`);
  });

  it("fails without a token rather than run the writes anonymously", () => {
    const { env } = recordingBox();
    const result = runScript("smoke-token.sh", [], { ...env, SMOKE_CLIENT_SECRET: "wrong" });
    assert.notEqual(result.status, 0);
    assert.equal(result.stdout, "");
  });
});

describe("canary.sh", () => {
  // PROD after an apply that published version 8 of every function: create_campaign is new (live
  // moved at once), the others were on 7 and Terraform left live there with 10 % on 8.
  const before = { list_campaigns: "7", get_campaign: "7", create_campaign: null, update_campaign: "7", delete_campaign: "7" };
  const canaried = functionKeys.filter((key) => before[key] !== null);
  const alarmsOf = (key) => [`campaigns-prod-${key}-v8-5xx`, `campaigns-prod-${key}-v8-errors`];
  // Returns at once; with a fake clock ($STATE/clock) moves it on by the seconds it was asked to wait.
  const fakeSleep = '#!/bin/bash\necho "sleep $*" >>"$LOG"\nif [ -f "$STATE/clock" ]; then echo $(( $(cat "$STATE/clock") + $1 )) >"$STATE/clock"; fi\n';

  // The canary's sandbox: PROD in a canary of version 8, the record, the outputs, the alarm scenario.
  function canaryFiles({ record = before, alarmPolls = [], unknownAlarms = [], alarmNotice = null, alarmGarbageAt = null, alarmFailAt = null, alarmAt = null, stubs = {} } = {}) {
    const box = sandbox({ aws: awsStub, "fake-sleep": fakeSleep, ...stubs });
    for (const key of functionKeys) {
      const inCanary = record[key] !== null;
      writeAlias(box, `campaigns-prod-${key}`, inCanary ? { FunctionVersion: record[key], RoutingConfig: { AdditionalVersionWeights: { 8: 0.1 } } } : { FunctionVersion: "8" });
    }
    const beforeFile = path.join(box.dir, "live-before.json");
    writeFileSync(beforeFile, JSON.stringify(record));
    const outputs = path.join(box.dir, "outputs.json");
    writeFileSync(outputs, JSON.stringify({
      function_versions: { value: Object.fromEntries(functionKeys.map((key) => [key, "8"])) },
      canary_alarm_names: { value: Object.fromEntries(functionKeys.map((key) => [key, alarmsOf(key)])) },
    }));
    writeFileSync(path.join(box.dir, "alarm-polls"), alarmPolls.map((names) => names.join(" ")).join("\n") + "\n");
    writeFileSync(path.join(box.dir, "unknown-alarms"), unknownAlarms.join(" "));
    if (alarmNotice !== null) writeFileSync(path.join(box.dir, "alarm-notice"), alarmNotice);
    if (alarmGarbageAt !== null) writeFileSync(path.join(box.dir, "alarm-garbage-at"), String(alarmGarbageAt));
    if (alarmFailAt !== null) writeFileSync(path.join(box.dir, "alarm-fail-at"), String(alarmFailAt));
    if (alarmAt !== null) {
      writeFileSync(path.join(box.dir, "clock"), "0");
      writeFileSync(path.join(box.dir, "alarm-at"), Object.entries(alarmAt).map(([name, at]) => `${name} ${at}`).join("\n") + "\n");
    }
    return { box, args: ["prod", "--before", beforeFile, "--outputs", outputs] };
  }

  function canaryBox({ extraEnv = {}, ...scenario } = {}) {
    const { box, args } = canaryFiles(scenario);
    const env = { ...box.env, CANARY_SLEEP: path.join(box.dir, "bin", "fake-sleep"), GITHUB_STEP_SUMMARY: path.join(box.dir, "summary.md"), ...extraEnv };
    const result = runScript("canary.sh", args, env);
    const calls = existsSync(box.env.LOG) ? box.calls() : [];
    return {
      result,
      aliases: Object.fromEntries(functionKeys.map((key) => [key, readAlias(box, `campaigns-prod-${key}`)])),
      looks: calls.filter((call) => call.includes("cloudwatch describe-alarms")),
      sleeps: calls.filter((call) => call.startsWith("sleep ")).map((call) => Number(call.split(" ")[1])),
      updates: calls.filter((call) => call.includes("update-alias")),
      // "<fake seconds> <call>" per AWS CLI call, with a fake clock.
      timeline: () => readFileSync(path.join(box.dir, "timeline"), "utf8").trim().split("\n").map((line) => ({ at: Number(line.split(" ")[0]), call: line.slice(line.indexOf(" ") + 1) })),
      summary: () => readFileSync(env.GITHUB_STEP_SUMMARY, "utf8"),
    };
  }

  it("without an alarm watches every canaried function's alarms for 5 minutes, then moves live to the new version with all of the traffic", () => {
    const { result, aliases, looks, sleeps, updates, summary } = canaryBox();
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(Object.values(aliases), functionKeys.map(() => ({ Name: "live", FunctionVersion: "8" })));
    // One look at the start and one after each 10 s wait.
    assert.deepEqual(sleeps, Array(30).fill(10));
    assert.equal(looks.length, 31);
    assert.ok(looks.every((call) => call.startsWith("aws --region af-south-1 cloudwatch describe-alarms --alarm-names " + canaried.flatMap(alarmsOf).join(" ") + " ")));
    // create_campaign was new: Terraform moved it at once and nothing touches it.
    assert.deepEqual(updates.map((call) => call.match(/function-name (\S+) .*--function-version (\d+)/).slice(1).join("@")), canaried.map((key) => `campaigns-prod-${key}@8`));
    assert.match(result.stderr, /campaigns-prod-get_campaign: canary, 10% on version 8, the rest on 7/);
    assert.match(result.stderr, /canary 2:30 of 5:00: 8 alarms, 8 OK/);
    assert.match(summary(), /Canary of PROD: passed/);
  });

  it("reads the alarms past a notice the CLI prints on stderr", () => {
    const { result, aliases } = canaryBox({ alarmNotice: "Note: AWS CLI version 2, the latest major version, is now stable.\n", extraEnv: { CANARY_MINUTES: "1" } });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(Object.values(aliases), functionKeys.map(() => ({ Name: "live", FunctionVersion: "8" })));
  });

  it("on an answer that is not describe-alarms JSON rolls every live alias back and fails saying so", () => {
    const { result, aliases, summary } = canaryBox({ alarmGarbageAt: 3 });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /the alarms could not be read at 0:20: not a describe-alarms answer: <html>503/);
    for (const key of canaried) assert.deepEqual(aliases[key], { Name: "live", FunctionVersion: "7" }, key);
    assert.match(summary(), /Canary of PROD: FAILED, rolled back/);
  });

  it("on an alarm during the watch puts every live alias back on its recorded version without routing and fails naming the alarm", () => {
    const { result, aliases, looks, sleeps, updates, summary } = canaryBox({ alarmPolls: [[], [], [], ["campaigns-prod-get_campaign-v8-errors"]] });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /canary failed: campaigns-prod-get_campaign-v8-errors is in ALARM \(Threshold Crossed.*\), at 0:30 of 5:00/);
    for (const key of canaried) assert.deepEqual(aliases[key], { Name: "live", FunctionVersion: "7" }, key);
    assert.deepEqual(aliases.create_campaign, { Name: "live", FunctionVersion: "8" });
    // Stopped at the alarm, and never moved anything to 8.
    assert.equal(looks.length, 4);
    assert.deepEqual(sleeps, [10, 10, 10]);
    assert.ok(!updates.some((call) => call.includes("--function-version 8")));
    assert.match(summary(), /Canary of PROD: FAILED, rolled back[\s\S]*campaigns-prod-get_campaign-v8-errors is in ALARM/);
  });

  it("on a first deploy goes straight to the new versions: nothing to watch, nothing to move", () => {
    const { result, aliases, looks, sleeps, updates } = canaryBox({ record: Object.fromEntries(functionKeys.map((key) => [key, null])) });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(Object.values(aliases), functionKeys.map(() => ({ Name: "live", FunctionVersion: "8" })));
    assert.deepEqual([looks, sleeps, updates], [[], [], []]);
    assert.match(result.stderr, /nothing to watch/);
  });

  it("rolls back when an alarm it should watch does not exist", () => {
    const { result, aliases } = canaryBox({ unknownAlarms: ["campaigns-prod-delete_campaign-v8-errors"] });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no such alarm: campaigns-prod-delete_campaign-v8-errors/);
    assert.deepEqual(aliases.delete_campaign, { Name: "live", FunctionVersion: "7" });
  });

  it("rolls a new version that answers 500 back within 2 minutes of its first bad answer", (t) => {
    // The 5xx alarm of the version as Terraform defines it: it is in ALARM once the periods it
    // needs, from the one holding the first 500, have closed.
    const observability = readFileSync(path.join(repoRoot, "terraform/modules/observability/main.tf"), "utf8");
    const alarm = observability.match(/resource "aws_cloudwatch_metric_alarm" "version_5xx" \{[\s\S]*?\n\}/)[0];
    const period = Number(alarm.match(/\n\s*period\s*=\s*(\d+)/)[1]);
    const periods = Number(alarm.match(/\n\s*evaluation_periods\s*=\s*(\d+)/)[1]);
    // The first request the 10 % sends to version 8, 5 s into the canary, is answered 500.
    const firstBadAnswer = 5;
    const alarmAt = firstBadAnswer + period * periods;
    const { result, aliases, timeline } = canaryBox({ alarmAt: { "campaigns-prod-get_campaign-v8-5xx": alarmAt } });
    assert.equal(result.status, 1, result.stderr);
    for (const key of canaried) assert.deepEqual(aliases[key], { Name: "live", FunctionVersion: "7" }, key);
    const calls = timeline();
    const rollbacks = calls.filter(({ call }) => call.includes("update-alias") && call.includes("--function-version 7"));
    assert.deepEqual(rollbacks.map(({ call }) => call.match(/function-name (\S+)/)[1]).sort(), canaried.map((key) => `campaigns-prod-${key}`).sort());
    const firstLookInAlarm = calls.find(({ at, call }) => call.includes("describe-alarms") && at >= alarmAt).at;
    const rolledBackAt = Math.max(...rollbacks.map(({ at }) => at));
    t.diagnostic(`first 500 at ${firstBadAnswer} s, alarm in ALARM at ${alarmAt} s, seen at ${firstLookInAlarm} s, every alias back by ${rolledBackAt} s`);
    assert.ok(rolledBackAt - firstBadAnswer <= 120, `rolled back ${rolledBackAt - firstBadAnswer} s after the first 500`);
    assert.match(result.stderr, /campaigns-prod-get_campaign-v8-5xx is in ALARM/);
  });

  it("on TERM in the middle of a wait puts every live alias back on its recorded version within 2 s", async (t) => {
    // A real sleep, recording its pid, so that the test can see it does not outlive the script.
    const sleeper = '#!/bin/bash\necho $$ >>"$STATE/sleepers"\nexec sleep "$@"\n';
    const { box, args } = canaryFiles({ stubs: { sleeper } });
    const env = { ...box.env, CANARY_SLEEP: path.join(box.dir, "bin", "sleeper"), CANARY_POLL_SECONDS: "20", GITHUB_STEP_SUMMARY: path.join(box.dir, "summary.md") };
    const child = spawn(path.join(scripts, "canary.sh"), args, { cwd: repoRoot, env });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const sleepers = path.join(box.dir, "sleepers");
      const deadline = Date.now() + 20_000;
      while (!existsSync(sleepers) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(existsSync(sleepers), `the canary never started waiting: ${stderr}`);
      // 1 s into a 20 s wait.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const sent = Date.now();
      child.kill("SIGTERM");
      // Read while the stand-in may be writing an alias: a half-written one is not back yet.
      const backOne = (key) => {
        try {
          return JSON.stringify(readAlias(box, `campaigns-prod-${key}`)) === JSON.stringify({ Name: "live", FunctionVersion: "7" });
        } catch {
          return false;
        }
      };
      const back = () => canaried.every(backOne);
      while (!back() && Date.now() - sent < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
      const took = Date.now() - sent;
      assert.ok(back(), `aliases not back after ${took} ms: ${stderr}`);
      t.diagnostic(`every canaried alias back on its recorded version ${took} ms after TERM`);
      assert.ok(took <= 2000, `aliases back only after ${took} ms`);
      assert.equal(await exited, 1);
      assert.match(stderr, /canary failed: the canary was interrupted \(cancelled or timed out\)/);
      const pid = Number(readFileSync(sleepers, "utf8").trim().split("\n")[0]);
      assert.throws(() => process.kill(pid, 0), /ESRCH/, "the wait outlived the canary");
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("leaves no temporary file behind, whether it passes or fails", () => {
    for (const scenario of [{}, { alarmPolls: [[], ["campaigns-prod-get_campaign-v8-5xx"]] }, { alarmGarbageAt: 2 }, { alarmFailAt: 2 }]) {
      const tmp = tempDir("campaigns-canary-tmp-");
      const { result } = canaryBox({ ...scenario, extraEnv: { TMPDIR: tmp } });
      assert.equal(result.status, Object.keys(scenario).length === 0 ? 0 : 1, result.stderr);
      assert.deepEqual(readdirSync(tmp), [], JSON.stringify(scenario));
    }
  });

  it("takes its duration and poll interval from CANARY_MINUTES and CANARY_POLL_SECONDS, and refuses a canary longer than the job", () => {
    const { result, sleeps } = canaryBox({ extraEnv: { CANARY_MINUTES: "2", CANARY_POLL_SECONDS: "45" } });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(sleeps, [45, 45, 30]);
    const tooLong = canaryBox({ extraEnv: { CANARY_MINUTES: "60" } });
    assert.equal(tooLong.result.status, 1);
    assert.match(tooLong.result.stderr, /--minutes is a whole number from 1 to 30/);
    assert.equal(tooLong.updates.length, 0);
  });
});

describe("apply.yml's rollback when a step fails", () => {
  const { parse } = createRequire(path.join(repoRoot, "tools/package.json"))("yaml");
  const step = parse(readFileSync(path.join(repoRoot, ".github/workflows/apply.yml"), "utf8")).jobs.apply.steps.find((s) => /terraform\/scripts\/rollback\.sh/.test(s.run ?? ""));
  const before = { list_campaigns: "7", get_campaign: "7", create_campaign: null, update_campaign: "7", delete_campaign: "7" };

  // The step's own script, run as GitHub runs a bash step.
  function runStep(box, record) {
    if (record !== undefined) writeFileSync(path.join(box.dir, "live-before.json"), record);
    const env = { ...box.env, ENVIRONMENT: "prod", RUNNER_TEMP: box.dir, GITHUB_STEP_SUMMARY: path.join(box.dir, "summary.md") };
    return spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], { cwd: repoRoot, env, encoding: "utf8", timeout: 60_000 });
  }

  it("after an apply that failed half-way puts every recorded alias back, and leaves a new function alone", () => {
    const box = sandbox({ aws: awsStub });
    // The apply moved get_campaign and delete_campaign, left update_campaign in a canary, had not
    // reached list_campaigns, and created create_campaign.
    writeAlias(box, "campaigns-prod-get_campaign", { FunctionVersion: "8" });
    writeAlias(box, "campaigns-prod-delete_campaign", { FunctionVersion: "8" });
    writeAlias(box, "campaigns-prod-update_campaign", { FunctionVersion: "7", RoutingConfig: { AdditionalVersionWeights: { 8: 0.1 } } });
    writeAlias(box, "campaigns-prod-list_campaigns", { FunctionVersion: "7" });
    writeAlias(box, "campaigns-prod-create_campaign", { FunctionVersion: "8" });
    const result = runStep(box, JSON.stringify(before));
    assert.equal(result.status, 0, result.stderr);
    for (const key of functionKeys.filter((k) => before[k] !== null)) assert.deepEqual(readAlias(box, `campaigns-prod-${key}`), { Name: "live", FunctionVersion: "7" }, key);
    assert.deepEqual(readAlias(box, "campaigns-prod-create_campaign"), { Name: "live", FunctionVersion: "8" });
    assert.ok(box.calls().every((call) => call.startsWith("aws --region af-south-1 ")));
    assert.match(readFileSync(path.join(box.dir, "summary.md"), "utf8"), /PROD: rolled back[\s\S]*campaigns-prod-get_campaign: live 8 -> 7/);
  });

  it("does nothing when no versions were recorded (the job failed before the apply)", () => {
    for (const record of [undefined, ""]) {
      const box = sandbox({ aws: awsStub });
      const result = runStep(box, record);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /nothing to roll back/, result.stderr);
      assert.ok(!existsSync(box.env.LOG), "no AWS call");
    }
  });
});

describe("coldstart.sh", () => {
  it("--dry-run prints every AWS CLI and curl call without credentials or an AWS CLI", () => {
    const box = sandbox();
    const result = runScript("coldstart.sh", ["--env", "dev", "--runs", "20", "--dry-run"], box.env);
    assert.equal(result.status, 0, result.stderr);
    const out = result.stdout;
    for (const key of functionKeys) {
      assert.match(out, new RegExp(`lambda update-function-configuration --function-name campaigns-dev-${key} --environment '\\{"Variables":\\{"TABLE_NAME":"<table>","COLDSTART_RUN":"run-`));
      assert.match(out, new RegExp(`lambda publish-version --function-name campaigns-dev-${key} `));
      assert.match(out, new RegExp(`lambda update-alias --function-name campaigns-dev-${key} --name live --function-version '<new-version>'`));
      assert.match(out, new RegExp(`lambda delete-function --function-name campaigns-dev-${key} --qualifier '<new-version>'`));
    }
    assert.match(out, /curl .* -X GET 'https:\/\/<api-id>\.execute-api\.eu-west-1\.amazonaws\.com\/v1\.0\/campaigns'/);
    assert.match(out, /logs start-query --log-group-names \/aws\/lambda\/campaigns-dev-list_campaigns .* --query-string file:\/\/\S+\/terraform\/queries\/cold_starts_by_function\.logsinsights/);
  });

  it("forces the cold starts, prints the query's table and puts everything back", () => {
    const box = sandbox({ aws: awsStub, curl: curlStub });
    const result = runScript("coldstart.sh", ["--env", "dev", "--runs", "2", "--api-url", "https://api.example.test/", "--token", "t0k3n", "--log-wait", "0"], box.env);
    assert.equal(result.status, 0, result.stderr);
    const calls = box.calls();
    // Two rounds x five functions: a version each, the alias moved onto it.
    assert.equal(calls.filter((c) => c.includes("lambda publish-version")).length, 2 * functionKeys.length);
    assert.equal(calls.filter((c) => c.startsWith("curl ")).length, 2 * functionKeys.length);
    assert.ok(calls.some((c) => c.startsWith("curl ") && c.includes("-X DELETE") && c.includes("authorization: Bearer t0k3n") && c.endsWith("https://api.example.test/v1.0/campaigns/COLDSTART-PROBE")));
    assert.ok(calls.some((c) => c.includes("logs start-query") && c.includes("file://") && c.includes("cold_starts_by_function.logsinsights")));
    // Restored: alias back on 5, original variables, the run's versions deleted.
    for (const key of functionKeys) {
      const name = `campaigns-dev-${key}`;
      const mine = calls.filter((c) => c.includes(`--function-name ${name} `));
      const lastAlias = mine.filter((c) => c.includes("update-alias")).at(-1);
      assert.match(lastAlias, /--function-version 5 /, `${name} alias not restored`);
      const lastConfig = mine.filter((c) => c.includes("update-function-configuration")).at(-1);
      assert.match(lastConfig, /--environment \{"Variables":\{"TABLE_NAME":"campaigns-dev"\}\}/);
      assert.equal(mine.filter((c) => c.includes("lambda delete-function")).length, 2);
    }
    assert.match(result.stdout, /campaigns-dev-get_campaign\s+2\s+141\.2\s+150\.9\s+152\.3\s+171\.0\s+180\.2\s+181\.7\s+38/);
  });

  it("refuses prod without --allow-prod", () => {
    const box = sandbox({ aws: awsStub, curl: curlStub });
    const result = runScript("coldstart.sh", ["--env", "prod", "--dry-run"], box.env);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /--allow-prod/);
  });
});

describe("verify-artifacts.sh", () => {
  function artifacts(shape, overrides = {}) {
    const dir = tempDir("campaigns-zips-");
    const entries = functionKeys.map((key) => {
      const bytes = `zip of ${key}`;
      writeFileSync(path.join(dir, `${key}.zip`), bytes);
      return { key, sha256: createHash("sha256").update(bytes).digest("hex") };
    });
    const manifests = {
      // The layout ./build.sh package writes.
      package: {
        schema_version: 1,
        commit: "0123abcdef0123abcdef0123abcdef0123abcdef",
        commit_dirty: false,
        architecture: "arm64",
        framework: "net10.0",
        builder: "container",
        functions: entries.map((e) => ({ name: e.key, file: `${e.key}.zip`, sha256: e.sha256, size: 1, bootstrap_sha256: "0".repeat(64), architecture: "arm64", commit: "0123abcdef0123abcdef0123abcdef0123abcdef" })),
      },
      list: { commit: "0123abcdef", files: entries.map((e) => ({ file: `${e.key}.zip`, sha256: e.sha256, size: 1 })) },
      map: { git_commit: "0123abc", functions: Object.fromEntries(entries.map((e) => [e.key, { sha256: e.sha256, architecture: "arm64" }])) },
    };
    const manifest = { ...manifests[shape], ...overrides };
    writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
    return dir;
  }

  for (const shape of ["package", "list", "map"]) {
    it(`accepts intact zips (${shape} manifest)`, () => {
      const result = runScript("verify-artifacts.sh", [artifacts(shape), "--commit", "0123abcdef0123abcdef0123abcdef0123abcdef"], sandbox().env);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`verified ${functionKeys.length} zips`));
    });
  }

  it("refuses zips built on a host instead of the container, or from a dirty checkout", () => {
    const result = runScript("verify-artifacts.sh", [artifacts("package", { builder: "host", commit_dirty: true })], sandbox().env);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /FAIL the zips were built on the host/);
    assert.match(result.stderr, /FAIL the zips were built from a checkout with uncommitted changes/);
  });

  it("refuses a zip whose sha256 differs from the manifest", () => {
    const dir = artifacts("package");
    writeFileSync(path.join(dir, "get_campaign.zip"), "something else");
    const result = runScript("verify-artifacts.sh", [dir], sandbox().env);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /FAIL get_campaign\.zip: sha256/);
  });

  it("refuses a manifest built from another commit, or an unlisted zip", () => {
    const dir = artifacts("list");
    writeFileSync(path.join(dir, "extra.zip"), "x");
    const result = runScript("verify-artifacts.sh", [dir, "--commit", "fedcba9876543210fedcba9876543210fedcba98"], sandbox().env);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /FAIL the manifest was built from 0123abcdef/);
    assert.match(result.stderr, /FAIL extra\.zip is not in the manifest/);
  });
});

// Renders a Terraform root as the real Terraform plans and applies it, offline: a copy of
// terraform/ (and the two tables in functions/) in a temp folder, the stand-in provider in its
// --computed mode (ARNs and ids built the way AWS builds them, from names, region and account),
// `terraform init` and `terraform apply` to a throwaway local state there, then
// `terraform show -json`. The IAM simulation (iam.test.mjs) reads its policy documents from that.
//
// Usage as a script, to look at what a root renders:
//   node tests/terraform/render.mjs stack -var-file=../environments/dev.tfvars -var account_id=111122223333 ...

import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "./schema/types.mjs";

function run(command, args, { env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function startStandIn(socket, log) {
  const server = path.join(repoRoot, "tests/terraform/provider/server.mjs");
  const child = spawn(process.execPath, [server, socket, "--computed"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the stand-in was not ready within 20 s: ${stderr}`)), 20_000);
    child.stdout.on("data", (chunk) => {
      if (String(chunk).startsWith(`ready ${socket}`)) {
        clearTimeout(timer);
        resolve({ child, log: () => (writeFileSync(log, stderr), stderr) });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the stand-in exited with ${code}: ${stderr}`));
    });
  });
}

// Applies terraform/<root> with the given terraform apply arguments (-var, -var-file: paths are
// relative to the root, as with terraform -chdir) and resolves to `terraform show -json` of the
// resulting state. The temp folder is removed afterwards.
export async function render(root, args) {
  const dir = mkdtempSync(path.join(tmpdir(), "campaigns-render-"));
  let standIn;
  try {
    cpSync(path.join(repoRoot, "terraform"), path.join(dir, "terraform"), { recursive: true });
    for (const table of ["functions.json", "table.json"]) cpSync(path.join(repoRoot, "functions", table), path.join(dir, "functions", table));
    const rootDir = path.join(dir, "terraform", root);
    // The stack's S3 backend needs AWS; the copy keeps its state in a local file instead.
    writeFileSync(path.join(rootDir, "render_override.tf"), 'terraform {\n  backend "local" {}\n}\n');

    const socket = path.join(dir, "provider.sock");
    standIn = await startStandIn(socket, path.join(dir, "provider.log"));
    writeFileSync(path.join(dir, "empty.tfrc"), "");
    const env = {
      ...process.env,
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
      CHECKPOINT_DISABLE: "1",
      TF_CLI_CONFIG_FILE: path.join(dir, "empty.tfrc"),
      TF_DATA_DIR: path.join(dir, "data"),
      TF_REATTACH_PROVIDERS: JSON.stringify({
        "registry.terraform.io/hashicorp/aws": { Protocol: "grpc", ProtocolVersion: 5, Pid: standIn.child.pid, Test: true, Addr: { Network: "unix", String: socket } },
      }),
    };
    const terraform = async (...command) => {
      const result = await run("terraform", [`-chdir=${rootDir}`, ...command, "-no-color"], { env });
      if (result.code !== 0) {
        throw new Error(`terraform ${command[0]} of ${root} failed:\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-2000)}\n--- stand-in log ---\n${standIn.log().slice(-1500)}`);
      }
      return result.stdout;
    };
    await terraform("init", "-input=false");
    await terraform("apply", "-auto-approve", "-input=false", ...args);
    return JSON.parse(await terraform("show", "-json"));
  } finally {
    standIn?.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

// Every resource of a `terraform show -json` state, modules included, as { address, type, values }.
export function resources(shown) {
  const out = [];
  const walk = (module) => {
    for (const resource of module?.resources ?? []) out.push(resource);
    for (const child of module?.child_modules ?? []) walk(child);
  };
  walk(shown.values?.root_module);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root, ...args] = process.argv.slice(2);
  if (!root) {
    process.stderr.write("usage: node tests/terraform/render.mjs ROOT [terraform apply args...]\n");
    process.exit(2);
  }
  render(root, args).then(
    (shown) => process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`),
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}

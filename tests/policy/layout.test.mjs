// The maps are true: the README's layout and docs/architecture.md name only tracked paths, show every
// tracked top-level and second-level folder, and allow every project reference the .csproj files
// make, and no tool locks a test framework package. Shown failing on copies of the documents, the file
// list, a project or a lock file with one thing changed.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { layoutViolations, loadLayout, referenceViolations, toolPackageViolations } from "./lib/layout.mjs";

const real = loadLayout();

function changed(key, from, to) {
  const layout = { ...real, projects: new Map(real.projects) };
  const text = layout[key];
  assert.ok(text.includes(from), `${key} does not contain ${from}`);
  layout[key] = text.replace(from, to);
  return layout;
}

function withProject(file, change) {
  const layout = { ...real, projects: new Map(real.projects) };
  const text = layout.projects.get(file) ?? "<Project></Project>";
  const next = change(text);
  assert.notEqual(next, text, `the change to ${file} changed nothing`);
  layout.projects.set(file, next);
  return layout;
}

const reference = (target) => (text) => text.replace("</Project>", `  <ItemGroup><ProjectReference Include="${target}" /></ItemGroup>\n</Project>`);

function reports(violations, pattern) {
  assert.ok(violations.some((v) => pattern.test(v)), `expected ${pattern}, got:\n  ${violations.join("\n  ") || "(no violation)"}`);
}

describe("the maps match git ls-files", () => {
  it("holds for the repository", () => assert.deepEqual(layoutViolations(real), []));

  it("fails when the README's layout shows a folder that does not exist", () =>
    reports(layoutViolations(changed("readme", "\n  smoke/      ", "\n  smokes/     ")), /README\.md: the layout shows tools\/smokes, which git ls-files does not have/));

  it("fails when the README's layout leaves out a tracked folder", () =>
    reports(layoutViolations(changed("readme", "\n  policy/  ", "\n  # policy/")), /README\.md: the layout does not show tests\/policy\//));

  it("fails when the README names a file that does not exist", () =>
    reports(layoutViolations(changed("readme", "`tools/package/pin-build-image.sh`", "`tools/package/pin-image.sh`")), /README\.md: names tools\/package\/pin-image\.sh/));

  it("fails on a link to a document that does not exist", () =>
    reports(layoutViolations(changed("readme", "(docs/performance.md)", "(docs/perf.md)")), /README\.md: names docs\/perf\.md/));

  it("fails when a table row of docs/architecture.md names a folder that does not exist", () => {
    const violations = layoutViolations(changed("architecture", "| `terraform/queries` |", "| `terraform/query` |"));
    reports(violations, /docs\/architecture\.md: a table row names terraform\/query, which git ls-files does not have/);
    reports(violations, /docs\/architecture\.md: no row shows terraform\/queries\//);
  });

  it("fails when a new top-level or second-level folder is on neither map", () => {
    const violations = layoutViolations({ ...real, files: [...real.files, "tools/release-notes/make.mjs", "scripts/x.sh"] });
    for (const pattern of [/README\.md: the layout does not show tools\/release-notes\//, /docs\/architecture\.md: no row shows tools\/release-notes\//, /README\.md: the layout does not show scripts\//, /docs\/architecture\.md: the top-level table has no row for scripts\//]) {
      reports(violations, pattern);
    }
  });

  it("fails when a documented folder leaves git", () =>
    reports(layoutViolations({ ...real, files: real.files.filter((f) => !f.startsWith("docs/load/")) }), /README\.md: the layout shows docs\/load, which git ls-files does not have/));
});

describe("every project reference follows the table in docs/architecture.md", () => {
  it("holds for the repository", () => assert.deepEqual(referenceViolations(real), []));

  it("fails when a function references the domain directly", () =>
    reports(referenceViolations(withProject("functions/GetCampaign/GetCampaign.csproj", reference("../../shared/Campaigns.Domain/Campaigns.Domain.csproj"))), /GetCampaign\.csproj: references Campaigns\.Domain, which its row in docs\/architecture\.md \(functions\/<Name>: Hosting\) does not allow/));

  it("fails when a test project references a project beyond its row", () =>
    reports(referenceViolations(withProject("tests/Campaigns.Domain.Tests/Campaigns.Domain.Tests.csproj", reference("../../shared/Campaigns.Hosting/Campaigns.Hosting.csproj"))), /Campaigns\.Domain\.Tests\.csproj: references Campaigns\.Hosting/));

  it("fails when the product reaches a tool, even where a row allows it", () => {
    const layout = withProject("shared/Campaigns.Domain/Campaigns.Domain.csproj", reference("../../tools/Campaigns.RuntimeApi/Campaigns.RuntimeApi.csproj"));
    const allowing = { ...layout, architecture: layout.architecture.replace("| AWS SDK |", "| AWS SDK, RuntimeApi |") };
    assert.notEqual(allowing.architecture, layout.architecture);
    reports(referenceViolations(allowing), /shared\/Campaigns\.Domain\/Campaigns\.Domain\.csproj: the product reaches tools\/Campaigns\.RuntimeApi/);
  });

  it("fails when a tool reaches a test project", () => {
    const layout = withProject("tools/Campaigns.Emulator/Campaigns.Emulator.csproj", reference("../../tests/Campaigns.Testing/Campaigns.Testing.csproj"));
    reports(referenceViolations(layout), /Campaigns\.Emulator\.csproj: references Campaigns\.Testing/);
    reports(referenceViolations(layout), /Campaigns\.Emulator\.csproj: a tool reaches tests\/Campaigns\.Testing/);
  });

  it("fails when the bench references Campaigns.Testing again, even where its row allows it", () => {
    const layout = withProject("tools/Campaigns.Bench/Campaigns.Bench.csproj", reference("../../tests/Campaigns.Testing/Campaigns.Testing.csproj"));
    const allowing = { ...layout, architecture: layout.architecture.replace("| RuntimeApi, Hosting, Fixtures |", "| RuntimeApi, Hosting, Fixtures, Testing |") };
    assert.notEqual(allowing.architecture, layout.architecture);
    const violations = referenceViolations(allowing);
    reports(violations, /tools\/Campaigns\.Bench\/Campaigns\.Bench\.csproj: a tool reaches tests\/Campaigns\.Testing/);
    assert.ok(!violations.some((v) => /references Campaigns\.Testing, which its row/.test(v)), "the row allows it: only the tool rule may fail");
  });

  it("fails when a project has no row", () =>
    reports(referenceViolations(withProject("tools/Campaigns.Release/Campaigns.Release.csproj", reference("../Campaigns.RuntimeApi/Campaigns.RuntimeApi.csproj"))), /no row of the projects table is tools\/Campaigns\.Release/));

  it("fails when a row allows a name that is no project", () =>
    reports(referenceViolations(changed("architecture", "| Emulator, Testing |", "| Emulater, Testing |")), /allows "Emulater", which is no project/));

  it("fails when a row no longer allows a reference the project makes", () =>
    reports(referenceViolations(changed("architecture", "| Bench, Bench.Bound, Domain, Testing |", "| Bench, Testing |")), /Campaigns\.Bench\.Tests\.csproj: references Campaigns\.Bench\.Bound/));
});

describe("no tool carries a test framework", () => {
  it("holds for the repository", () => assert.deepEqual(toolPackageViolations(real), []));

  it("fails when the bench's lock file holds xunit or Shouldly again", () => {
    const file = "tools/Campaigns.Bench/packages.lock.json";
    const lock = JSON.parse(real.locks.get(file));
    const framework = Object.keys(lock.dependencies)[0];
    lock.dependencies[framework]["xunit.core"] = { type: "Transitive", resolved: "2.9.3" };
    lock.dependencies[framework].Shouldly = { type: "Transitive", resolved: "4.3.0" };
    const violations = toolPackageViolations({ ...real, locks: new Map(real.locks).set(file, JSON.stringify(lock)) });
    reports(violations, /tools\/Campaigns\.Bench\/packages\.lock\.json: a tool locks xunit\.core/);
    reports(violations, /tools\/Campaigns\.Bench\/packages\.lock\.json: a tool locks Shouldly/);
  });

  it("leaves test projects' lock files alone", () => {
    const test = [...real.locks.keys()].find((f) => f.startsWith("tests/Campaigns.Testing/"));
    assert.ok(test && /"xunit/.test(real.locks.get(test)), "Campaigns.Testing locks xunit");
    assert.deepEqual(toolPackageViolations({ ...real, locks: new Map([[test, real.locks.get(test)]]) }), []);
  });
});

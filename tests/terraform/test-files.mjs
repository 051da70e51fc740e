// The Terraform test files and their run blocks, as the guard test and the mutation harness read them.

import { readdirSync, statSync } from "node:fs";
import path from "node:path";

// Every *.tftest.hcl under terraform/, as paths relative to the repository.
export function testFiles(repoRoot, dir = "terraform") {
  return readdirSync(path.join(repoRoot, dir)).sort().flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(repoRoot, rel)).isDirectory()) return testFiles(repoRoot, rel);
    return name.endsWith(".tftest.hcl") ? [rel] : [];
  });
}

// The run blocks of a test file, each from its `run "…" {` line to its closing `}` line (terraform
// fmt puts both at the start of a line), and the text around them.
export function splitRuns(text) {
  const runs = [];
  let rest = "";
  let last = 0;
  for (const match of text.matchAll(/^run "[^"]+" \{\n[\s\S]*?\n\}\n/gm)) {
    rest += text.slice(last, match.index);
    runs.push(match[0]);
    last = match.index + match[0].length;
  }
  return { runs, rest: rest + text.slice(last) };
}

// The assert messages of a test file's text.
export const assertMessages = (text) => [...text.matchAll(/error_message = "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\"/g, '"'));

// What a smoke run prints: a line per check, a summary, one JSON document, or JUnit XML.

/** Nearest-rank percentile (p in 0..100) of numbers; null for none. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarize(url, checks, skipped) {
  const latencies = checks.map((c) => c.latencyMs).filter((ms) => typeof ms === "number");
  const failed = checks.filter((c) => !c.ok).length;
  return {
    url,
    ok: failed === 0 && checks.length > 0,
    checks: checks.length,
    passed: checks.length - failed,
    failed,
    skipped,
    p50Ms: percentile(latencies, 50),
    maxMs: latencies.length ? Math.max(...latencies) : null,
  };
}

const ms = (value) => (typeof value === "number" ? `${value} ms` : "-");

/** "PASS  200    12 ms  list page 1 (limit 25)", and on failure ": <reason>". */
export function formatCheck(check) {
  const head = `${check.ok ? "PASS" : "FAIL"}  ${String(check.status ?? "---").padEnd(3)}  ${ms(check.latencyMs).padStart(8)}  ${check.name}`;
  return check.ok ? head : `${head}: ${check.reason}`;
}

export function formatSkipped(what) {
  return `SKIP                 ${what}`;
}

export function formatSummary(s) {
  return `smoke ${s.ok ? "passed" : "FAILED"}: ${s.passed} passed, ${s.failed} failed, ${s.skipped.length} skipped; latency p50 ${ms(s.p50Ms)}, max ${ms(s.maxMs)} (${s.url})`;
}

const escapeXml = (text) =>
  String(text).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** JUnit XML: a test case per check (time in seconds), a skipped one per skipped part. */
export function junit(suiteName, checks, skipped) {
  const cases = checks.map((c) => {
    const open = `    <testcase classname="${escapeXml(suiteName)}" name="${escapeXml(c.name)}" time="${((c.latencyMs ?? 0) / 1000).toFixed(3)}"`;
    return c.ok ? `${open}/>` : `${open}>\n      <failure message="${escapeXml(c.reason)}"/>\n    </testcase>`;
  });
  for (const what of skipped) {
    // "part: why" → the part as the case, the why as the skip's message, which the totals print.
    const at = what.indexOf(": ");
    const [name, why] = at < 0 ? [what, null] : [what.slice(0, at), what.slice(at + 2)];
    const skip = why === null ? "<skipped/>" : `<skipped message="${escapeXml(why)}"/>`;
    cases.push(`    <testcase classname="${escapeXml(suiteName)}" name="${escapeXml(name)}">\n      ${skip}\n    </testcase>`);
  }
  const failures = checks.filter((c) => !c.ok).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<testsuites>",
    `  <testsuite name="${escapeXml(suiteName)}" tests="${checks.length + skipped.length}" failures="${failures}" skipped="${skipped.length}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

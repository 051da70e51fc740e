#!/usr/bin/env python3
"""Totals of test result files: JUnit XML (terraform test, node --test) and TRX (dotnet test).

Usage: test_totals.py [--notes FILE] FILE...

Prints each skipped test with its reason ("skipped: <test>: <reason>"), then each line of the notes
FILE (what passed only softly: an AOT fallback, a check that could not run, a leg left out), then one
line "N passed, N failed, N skipped". Exit status 0 when the files were read, whatever they hold.
The counts come from the runners' own result files, never from their console output.
"""
import sys
import xml.etree.ElementTree as ET

TRX = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def trx_totals(path, root):
    counters = root.find(f"{TRX}ResultSummary/{TRX}Counters")
    if counters is None:
        raise ValueError(f"{path}: a TRX file without ResultSummary/Counters")
    failed = sum(int(counters.get(name, 0)) for name in ("failed", "error", "timeout", "aborted"))
    skips = []
    for result in root.iter(f"{TRX}UnitTestResult"):
        if result.get("outcome") == "NotExecuted":
            message = result.find(f"{TRX}Output/{TRX}ErrorInfo/{TRX}Message")
            reason = message.text.strip() if message is not None and message.text else "no reason given"
            skips.append((result.get("testName", "?"), reason))
    # The counter is what the runner counted; a skip it counted but did not list still shows.
    for _ in range(int(counters.get("notExecuted", 0)) - len(skips)):
        skips.append((path, "no reason given"))
    return int(counters.get("passed", 0)), failed, skips


def junit_totals(root):
    # Node's reporter puts test cases straight under <testsuites>; Terraform's inside <testsuite>.
    passed = failed = 0
    skips = []
    for case in root.iter("testcase"):
        skipped = case.find("skipped")
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif skipped is not None:
            # Node names every case's class "test": only a real class adds information.
            name = ".".join(p for p in (case.get("classname"), case.get("name")) if p and p != "test")
            skips.append((name or "?", skipped.get("message") or (skipped.text or "").strip() or "no reason given"))
        else:
            passed += 1
    return passed, failed, skips


def totals(path):
    """(passed, failed, [(test, reason) for each skipped test]) of one result file."""
    root = ET.parse(path).getroot()
    if root.tag == f"{TRX}TestRun":
        return trx_totals(path, root)
    return junit_totals(root)


def main(argv):
    notes = []
    if argv[:1] == ["--notes"] and len(argv) >= 2:
        try:
            with open(argv[1], encoding="utf-8") as f:
                notes = [line.rstrip("\n") for line in f if line.strip()]
        except FileNotFoundError:
            notes = []
        argv = argv[2:]
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    passed = failed = 0
    skips = []
    for path in argv:
        p, f, s = totals(path)
        passed += p
        failed += f
        skips += s
    for test, reason in skips:
        print(f"skipped: {test}: {' '.join(reason.split())}")
    for note in notes:
        print(note)
    print(f"{passed} passed, {failed} failed, {len(skips)} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Totals of test result files: JUnit XML (terraform test, node --test) and TRX (dotnet test).

Usage: test_totals.py FILE...   prints "<passed> <failed>" (skipped tests count in neither).
The counts come from the runners' own result files, never from their console output.
"""
import sys
import xml.etree.ElementTree as ET

TRX = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def totals(path):
    root = ET.parse(path).getroot()
    if root.tag == f"{TRX}TestRun":
        counters = root.find(f"{TRX}ResultSummary/{TRX}Counters")
        if counters is None:
            raise ValueError(f"{path}: a TRX file without ResultSummary/Counters")
        failed = int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
        return int(counters.get("passed", 0)), failed
    # Node's reporter puts test cases straight under <testsuites>; Terraform's inside <testsuite>.
    passed = failed = 0
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is None:
            passed += 1
    return passed, failed


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    passed = failed = 0
    for path in paths:
        p, f = totals(path)
        passed += p
        failed += f
    print(passed, failed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

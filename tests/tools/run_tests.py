#!/usr/bin/env python3
"""Runs the unit tests of the build and release tools (test_*.py beside this file), and those of the
product's C start-up code (tests/Campaigns.Lambda.Tests/Native: Python drives a C compiler there, which
xUnit cannot), and ends with one line

    tools: N passed, N failed, N skipped

Exit status 0 only when nothing failed and at least one test ran. -v lists every test;
--junit FILE also writes the results as JUnit XML (what ./build.sh test counts).
"""
import os
import sys
import unittest
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # the tests import the helpers: keep __pycache__ out of the work tree
HERE = os.path.dirname(os.path.abspath(__file__))
NATIVE = os.path.join(os.path.dirname(HERE), "Campaigns.Lambda.Tests", "Native")


class RecordingResult(unittest.TextTestResult):
    """Also remembers the tests that passed, which unittest only counts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.passed = []

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed.append(test)


def write_junit(result, path):
    suite = ET.Element("testsuite", name="tools", tests=str(result.testsRun))
    outcomes = [(t, None) for t in result.passed]
    outcomes += [(t, ("failure", text)) for t, text in result.failures + result.errors]
    outcomes += [(t, ("skipped", reason)) for t, reason in result.skipped]
    outcomes += [(t, ("failure", "unexpected success")) for t in result.unexpectedSuccesses]
    for test, outcome in outcomes:
        case = ET.SubElement(suite, "testcase", classname=type(test).__name__, name=test.id())
        if outcome:
            ET.SubElement(case, outcome[0], message=outcome[1].splitlines()[-1] if outcome[1] else "").text = outcome[1]
    root = ET.Element("testsuites")
    root.append(suite)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def main(argv):
    verbosity = 2 if "-v" in argv else 1
    junit = argv[argv.index("--junit") + 1] if "--junit" in argv else None
    suite = unittest.TestSuite(
        unittest.TestLoader().discover(folder, pattern="test_*.py", top_level_dir=folder) for folder in (HERE, NATIVE)
    )
    result = unittest.TextTestRunner(verbosity=verbosity, stream=sys.stderr, resultclass=RecordingResult).run(suite)
    if junit:
        write_junit(result, junit)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    for test, reason in result.skipped:
        print(f"skipped: {test.id()}: {reason}", file=sys.stderr)
    print(f"tools: {passed} passed, {failed} failed, {skipped} skipped")
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

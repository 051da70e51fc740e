#!/usr/bin/env python3
"""Runs the unit tests of the packaging helpers (test_*.py beside this file) and ends with one line

    package-tools: N passed, N failed, N skipped

so build.sh can add the counts to its own summary. Exit status 0 only when nothing failed and at
least one test ran. Extra arguments go to unittest's verbosity: -v lists every test.
"""
import os
import sys
import unittest

sys.dont_write_bytecode = True  # the tests import the helpers: keep __pycache__ out of the work tree
HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    verbosity = 2 if "-v" in argv else 1
    suite = unittest.defaultTestLoader.discover(HERE, pattern="test_*.py", top_level_dir=HERE)
    result = unittest.TextTestRunner(verbosity=verbosity, stream=sys.stderr).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    for test, reason in result.skipped:
        print(f"skipped: {test.id()}: {reason}", file=sys.stderr)
    print(f"package-tools: {passed} passed, {failed} failed, {skipped} skipped")
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

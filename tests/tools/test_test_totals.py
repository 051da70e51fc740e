"""Tests of tools/build/test_totals.py, the last lines of ./build.sh test: passed, failed and skipped
counted from TRX and JUnit files, each skip listed with its reason, each soft pass listed above the
totals.
"""
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "..", "tools", "build", "test_totals.py")

# The shape dotnet test's TRX logger writes for xUnit: a skipped fact is NotExecuted, its reason the message.
TRX = textwrap.dedent("""\
    <?xml version="1.0" encoding="utf-8"?>
    <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
      <Results>
        <UnitTestResult testId="a" testName="Campaigns.Tests.Create_WhenValid_Returns201" outcome="Passed" />
        <UnitTestResult testId="b" testName="Campaigns.Tests.Create_WhenCodeExists_Returns409" outcome="Failed">
          <Output><ErrorInfo><Message>Shouldly: 201 should be 409</Message></ErrorInfo></Output>
        </UnitTestResult>
        <UnitTestResult testId="c" testName="Campaigns.Tests.ZipSize_IsWithinBudget" outcome="NotExecuted">
          <Output><ErrorInfo><Message>this run drives no packaged zips
      (CAMPAIGNS_ZIPS_DIR is not set)</Message></ErrorInfo></Output>
        </UnitTestResult>
      </Results>
      <ResultSummary outcome="Failed">
        <Counters total="3" executed="2" passed="1" failed="1" error="0" timeout="0" aborted="0" notExecuted="1" />
      </ResultSummary>
    </TestRun>
    """)

JUNIT = textwrap.dedent("""\
    <?xml version="1.0" encoding="utf-8"?>
    <testsuites>
      <testcase name="renders the reference" classname="test"/>
      <testcase name="loads nothing from elsewhere" classname="test">
        <skipped type="skipped" message="no Chromium on PATH"/>
      </testcase>
      <testsuite name="stack.tftest.hcl">
        <testcase name="dev_plan" classname="stack.tftest.hcl"/>
        <testcase name="prod_plan" classname="stack.tftest.hcl"><failure message="assert failed"/></testcase>
      </testsuite>
    </testsuites>
    """)


class TestTotalsTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def totals(self, *args):
        result = subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.splitlines()

    def test_Totals_OfTrxAndJunit_EndWithPassedFailedSkipped(self):
        lines = self.totals(self.write("a.trx", TRX), self.write("node.xml", JUNIT))
        self.assertEqual(lines[-1], "3 passed, 2 failed, 2 skipped")

    def test_Totals_ListEachSkipWithItsReason_AboveTheLastLine(self):
        lines = self.totals(self.write("a.trx", TRX), self.write("node.xml", JUNIT))
        self.assertEqual(lines[:-1], [
            "skipped: Campaigns.Tests.ZipSize_IsWithinBudget: this run drives no packaged zips (CAMPAIGNS_ZIPS_DIR is not set)",
            "skipped: loads nothing from elsewhere: no Chromium on PATH",
        ])

    def test_Totals_WhenTrxCountsASkipItDoesNotList_StillCountsIt(self):
        trx = TRX.replace('notExecuted="1"', 'notExecuted="2"')
        lines = self.totals(self.write("a.trx", trx))
        self.assertEqual(lines[-1], "1 passed, 1 failed, 2 skipped")
        self.assertEqual(len([line for line in lines if line.startswith("skipped: ")]), 2)

    def test_Totals_ListEachSoftPass_AboveTheLastLine(self):
        notes = self.write("soft-passes.txt",
                           "soft pass: the AOT publish fell back from net10.0 to net9.0\n\n"
                           "soft pass: the vulnerability check could not run: error NU1301\n")
        lines = self.totals("--notes", notes, self.write("node.xml", JUNIT))
        self.assertEqual(lines, [
            "skipped: loads nothing from elsewhere: no Chromium on PATH",
            "soft pass: the AOT publish fell back from net10.0 to net9.0",
            "soft pass: the vulnerability check could not run: error NU1301",
            "2 passed, 1 failed, 1 skipped",
        ])

    def test_Totals_WhenNoSoftPassWasWritten_ListNone(self):
        lines = self.totals("--notes", os.path.join(self.tmp.name, "absent.txt"), self.write("a.trx", TRX))
        self.assertEqual(lines[-1], "1 passed, 1 failed, 1 skipped")
        self.assertFalse([line for line in lines if line.startswith("soft pass")])

    def test_Totals_OfATrxWithoutCounters_Fail(self):
        path = self.write("bad.trx", '<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"/>')
        result = subprocess.run([sys.executable, SCRIPT, path], capture_output=True, text=True, timeout=30)
        self.assertNotEqual(result.returncode, 0)


if __name__ == "__main__":
    unittest.main()

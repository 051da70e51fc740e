"""Tests of symbolize.py: frames found and annotated, the rest of the log untouched."""
import os
import sys
import unittest

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "package")))
import symbolize  # noqa: E402

LOG = ('{"level":"ERROR","stackTrace":["System.InvalidOperationException: boom",'
       '"at bootstrap!<BaseAddress>+0x18fbc7","at bootstrap!<BaseAddress>+0x2CBF44",'
       '"at bootstrap!<BaseAddress>+0x18fbc7"]}\n')


class Symbolize(unittest.TestCase):
    def test_offsets_AreDistinctLowerCaseInOrder(self):
        self.assertEqual(symbolize.offsets(LOG), ["18fbc7", "2cbf44"])

    def test_annotate_AppendsKnownNamesAndLeavesUnknownFrames(self):
        out = symbolize.annotate(LOG, {"18fbc7": "Get at Store.cs:12"})
        self.assertEqual(out.count("+0x18fbc7 [Get at Store.cs:12]"), 2)
        self.assertIn('"at bootstrap!<BaseAddress>+0x2CBF44"', out)
        self.assertTrue(out.startswith('{"level":"ERROR"'))

    def test_resolve_ReadsAddr2LinePairsAndSkipsUnknowns(self):
        fake = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_addr2line.sh")
        names = symbolize.resolve("ignored.dbg", ["10", "20", "30"], addr2line=fake)
        self.assertEqual(names, {"10": "Run at /src/A.cs:3", "20": "Main"})

    def test_resolve_WithNothingToResolve_RunsNothing(self):
        self.assertEqual(symbolize.resolve("ignored.dbg", [], addr2line="/nonexistent"), {})


if __name__ == "__main__":
    unittest.main()

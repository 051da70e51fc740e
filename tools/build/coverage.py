#!/usr/bin/env python3
"""Merges the Cobertura files of every test project and prints line coverage of shared/ and functions/.

Usage: coverage.py RESULTS_DIR MIN_PERCENT. Exits 1 when coverage is below MIN_PERCENT.
A line counts as covered when any test project hit it, so code shared by several projects is not
penalised for the projects that do not exercise it.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

PRODUCT_DIRS = ("shared", "functions")


def product_path(filename, root):
    rel = os.path.relpath(filename, root) if os.path.isabs(filename) else filename
    rel = rel.replace("\\", "/")
    if rel.startswith(PRODUCT_DIRS) and "/obj/" not in rel:
        return rel
    return None


def main():
    results, minimum = sys.argv[1], float(sys.argv[2])
    root = os.getcwd()
    lines = {}  # (file, line) -> hit
    for report in glob.glob(os.path.join(results, "**", "coverage.cobertura.xml"), recursive=True):
        tree = ET.parse(report)
        sources = [s.text or "" for s in tree.getroot().iter("source")]
        for cls in tree.getroot().iter("class"):
            filename = cls.get("filename", "")
            full = filename if os.path.isabs(filename) else os.path.join(sources[0] if sources else "", filename)
            path = product_path(full, root)
            if path is None:
                continue
            for line in cls.iter("line"):
                key = (path, int(line.get("number")))
                lines[key] = lines.get(key, False) or int(line.get("hits", "0")) > 0
    if not lines:
        print("coverage: no coverage data found", file=sys.stderr)
        return 1
    per_file = {}
    for (path, _), hit in lines.items():
        covered, total = per_file.get(path, (0, 0))
        per_file[path] = (covered + hit, total + 1)
    covered = sum(c for c, _ in per_file.values())
    total = sum(t for _, t in per_file.values())
    percent = 100.0 * covered / total
    for path, (c, t) in sorted(per_file.items()):
        if c < t:
            print(f"  {100.0 * c / t:5.1f}%  {path}  ({t - c} of {t} lines not covered)")
    print(f"Line coverage of shared/ and functions/: {percent:.1f}% ({covered}/{total} lines, bar {minimum:.0f}%)")
    return 0 if percent >= minimum else 1


if __name__ == "__main__":
    sys.exit(main())

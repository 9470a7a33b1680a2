"""Start-up: wall time of whole ``jsonld-news`` processes, beside ``python -c pass``.

    .venv/bin/python tools/bench_startup.py [--runs 7]

Each command runs ``--runs`` times as a fresh process; the median and the fastest are printed
(other work on a shared machine only adds, so prefer the median to any single run). The
conversions read the seed article (a text dump that names no language, so language detection
runs) with the default options: entity recognition on. "first run" uses an empty cache folder
(``JSONLD_NEWS_CACHE``), as on a fresh install: that run decompresses py3langid's model and
indexes the starter KB into it; every later run maps what it wrote.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "inputs" / "moscowtimes-scholz-putin.txt"
TARGETS = {"--help": 0.3, "formats": 0.3, "convert": 0.5}


def wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    tool = str(Path(sys.executable).with_name("jsonld-news"))
    convert = [tool, "convert", str(SEED)]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "--help": [tool, "--help"],
        "formats": [tool, "formats"],
        "convert": convert,
        "convert --no-mentions": [*convert, "--no-mentions"],
        "convert --to turtle": [*convert, "--to", "turtle"],
    }
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, JSONLD_NEWS_CACHE=cache)
        first = wall(convert, env)  # fills the empty cache, as the first run after an install
        print(f"bench_startup: {args.runs} fresh processes each, wall seconds (median, fastest)")
        baseline = 0.0
        for label, command in commands.items():
            times = [wall(command, env) for _ in range(args.runs)]
            median = statistics.median(times)
            baseline = baseline or median
            target = TARGETS.get(label.split(" --")[0] if label != "--help" else label)
            note = f"   (target <= {target} s)" if target and label in TARGETS else ""
            print(
                f"  {label:24s} {median:6.3f} s  {min(times):6.3f} s  "
                f"{median / baseline:5.0f}x python -c pass{note}"
            )
        print(f"  {'convert, first run':24s} {first:6.3f} s  (empty cache: builds the files)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

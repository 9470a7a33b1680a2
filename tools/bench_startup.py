"""Start-up: wall time of whole ``jsonld-news`` processes, beside ``python -c pass``.

    .venv/bin/python tools/bench_startup.py [--runs 7]

Each command runs ``--runs`` times as a fresh process; the median and the fastest are printed
(other work on a shared machine only adds, so prefer the median to any single run). The
conversions read the seed article (a text dump that names no language, so language detection
runs) with the default options: entity recognition on. "first run" uses an empty cache folder
(``JSONLD_NEWS_CACHE``), as on a fresh install: that run decompresses py3langid's model and
indexes the starter KB into it; every later run maps what it wrote.

Bytecode is written and read as on a user's machine (``pip install`` compiles it; a source
checkout writes it on the first run): ``PYTHONDONTWRITEBYTECODE``, which this sandbox's shell
sets, is dropped for the timed processes, and ``PYTHONPYCACHEPREFIX`` points into the temporary
folder so the tree is not touched; an untimed run after the first fills it. With the variable left
as the shell has it (``--no-bytecode``), every run compiles the package's modules from source:
about 0.1 s more.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "inputs" / "moscowtimes-scholz-putin.txt"
TARGETS = {"--help": 0.3, "formats": 0.3, "convert": 0.5}


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE from the shell"
    )
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
        first = run(convert, env)  # fills the empty cache, as the first run after an install
        if not args.no_bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(cache) / "pycache")
            run(convert, env)  # compiles the bytecode, untimed: pip install does this
        print(
            f"bench_startup: {args.runs} fresh processes each; seconds, median (fastest); "
            "CPU = user + system of the process; bytecode "
            + ("compiled on every run (--no-bytecode)" if args.no_bytecode else "cached")
        )
        baseline = 0.0
        for label, command in commands.items():
            walls, cpus = zip(*(run(command, env) for _ in range(args.runs)), strict=True)
            median = statistics.median(walls)
            baseline = baseline or median
            target = f"   target <= {TARGETS[label]} s" if label in TARGETS else ""
            print(
                f"  {label:22s} wall {median:6.3f} ({min(walls):5.3f})  "
                f"CPU {statistics.median(cpus):6.3f} ({min(cpus):5.3f})  "
                f"{median / baseline:4.0f}x python{target}"
            )
        print(
            f"  {'convert, first run':22s} wall {first[0]:6.3f}          CPU {first[1]:6.3f}"
            "           (empty cache: decompresses the model, indexes the starter KB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

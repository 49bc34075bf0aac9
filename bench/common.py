"""Shared by the Python benchmarks: the repo root and the release CLI they run."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_binary():
    """$CROSSCHECK_BIN, or target/release/crosscheck (built when missing)."""
    if os.environ.get("CROSSCHECK_BIN"):
        return os.environ["CROSSCHECK_BIN"]
    exe = os.path.join(ROOT, "target", "release", "crosscheck")
    if not os.path.exists(exe):
        print("building release binary ...", file=sys.stderr)
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return exe

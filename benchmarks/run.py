#!/usr/bin/env python3
"""Speed of `factcheck lint` against the floors it cannot beat, in one table.

Builds a deterministic corpus of generated example articles (benchmarks/corpus.py) or uses
--corpus DIR, then measures, on the same files:

  floors      reading every file; spaCy blank("en") tokenizer, and tokenizer + sentencizer,
              in process (timed loop only) and as a whole process (start-up included);
  factcheck   Linter.lint_paths in process with jobs 1 and 2; `factcheck lint` as a whole
              process with --jobs 1 and --jobs 2 (no cache); a cold and a warm run with the cache;
  start-up    `--version`, `--help`, and one ~2,000-word Markdown file, against
              python -c "import spacy; spacy.blank('en')";
  peer        proselint on the same folder, when installed (pip install "factcheck[bench]").

Every figure is shown with its ratio to the whole-process tokenizer floor; whole-process rows
also show peak RSS. Speeds are reported, never asserted (CI runs --quick to keep this working).

    python benchmarks/run.py --files 2000
    python benchmarks/run.py --quick
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
# The checkout's factcheck, here and in every process this starts, whatever is installed.
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
import corpus as gen  # noqa: E402

AS_OF = "2026-11-22"

FLOOR = """
import sys, pathlib, spacy
nlp = spacy.blank("en")
if sys.argv[2] == "sent":
    nlp.add_pipe("sentencizer")
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.md")):
    n += len(nlp(p.read_text(encoding="utf-8")))
print(n)
"""


class Row:
    def __init__(self, label: str, seconds: float, rss_mib: float | None = None, note: str = "",
                 cpu: float | None = None) -> None:
        self.label, self.seconds, self.rss_mib, self.note, self.cpu = label, seconds, rss_mib, note, cpu


# CPU seconds (user + sys, children included) of the last process run: on a machine shared with
# other work, wall time includes waiting for a core; CPU time does not.
_LAST_CPU: list[float] = []


def run_process(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS in MiB. RSS comes from GNU time when present: a child forked
    from this process would otherwise report this process's own (larger) peak."""
    timer = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        full = [timer, "-f", "%U %S %M", "-o", out.name, *cmd] if timer else cmd
        t = time.perf_counter()
        proc = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd, check=False)
        wall = time.perf_counter() - t
        if proc.returncode not in (0, 1):
            raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n"
                             f"{proc.stderr.decode(errors='replace')[-2000:]}")
        fields = out.read().split()[-3:] if timer else []
    if len(fields) == 3:
        _LAST_CPU.append(float(fields[0]) + float(fields[1]))
        return wall, int(fields[2]) / 1024
    _LAST_CPU.append(float("nan"))
    return wall, float("nan")


def median_process(cmd: list[str], runs: int, cwd: Path | None = None, warm: bool = True) -> tuple[float, float]:
    if warm:
        run_process(cmd, cwd)  # page cache and bytecode, so the first row is not penalised
    _LAST_CPU.clear()
    results = [run_process(cmd, cwd) for _ in range(runs)]
    cpu = statistics.median(_LAST_CPU)
    _LAST_CPU.clear()
    _LAST_CPU.append(cpu)
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def cpu() -> float:
    return _LAST_CPU[-1] if _LAST_CPU else float("nan")


def median_call(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def lint_cmd(folder: Path, jobs: int, *extra: str) -> list[str]:
    # The report goes to standard output, which run_process discards (`--output` refuses a device).
    return [sys.executable, "-m", "factcheck", "lint", "--format", "json", "--fail-on", "never", "--as-of", AS_OF,
            "--jobs", str(jobs), *extra, str(folder)]


def in_process(files: list[Path], runs: int) -> list[Row]:
    import spacy

    from factcheck.engine import Linter
    from factcheck.knowledge import load_pack_cached

    texts = [p.read_text(encoding="utf-8") for p in files]
    nlp = spacy.blank("en")
    sent = spacy.blank("en")
    sent.add_pipe("sentencizer")
    rows = [
        Row("read every file (in process)", median_call(lambda: [p.read_bytes().decode("utf-8") for p in files], runs)),
        Row("spaCy tokenizer (in process)", median_call(lambda: [len(d) for d in nlp.pipe(texts)], runs)),
        Row("spaCy tokenizer + sentencizer (in process)", median_call(lambda: [len(d) for d in sent.pipe(texts)], runs)),
    ]
    texts.clear()  # the in-process rows below stream from disk
    linter = Linter(load_pack_cached(), date.fromisoformat(AS_OF))
    names = [str(p) for p in files]
    for jobs in (1, 2):
        t = median_call(lambda jobs=jobs: sum(len(r.findings) for r in linter.lint_paths(names, jobs=jobs)), runs)
        rows.append(Row(f"factcheck Linter.lint_paths, jobs {jobs} (in process)", t))
    return rows


def scale(folder: Path) -> list[Row]:
    """Growth rows only: the tokenizer floor and lint with the default jobs, no cache."""
    t, rss = median_process([sys.executable, "-c", FLOOR, str(folder), "tok"], 1)
    rows = [Row("spaCy tokenizer (whole process) = 1x", t, rss, cpu=cpu())]
    t, rss = run_process(lint_cmd(folder, 0, "--no-cache"))
    rows.append(Row("factcheck lint --jobs 0 (one per core; whole process)", t, rss, cpu=cpu()))
    return rows


def whole_process(folder: Path, runs: int, peer: bool) -> list[Row]:
    rows = []
    for what, label in (("tok", "spaCy tokenizer (whole process) = 1x"), ("sent", "spaCy tokenizer + sentencizer (whole process)")):
        t, rss = median_process([sys.executable, "-c", FLOOR, str(folder), what], runs, warm=what == "tok")
        rows.append(Row(label, t, rss, cpu=cpu()))
    for jobs in (1, 2):
        t, rss = median_process(lint_cmd(folder, jobs, "--no-cache"), runs, warm=False)
        rows.append(Row(f"factcheck lint --jobs {jobs} (whole process)", t, rss, cpu=cpu()))
    with tempfile.TemporaryDirectory() as cache:
        cold, rss = run_process(lint_cmd(folder, 0, "--cache-dir", cache))
        rows.append(Row("factcheck lint, cold run filling the cache (--jobs 0)", cold, rss, cpu=cpu()))
        warm, rss = median_process(lint_cmd(folder, 0, "--cache-dir", cache), runs, warm=False)
        rows.append(Row("factcheck lint, warm re-run from the cache", warm, rss, f"{warm / cold:.1%} of the cold run",
                        cpu=cpu()))
    local = Path(sys.executable).parent / "proselint"  # installed next to this Python (a venv)
    exe = str(local) if local.exists() else shutil.which("proselint")
    if peer and exe:
        t, rss = median_process([exe, "check", str(folder)], 1, warm=False)
        rows.append(Row("proselint check (peer, whole process)", t, rss, cpu=cpu()))
    elif peer:
        rows.append(Row("proselint (not installed: pip install 'factcheck[bench]')", float("nan")))
    return rows


def startup(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "draft.md"
        rng = __import__("random").Random(7)
        one.write_text(gen.article(rng, 2000), encoding="utf-8")
        words = len(one.read_text(encoding="utf-8").split())
        base, rss = median_process([sys.executable, "-c", "import spacy; spacy.blank('en')"], runs)
        rows = [Row("python -c \"import spacy; spacy.blank('en')\" = 1x", base, rss, cpu=cpu())]
        for label, cmd in (("factcheck --version", ["--version"]), ("factcheck --help", ["--help"])):
            t, rss = median_process([sys.executable, "-m", "factcheck", *cmd], runs)
            rows.append(Row(label, t, rss, cpu=cpu()))
        t, rss = median_process(lint_cmd(one, 1, "--no-cache"), runs)
        rows.append(Row(f"factcheck lint one {words:,}-word Markdown file", t, rss, cpu=cpu()))
        with tempfile.TemporaryDirectory() as cache:
            run_process(lint_cmd(one, 1, "--cache-dir", cache))
            t, rss = median_process(lint_cmd(one, 1, "--cache-dir", cache), runs, warm=False)
            rows.append(Row("the same file again, from the cache", t, rss, cpu=cpu()))
    return rows


def table(title: str, rows: list[Row], unit: float, words: int | None, unit_cpu: float | None = None) -> str:
    """Wall seconds and their ratio to `unit`; for whole processes also CPU seconds (user + sys,
    all processes) and their ratio to the floor's CPU seconds, which waiting for a core on a
    shared machine does not inflate."""
    out = [f"\n{title}", "| item | wall s | words/s | ratio | CPU s | CPU ratio | peak RSS MiB | note |",
           "|---|---:|---:|---:|---:|---:|---:|---|"]
    ok = lambda x: x is not None and x == x  # noqa: E731 - not NaN
    for r in rows:
        wps = f"{words / r.seconds:,.0f}" if words and ok(r.seconds) and r.seconds > 0 else ""
        ratio = f"{r.seconds / unit:.2f}x" if ok(r.seconds) else ""
        secs = f"{r.seconds:.3f}" if ok(r.seconds) else "-"
        cpu_s = f"{r.cpu:.2f}" if ok(r.cpu) else ""
        cpu_r = f"{r.cpu / unit_cpu:.2f}x" if ok(r.cpu) and ok(unit_cpu) and unit_cpu else ""
        rss = f"{r.rss_mib:.0f}" if ok(r.rss_mib) and r.rss_mib else ""
        out.append(f"| {r.label} | {secs} | {wps} | {ratio} | {cpu_s} | {cpu_r} | {rss} | {r.note} |")
    return "\n".join(out)


def compile_bytecode() -> str:
    """Compile factcheck's modules to bytecode first when this Python does not write it
    (PYTHONDONTWRITEBYTECODE): every lint process would otherwise compile the package from source,
    about 0.07 CPU s per start here, which an installed package never pays."""
    if not sys.flags.dont_write_bytecode:
        return ""
    import compileall

    import factcheck

    pkg = Path(factcheck.__file__).parent
    compileall.compile_dir(str(pkg), quiet=1)
    return f"compiled for {pkg} although PYTHONDONTWRITEBYTECODE is set"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    import spacy

    from factcheck import __version__
    load = " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"{cpu}, {cores} usable cores (load average {load} at start); Python {platform.python_version()}, spaCy {spacy.__version__}, "
            f"factcheck {__version__}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=2000, help="articles to generate (default 2000)")
    ap.add_argument("--quick", action="store_true", help="a few files, one run, no peer: keeps the script working")
    ap.add_argument("--corpus", type=Path, help="use the *.md files of this folder instead of generating")
    ap.add_argument("--runs", type=int, default=1, help="median of this many runs per item (default 1)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--no-peer", action="store_true", help="skip proselint")
    ap.add_argument("--no-in-process", action="store_true", help="skip the in-process rows (they hold all texts)")
    ap.add_argument("--scale", action="store_true",
                    help="growth figures only: tokenizer floor and lint with one job per core (for 20,000 files)")
    args = ap.parse_args()
    compiled = compile_bytecode()
    files_n = 12 if args.quick else args.files
    peer = not (args.quick or args.no_peer)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.corpus or Path(tmp) / "corpus"
        if args.corpus is None:
            gen.build(folder, files_n, args.seed)
        files = sorted(folder.rglob("*.md"))
        data = [p.read_bytes() for p in files]
        words, size = sum(len(d.decode("utf-8").split()) for d in data), sum(len(d) for d in data)
        del data
        print(f"machine: {machine()}")
        if compiled:
            print(f"bytecode: {compiled} (as `pip install` does), so start-up does not include compiling factcheck")
        print(f"corpus: {folder if args.corpus else 'generated'}: {len(files):,} files, {words:,} words, "
              f"{size / 1e6:.1f} MB; median of {args.runs} run(s); {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        if args.scale:
            rows = scale(folder)
            print(table("Growth (ratio = seconds / whole-process tokenizer floor)", rows, rows[0].seconds, words,
                        rows[0].cpu))
            return 0
        whole = whole_process(folder, args.runs, peer)
        unit = whole[0].seconds
        rows = [] if args.no_in_process else in_process(files, args.runs)
        print(table("Corpus (ratio = seconds / whole-process tokenizer floor)", whole + rows, unit, words,
                    whole[0].cpu))
        j1 = next(r.seconds for r in whole if "--jobs 1 (whole" in r.label)
        j2 = next(r.seconds for r in whole if "--jobs 2 (whole" in r.label)
        print(f"\n--jobs 2 speed-up over --jobs 1 (whole process): {j1 / j2:.2f}x")
    s = startup(3 if args.quick else max(3, args.runs))
    print(table("Start-up (ratio = seconds / import spacy + blank('en'))", s, s[0].seconds, None, s[0].cpu))
    return 0


if __name__ == "__main__":
    sys.exit(main())

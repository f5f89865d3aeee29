#!/usr/bin/env python3
"""The course site's build benchmark: `mathbook build` beside `jupyter nbconvert --execute --to
html` and markdown-exec over the same lessons, from one run on one machine.

    site_benchmark.py MATHBOOK LESSONS_FOLDER VENV

MATHBOOK is a release build of the `mathbook` executable; VENV a Python virtual environment with
nbconvert, ipykernel, markdown-exec and pymdown-extensions (scripts/benchmark-site makes both).
Every command runs as a whole process, in a scratch folder, on a copy of the lessons.
"""
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
RAN = re.compile(r"^\s*ran\s+(\S+) in ([0-9.]+) (ms|s)")


def timed(command, cwd, env=None):
    """Runs a command; returns (seconds, standard output). Fails loudly if the command fails."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, command))}\n{done.stdout}{done.stderr}")
    return seconds, done.stdout


def lesson_times(output):
    """The `ran LESSON in T` lines of a build, as seconds by lesson path."""
    times = {}
    for line in output.splitlines():
        match = RAN.match(line)
        if match:
            value = float(match.group(2))
            times[match.group(1)] = value / 1000 if match.group(3) == "ms" else value
    return times


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: site_benchmark.py MATHBOOK LESSONS_FOLDER VENV")
    mathbook = pathlib.Path(sys.argv[1]).resolve()
    lessons = pathlib.Path(sys.argv[2]).resolve()
    venv = pathlib.Path(sys.argv[3]).resolve()
    lesson_files = sorted(lessons.glob("*.md"))
    count = len(lesson_files)
    runs = 5

    with tempfile.TemporaryDirectory(prefix="mathbook-site-benchmark-") as scratch:
        work = pathlib.Path(scratch)
        shutil.copytree(lessons, work / "lessons")
        build = [mathbook, "build", "--lessons", "lessons", "--output", "site"]

        # Cold: no cache, no site. Best of `runs`.
        cold = []
        for _ in range(runs):
            shutil.rmtree(work / ".mathbook-cache", ignore_errors=True)
            shutil.rmtree(work / "site", ignore_errors=True)
            seconds, _ = timed(build, work)
            cold.append(seconds)

        # No-op: the same build again, everything from the cache.
        noop = []
        for _ in range(runs):
            seconds, output = timed(build, work)
            if lesson_times(output):
                sys.exit("a rebuild with nothing changed ran a lesson:\n" + output)
            noop.append(seconds)

        # One touched lesson: a paragraph added to the middle lesson changes its key; it runs again.
        touched_file = work / "lessons" / lesson_files[count // 2].name
        original = touched_file.read_text(encoding="utf-8")
        touched = []
        beyond = []
        for run in range(runs):
            touched_file.write_text(original + f"\nA paragraph added by the benchmark ({run}).\n", encoding="utf-8")
            seconds, output = timed(build, work)
            ran = lesson_times(output)
            if list(ran) != [f"lessons/{touched_file.name}"]:
                sys.exit("touching one lesson did not run exactly that lesson:\n" + output)
            touched.append(seconds)
            beyond.append(seconds - ran[f"lessons/{touched_file.name}"])
        touched_file.write_text(original, encoding="utf-8")
        own_run = min(touched) - min(beyond)

        # The same lessons as notebooks and as markdown-exec pages.
        python = venv / "bin" / "python"
        timed([python, HERE / "make_notebooks.py", work / "lessons", work / "notebooks"], work)
        notebooks = sorted(str(p) for p in (work / "notebooks").glob("*.ipynb"))
        env = dict(os.environ, PATH=f"{venv / 'bin'}:{os.environ['PATH']}", PYTHONWARNINGS="ignore")
        nbconvert, _ = timed([venv / "bin" / "jupyter", "nbconvert", "--execute", "--to", "html",
                              "--output-dir", work / "nbconvert-html", *notebooks], work, env)
        markdown_exec = min(timed([python, HERE / "markdown_exec_build.py", work / "notebooks" / "markdown-exec",
                                   work / "markdown-exec-html"], work, env)[0] for _ in range(3))

    best_cold = min(cold)
    print(f"The course: {count} lessons from {lessons.name}/; mathbook {mathbook}; best of {runs} "
          f"(nbconvert once, markdown-exec best of 3); whole processes.\n")
    print("| build | time | ÷ mathbook cold build |")
    print("| --- | ---: | ---: |")
    print(f"| mathbook build, cold (no cache) | {best_cold * 1000:.0f} ms | 1.00 |")
    print(f"| mathbook build, nothing changed | {min(noop) * 1000:.1f} ms | {min(noop) / best_cold:.3f} |")
    print(f"| mathbook build, one lesson touched ({touched_file.name}) | {min(touched) * 1000:.1f} ms | "
          f"{min(touched) / best_cold:.3f} |")
    print(f"|   of which beyond that lesson's own run ({own_run * 1000:.1f} ms) | {min(beyond) * 1000:.1f} ms | |")
    print(f"| markdown-exec (Python-Markdown, in one process) | {markdown_exec * 1000:.0f} ms | "
          f"{markdown_exec / best_cold:.2f} |")
    print(f"| jupyter nbconvert --execute --to html | {nbconvert:.2f} s | {nbconvert / best_cold:.1f} |")
    print()
    goals = [
        ("cold build faster than markdown-exec", best_cold < markdown_exec),
        ("cold build at least 50× faster than nbconvert", nbconvert / best_cold >= 50),
        ("no-op rebuild under 100 ms", min(noop) < 0.1),
        ("one touched lesson under 50 ms beyond its run", min(beyond) < 0.05),
    ]
    for goal, met in goals:
        print(f"{'met    ' if met else 'NOT met'}  {goal}")


if __name__ == "__main__":
    main()

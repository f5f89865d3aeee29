#!/usr/bin/env python3
"""Writes each lesson of a Mathbook lessons folder as a Jupyter notebook (and as a markdown-exec
page), for the site benchmark's comparison with `jupyter nbconvert --execute --to html`.

    make_notebooks.py LESSONS_FOLDER OUT_FOLDER

Prose becomes markdown cells; each runnable `swift-math` block becomes one Python code cell that
prints the output the lesson recorded for it. The Python kernel cannot run Swift, so the cells do
the least work that reproduces the page: the notebooks measure nbconvert's own cost (starting a
kernel, a round trip per cell, exporting HTML), a lower bound for any real translation of the code.
The markdown-exec pages (OUT_FOLDER/markdown-exec/*.md) do the same with `python exec="on"` blocks.
"""
import json
import pathlib
import re
import sys

FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)(.*)$")


def blocks(text):
    """Yields ("prose", text) and ("code", info, body) in document order."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":  # front matter
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        lines = lines[end + 1:]
    prose = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i].rstrip("\n"))
        if not match:
            prose.append(lines[i])
            i += 1
            continue
        if prose:
            yield ("prose", "".join(prose))
            prose = []
        marker = match.group(2)
        info = (match.group(3) + match.group(4)).strip()
        body = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(marker):
            body.append(lines[i])
            i += 1
        i += 1
        yield ("code", info, "".join(body))
    if prose:
        yield ("prose", "".join(prose))


def cells(text):
    """The lesson as a list of (kind, source, recorded output) with outputs attached to code."""
    result = []
    for item in blocks(text):
        if item[0] == "prose":
            if item[1].strip():
                result.append(["markdown", item[1].strip("\n"), None])
            continue
        _, info, body = item
        words = info.split()
        if words and words[0] == "output" and result and result[-1][0] == "code":
            result[-1][2] = body
        elif words and words[0] == "swift-math" and "no-run" not in words:
            result.append(["code", body, ""])
        else:
            fence = "```"
            result.append(["markdown", f"{fence}{info}\n{body}{fence}", None])
    return result


def notebook(lesson_cells):
    def source(text):
        return text.splitlines(keepends=True)

    nb_cells = []
    for kind, text, output in lesson_cells:
        if kind == "markdown":
            nb_cells.append({"cell_type": "markdown", "metadata": {}, "source": source(text)})
        else:
            code = f"# Swift-math:\n# {text.rstrip().replace(chr(10), chr(10) + '# ')}\nprint({output!r}, end='')\n"
            nb_cells.append({"cell_type": "code", "execution_count": None, "metadata": {},
                             "outputs": [], "source": source(code)})
    return {
        "cells": nb_cells,
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def markdown_exec_page(lesson_cells):
    parts = []
    for kind, text, output in lesson_cells:
        if kind == "markdown":
            parts.append(text)
        else:
            parts.append(f'```python exec="on" result="text"\nprint({output!r}, end="")\n```')
    return "\n\n".join(parts) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_notebooks.py LESSONS_FOLDER OUT_FOLDER")
    lessons, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    (out / "markdown-exec").mkdir(parents=True, exist_ok=True)
    for path in sorted(lessons.glob("*.md")):
        lesson_cells = cells(path.read_text(encoding="utf-8"))
        (out / (path.stem + ".ipynb")).write_text(json.dumps(notebook(lesson_cells), indent=1), encoding="utf-8")
        (out / "markdown-exec" / path.name).write_text(markdown_exec_page(lesson_cells), encoding="utf-8")


if __name__ == "__main__":
    main()

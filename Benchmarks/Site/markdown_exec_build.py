#!/usr/bin/env python3
"""Renders the markdown-exec pages that make_notebooks.py wrote to HTML, in one process, as
markdown-exec's users do (Python-Markdown with pymdownx.superfences and markdown-exec's fence).

    markdown_exec_build.py PAGES_FOLDER OUT_FOLDER
"""
import pathlib
import sys

import markdown
from markdown_exec import formatter, validator


def main():
    pages, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    fences = [{"name": "python", "class": "python", "validator": validator, "format": formatter}]
    for page in sorted(pages.glob("*.md")):
        converter = markdown.Markdown(extensions=["pymdownx.superfences"],
                                      extension_configs={"pymdownx.superfences": {"custom_fences": fences}})
        html = converter.convert(page.read_text(encoding="utf-8"))
        (out / (page.stem + ".html")).write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks that every #include under src/ respects the layering in docs/architecture.md.

Each folder of src/ is a layer; a file may include our own headers only from the layers
listed for it, and third-party headers only from the libraries listed for it. Standard
headers (<vector>, <cstdint>, ...) are always allowed. Front ends (FRONT_ENDS) only draw and
read input: they may use core's types through the app layer's view models and actions, but
never call a core function (`core::name(`). Exits 1 and prints file:line for every
violation, so the same rule holds for headers as for the CMake link graph.
"""
import pathlib
import re
import sys

OWN = {
    "core": {"core"},
    "bank": {"core", "bank"},
    "interchange": {"core", "bank", "interchange"},
    "storage": {"core", "storage"},
    "report": {"core", "report"},
    "app": {"core", "bank", "interchange", "storage", "report", "app"},
    "platform": {"platform"},
    "ui": {"app", "platform", "ui"},
    "term": {"app", "term"},  # the terminal front end (`casebook study`)
    "cli": {"core", "bank", "interchange", "storage", "report", "app", "term", "cli"},
    ".": {"core", "bank", "interchange", "storage", "report", "app", "term", "cli", "platform", "ui"},  # main.cpp
}
POSIX = ("unistd.h", "fcntl.h", "signal.h", "sys/", "pwd.h", "errno.h")
THIRD = {
    "core": ("date/", "utf8proc.h"),
    "bank": ("toml++/",),
    "interchange": ("toml++/", "utf8proc.h"),
    "storage": ("SQLiteCpp/", "sqlite3.h") + POSIX,
    "report": ("nlohmann/", "fmt/", "xlsxwriter.h", "uuid/", "cairo.h", "cairo-pdf.h", "pango/"),
    "app": ("curl/",) + POSIX,
    "platform": ("GLFW/", "GL/", "imgui", "backends/", "fontconfig/", "fribidi.h", "stb_image_write.h", "stb/stb_truetype.h") + POSIX,
    "ui": ("imgui", "backends/", "misc/") + POSIX,
    "term": POSIX,
    "cli": ("CLI/", "fmt/", "nlohmann/") + POSIX,
    ".": ("CLI/", "fmt/") + POSIX,
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
FRONT_ENDS = {"ui", "term"}
# A front end, and the platform layer (for the display order of right-to-left text), may use
# core's UTF-8 walker (text utilities, no study logic) and nothing else of core.
FRONT_END_CORE_HEADERS = {"core/utf8.hpp"}
FRONT_END_CORE_CALLS = {"code_point_count", "utf8_offset", "utf8_cut", "decode_utf8_at", "decode_utf8",
                        "valid_utf8", "is_valid_utf8", "append_utf8", "encode_utf8"}
CORE_CALL = re.compile(r'\bcore::([a-z_][a-z0-9_]*)\s*[(<]')


def is_standard(name: str) -> bool:
    return "/" not in name and "." not in name


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".") / "src"
    problems = []
    files = sorted(p for p in root.rglob("*") if p.suffix in (".hpp", ".cpp", ".h"))
    for path in files:
        rel = path.relative_to(root)
        layer = rel.parts[0] if len(rel.parts) > 1 else "."
        if layer not in OWN:
            problems.append(f"{path}: folder src/{layer} is not a known layer")
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("//", 1)[0]
            calls = [c for c in CORE_CALL.findall(code) if c not in FRONT_END_CORE_CALLS]
            if layer in FRONT_ENDS and calls:
                problems.append(f"{path}:{lineno}: src/{layer} is a front end and may not call core directly "
                                f"(go through the app layer): {line.strip()}")
            m = INCLUDE.match(line)
            if not m:
                continue
            kind, name = m.groups()
            if kind == '"':
                top = name.split("/")[0] if "/" in name else layer
                if (layer in FRONT_ENDS or layer == "platform") and name in FRONT_END_CORE_HEADERS:
                    continue
                if top not in OWN[layer]:
                    problems.append(f"{path}:{lineno}: src/{layer} may not include \"{name}\"")
            elif not is_standard(name) and not name.startswith(THIRD[layer]):
                problems.append(f"{path}:{lineno}: src/{layer} may not include <{name}>")
    for p in problems:
        print(p)
    print(f"layering: {len(files)} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

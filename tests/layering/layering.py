#!/usr/bin/env python3
"""The layering of generator/ is enforced by the build (issue 13).

    layering.py CMAKE BUILD_DIR SOURCE_DIR

1. The real tree: every file of generator/M/ compiles (compile_commands.json)
   with the include roots of M and of modules below M only, and never with
   generator/ itself, which would let it see everything.
2. The probes: a file of data/ including "render/view.h", of content/
   including "data/site_data.h" and of markdown/ including
   "render/templates.h" each fail to compile, for that include; the control,
   a file of data/ including only lower layers, compiles.
3. No quoted include climbs out of its folder ("../"), which would get round
   the include roots.
"""
import json
import os
import re
import shlex
import subprocess
import sys

# STYLE.md's direction, as the set of modules each module may include
# (itself aside), closed transitively. check and studio are both above site.
BELOW = {
    "core": [],
    "config": ["core"],
    "markdown": ["core"],
    "content": ["config"],
    "data": ["config"],
    "domain": ["content", "data"],
    "render": ["domain", "markdown"],
    # The photo module's interface (imaging/vips_api.h): a leaf that only
    # site/ (its loader) and the module itself see.
    "imaging": [],
    "site": ["render", "imaging"],
    "check": ["site"],
    "studio": ["check"],
    "cli": ["studio"],
}


def allowed(module):
    seen, todo = set(), [module]
    while todo:
        m = todo.pop()
        for d in BELOW[m]:
            if d not in seen:
                seen.add(d)
                todo.append(d)
    return seen | {module}


PROBES = [  # (target, module, header, must compile)
    ("data_includes_render", "data", "render/view.h", False),
    ("content_includes_data", "content", "data/site_data.h", False),
    ("markdown_includes_render", "markdown", "render/templates.h", False),
    ("data_includes_lower", "data", None, True),
]


def include_dirs(command):
    args = shlex.split(command)
    dirs = []
    for i, a in enumerate(args):
        if a in ("-I", "-isystem", "-iquote") and i + 1 < len(args):
            dirs.append(args[i + 1])
        elif a.startswith("-I") and len(a) > 2:
            dirs.append(a[2:])
        elif a.startswith(("-isystem", "-iquote")) and a not in ("-isystem", "-iquote"):
            dirs.append(a[8:] if a.startswith("-isystem") else a[7:])
    return dirs


def check_real_tree(build, source, failures):
    generator = os.path.realpath(os.path.join(source, "generator"))
    layers = os.path.realpath(os.path.join(build, "layers"))
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        commands = json.load(f)
    seen_modules = set()
    for entry in commands:
        path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        if not path.startswith(generator + os.sep):
            continue
        module = os.path.relpath(path, generator).split(os.sep)[0]
        if module not in BELOW:
            failures.append(f"{path}: generator/{module}/ is not a known module; add it to BELOW")
            continue
        seen_modules.add(module)
        roots = set()
        for d in include_dirs(entry.get("command") or " ".join(entry["arguments"])):
            real = os.path.realpath(os.path.join(entry["directory"], d))
            if real == generator or generator.startswith(real + os.sep) or real.startswith(generator + os.sep):
                failures.append(f"{path}: compiled with -I{d}, which shows every module")
            if os.path.dirname(real) == layers:
                roots.add(os.path.basename(real))
        extra = roots - allowed(module)
        if extra:
            failures.append(f"{path}: sees {sorted(extra)}, above {module}/")
    missing = set(BELOW) - seen_modules
    if missing:
        failures.append(f"no compile command for {sorted(missing)}: is compile_commands.json exported?")


def check_probes(cmake, build, failures):
    for target, module, header, must_compile in PROBES:
        run = subprocess.run([cmake, "--build", build, "--target", f"layering_{target}"],
                             capture_output=True, text=True)
        out = run.stdout + run.stderr
        if must_compile:
            if run.returncode != 0:
                failures.append(f"{target}: the control probe of {module}/ did not compile:\n{out}")
            else:
                print(f"ok   {target}: {module}/ sees its own and lower headers")
        elif run.returncode == 0:
            failures.append(f"{target}: {module}/ including \"{header}\" compiled; it must not")
        elif not re.search(re.escape(header) + r".*No such file", out):
            failures.append(f"{target}: failed, but not for \"{header}\":\n{out}")
        else:
            print(f"ok   {target}: {module}/ cannot include \"{header}\"")


def check_no_relative_includes(source, failures):
    generator = os.path.join(source, "generator")
    for dirpath, _, files in os.walk(generator):
        for name in files:
            if not name.endswith((".cc", ".h")):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if re.match(r'\s*#\s*include\s*"[^"]*\.\./', line):
                        failures.append(f"{path}:{n}: an include climbs out of its folder")


def main():
    cmake, build, source = sys.argv[1:4]
    failures = []
    check_real_tree(build, source, failures)
    check_no_relative_includes(source, failures)
    check_probes(cmake, build, failures)
    for f in failures:
        print("FAIL", f)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

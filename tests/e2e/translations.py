#!/usr/bin/env python3
"""Every message a user can see has a Chinese translation.

    translations.py SOURCE_DIR

Extracts the marked messages (_(), tr(), trn(), N_()) from generator/ with
xgettext, then fails when po/zh_CN.po lacks one, leaves one untranslated or
fuzzy, or changes the number of `{}` placeholders (fmt would throw at run
time). Also fails on a catalogue entry no source uses any more, so the file
translators edit holds only what hongfan says.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

import polib  # Debian: python3-polib

KEYWORDS = ["--keyword=_", "--keyword=N_", "--keyword=tr", "--keyword=trn:1,2"]


def placeholders(text):
    return len(re.findall(r"(?<!\{)\{[^{}]*\}(?!\})", text))


def main():
    root = sys.argv[1]
    sources = [f for f in glob.glob(os.path.join(root, "generator", "**", "*.cc"), recursive=True) +
               glob.glob(os.path.join(root, "generator", "**", "*.h"), recursive=True)
               if not f.endswith("_test.cc")]
    with tempfile.TemporaryDirectory() as tmp:
        pot_path = os.path.join(tmp, "hongfan.pot")
        subprocess.run(["xgettext", "--language=C++", "--from-code=UTF-8", "--no-wrap", *KEYWORDS,
                        "-o", pot_path, *sorted(sources)], check=True)
        pot = polib.pofile(pot_path)
    po = polib.pofile(os.path.join(root, "po", "zh_CN.po"))
    entries = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    problems = []
    used = set()
    for m in pot:
        key = (m.msgctxt, m.msgid)
        used.add(key)
        where = ", ".join(f"{os.path.relpath(f, root)}:{l}" for f, l in m.occurrences[:2])
        e = entries.get(key)
        if e is None:
            problems.append(f"no translation: {m.msgid!r} ({where})")
            continue
        if "fuzzy" in e.flags:
            problems.append(f"fuzzy translation: {m.msgid!r} ({where})")
        forms = [e.msgstr] if not m.msgid_plural else list(e.msgstr_plural.values())
        if not all(forms) or not forms:
            problems.append(f"empty translation: {m.msgid!r} ({where})")
            continue
        for form in forms:
            if placeholders(form) != placeholders(m.msgid):
                problems.append(f"placeholders differ: {m.msgid!r} -> {form!r} ({where})")
    for key, e in entries.items():
        if key not in used and e.msgid:
            problems.append(f"translation of a message no source uses: {e.msgid!r}")
    for p in problems:
        print(p)
    print(f"{len(pot)} messages, {len(problems)} problems")
    print(f"{0 if problems else 1} passed, {1 if problems else 0} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

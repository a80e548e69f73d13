#!/usr/bin/env python3
"""The script a user would otherwise write: walk the journal, split the front matter, load it
with PyYAML's C loader, and collect open task-list items outside code fences.
Prints the number of files and open items, so that its work cannot be skipped."""
import os, re, sys
import yaml

TASK = re.compile(r"^\s*[-*+] \[([ xX])\] (.*)$")


def main(root):
    files = items = errors = 0
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "templates"]
        for name in names:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                text = handle.read()
            files += 1
            body = text
            if text.startswith("---\n"):
                end = text.find("\n---\n", 4)
                if end > 0:
                    try:
                        yaml.load(text[4:end], Loader=yaml.CSafeLoader)
                    except yaml.YAMLError:
                        errors += 1
                    body = text[end + 5:]
            fenced = False
            for line in body.splitlines():
                if line.startswith("```"):
                    fenced = not fenced
                elif not fenced:
                    match = TASK.match(line)
                    if match and match.group(1) == " ":
                        items += 1
    print(files, items, errors)


main(sys.argv[1])

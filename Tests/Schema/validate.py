#!/usr/bin/env python3
"""Front matter against journal's schemas, as an editor's YAML validator reads it.

validate.py cases SCHEMA_DIR CASES.json   prints {"name": true|false, ...}: each case's YAML
                                           validated against SCHEMA_DIR/KIND.json
validate.py json ENTRY.md OUT.json        writes an entry's front matter as JSON, for
                                           check-jsonschema

YAML is read as YAML 1.2 reads it: `2026-11-20` stays text (PyYAML's 1.1 timestamps are off).
"""
import json, re, sys

import yaml
from jsonschema import Draft202012Validator, FormatChecker


class Loader(yaml.SafeLoader):
    pass


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(text):
    match = re.match(r"^---\r?\n(.*?)\r?\n(---|\.\.\.)\s*(\r?\n|$)", text, re.S)
    return yaml.load(match.group(1), Loader=Loader) if match else None


def main():
    if sys.argv[1] == "json":
        with open(sys.argv[2]) as handle:
            data = front_matter(handle.read())
        with open(sys.argv[3], "w") as handle:
            json.dump(data, handle)
        return
    schemas, cases = sys.argv[2], json.load(open(sys.argv[3]))
    results = {}
    for case in cases:
        schema = json.load(open(f"{schemas}/{case['kind']}.json"))
        instance = yaml.load(case["yaml"], Loader=Loader)
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        results[case["name"]] = not list(validator.iter_errors(instance))
    print(json.dumps(results))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Validates a SARIF file against the official SARIF 2.1.0 schema (OASIS, in this folder),
with format checking (uri, uri-reference, date-time); prints each error, exits 1 if any."""
import json, os, sys

from jsonschema import Draft4Validator, FormatChecker

schema = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sarif-schema-2.1.0.json")))
document = json.load(open(sys.argv[1]))
checker = FormatChecker()
assert "uri-reference" in checker.checkers, "install rfc3986-validator so that URIs are checked"
errors = list(Draft4Validator(schema, format_checker=checker).iter_errors(document))
for error in errors:
    print("/".join(str(p) for p in error.absolute_path), error.message)
sys.exit(1 if errors else 0)

#!/usr/bin/env python3
"""schemacheck.py SCHEMA FILE... - check each line of NDJSON FILEs against SCHEMA.

Prints FILE:LINE: what is wrong, for each record the schema refuses,
and exits 1 if there was one; exits 77 when the jsonschema module
(Debian's python3-jsonschema) is missing, for the tests to skip.
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("schemacheck: no jsonschema module (python3-jsonschema)", file=sys.stderr)
    sys.exit(77)


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    bad = 0
    for name in argv[2:]:
        with open(name, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                errors = list(validator.iter_errors(json.loads(line)))
                for e in errors[:3]:
                    where = "/".join(str(p) for p in e.absolute_path)
                    print(f"{name}:{n}: {where}: {e.message[:200]}")
                bad += bool(errors)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

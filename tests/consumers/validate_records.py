"""Validates published records with Python's jsonschema, independently of the pipeline's ajv.

Usage: validate_records.py SCHEMA FILE...   (FILE: .json array of records, or .ndjson)
Prints one JSON object: {"records": N, "errors": [{"file", "record", "path", "message"}]}.
"""
import json
import sys

from jsonschema import Draft202012Validator, FormatChecker


def records(path):
    with open(path, encoding="utf-8") as handle:
        if path.endswith(".ndjson"):
            return [json.loads(line) for line in handle if line.strip()]
        value = json.load(handle)
        return value if isinstance(value, list) else [value]


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    count, errors = 0, []
    for path in sys.argv[2:]:
        for index, record in enumerate(records(path)):
            count += 1
            for error in validator.iter_errors(record):
                errors.append({
                    "file": path,
                    "record": index,
                    "path": "/" + "/".join(str(p) for p in error.absolute_path),
                    "message": error.message,
                })
    json.dump({"records": count, "errors": errors}, sys.stdout)


main()

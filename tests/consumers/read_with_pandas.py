"""Reads every CSV a datapackage.json describes with pandas, using the types it declares.

Usage: read_with_pandas.py DIR
Prints one JSON object per resource: rows, columns, dtypes, nulls per column, and the
primary-key and foreign-key checks done in pandas.
"""
import json
import os
import sys

import pandas as pd

DTYPES = {"string": "string", "integer": "Int64", "boolean": "boolean"}
TEXT_COLUMNS = {"askers": ("name", "party"), "questions": ("text", "answer_text"), "documents": ("title",)}


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "datapackage.json"), encoding="utf-8") as handle:
        package = json.load(handle)
    frames, report = {}, {}
    for resource in package["resources"]:
        fields = resource["schema"]["fields"]
        dtype = {f["name"]: DTYPES[f["type"]] for f in fields if f["type"] in DTYPES}
        dates = [f["name"] for f in fields if f["type"] == "date"]
        dtype.update({name: "string" for name in dates})
        missing = resource["schema"].get("missingValues", [""])
        frame = pd.read_csv(
            os.path.join(folder, resource["path"]),
            encoding=resource["encoding"],
            sep=resource["dialect"]["delimiter"],
            quotechar=resource["dialect"]["quoteChar"],
            doublequote=resource["dialect"]["doubleQuote"],
            dtype=dtype,
            keep_default_na=False,
            na_values=missing,
        )
        # Strict ISO dates (Table Schema's default date format); any other text raises.
        for name in dates:
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d", errors="raise")
        frames[resource["name"]] = frame
        key = resource["schema"]["primaryKey"]
        report[resource["name"]] = {
            "rows": len(frame),
            "columns": list(frame.columns),
            "dtypes": {c: str(t) for c, t in frame.dtypes.items()},
            "nulls": {c: int(frame[c].isna().sum()) for c in frame.columns},
            "primary_key_unique": bool(not frame.duplicated(subset=key).any()),
            "foreign_keys": resource["schema"].get("foreignKeys", []),
            # The text cells as pandas holds them (None for a missing value), to compare with the records.
            "text": {
                f["name"]: [None if pd.isna(v) else v for v in frame[f["name"]]]
                for f in fields
                if f["name"] in TEXT_COLUMNS.get(resource["name"], ())
            },
        }
    ids = set(frames["documents"]["id"])
    for name, entry in report.items():
        frame = frames[name]
        entry["foreign_keys_resolve"] = all(
            frame[fk["fields"][0]].isin(ids).all() for fk in entry.pop("foreign_keys")
        )
    json.dump(report, sys.stdout)


main()

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
    for resource in [r for r in package["resources"] if r.get("format") == "csv"]:
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
    for name, entry in report.items():
        frame = frames[name]
        resolve = []
        for fk in entry.pop("foreign_keys"):
            target = frames[fk["reference"]["resource"]]
            keys = target[fk["reference"]["fields"]].drop_duplicates()
            keys.columns = fk["fields"]
            joined = frame[fk["fields"]].merge(keys, how="left", on=fk["fields"], indicator=True)
            resolve.append(bool((joined["_merge"] == "both").all()))
        entry["foreign_keys_resolve"] = all(resolve)
    # The question-answer link as a researcher joins it: on the declared keys, nothing split.
    link = frames["question_answers"].merge(
        frames["questions"], left_on=["document_id", "question_number"], right_on=["document_id", "number"]
    ).merge(frames["answers"], left_on=["document_id", "answer_position"], right_on=["document_id", "position"])
    report["question_answers"]["joined"] = sorted(
        [str(d), int(q), int(a)] for d, q, a in zip(link["document_id"], link["question_number"], link["answer_position"])
    )
    json.dump(report, sys.stdout)


main()

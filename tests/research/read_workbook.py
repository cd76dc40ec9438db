"""Every sheet of an .xlsx as openpyxl (what pandas.read_excel uses) reads it: JSON on stdout."""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=False)
sheets = {}
for sheet in book.worksheets:
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append([cell for cell in row])
    sheets[sheet.title] = rows
json.dump(sheets, sys.stdout, ensure_ascii=False)

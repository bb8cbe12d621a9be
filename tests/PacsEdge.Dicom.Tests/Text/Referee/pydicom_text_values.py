"""Referee for the Specific Character Set tests: prints, as JSON, every string element of each
DICOM file given on the command line (sequence items included) as pydicom decodes it.

Output: {"<path>": {"elements": [{"path": "00321064/0/00080100", "vr": "SH", "values": [...]}]}}
or {"<path>": {"error": "..."}} when pydicom cannot read the file. PN values are str(PersonName);
DS and IS keep the text as written (original_string).
"""
import json
import sys
import warnings

import pydicom
from pydicom.multival import MultiValue

STRING_VRS = {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM",
              "UC", "UI", "UR", "UT"}


def text_of(value):
    original = getattr(value, "original_string", None)
    return original if isinstance(original, str) else str(value)


def values_of(value):
    if value is None or value == "":
        return []
    if isinstance(value, (MultiValue, list, tuple)):
        return [text_of(v) for v in value]
    return [text_of(value)]


def walk(dataset, prefix, out):
    for element in dataset:
        path = prefix + f"{element.tag:08X}"
        if element.VR == "SQ":
            for index, item in enumerate(element.value):
                walk(item, f"{path}/{index}/", out)
        elif element.VR in STRING_VRS:
            out.append({"path": path, "vr": element.VR, "values": values_of(element.value)})


def main(paths):
    result = {}
    for path in paths:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                dataset = pydicom.dcmread(path, force=True)
                elements = []
                walk(dataset, "", elements)
            result[path] = {"elements": elements}
        except Exception as error:  # the referee's own failure is data, not a crash
            result[path] = {"error": f"{type(error).__name__}: {error}"}
    json.dump(result, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Referee for encoded text: reads JSON cases from stdin, [{"terms": [...], "vr": "PN", "hex": "..."}],
and prints, as JSON, the values pydicom 2.3.1 decodes from each case's bytes as an element of that
VR under that Specific Character Set (a list of strings per case; PN as str(PersonName))."""
import json
import sys
import warnings

from pydicom.charset import convert_encodings
from pydicom.dataelem import DataElement_from_raw, RawDataElement
from pydicom.multival import MultiValue
from pydicom.tag import Tag


def values_of(value):
    if value is None or value == "":
        return []
    if isinstance(value, (MultiValue, list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def decode(case):
    raw = bytes.fromhex(case["hex"])
    element = RawDataElement(Tag(0x00100010), case["vr"], len(raw), raw, 0, False, True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        encodings = convert_encodings(list(case["terms"]) or [""])
        return values_of(DataElement_from_raw(element, encoding=encodings).value)


if __name__ == "__main__":
    json.dump([decode(case) for case in json.load(sys.stdin)], sys.stdout, ensure_ascii=True)

"""Referee for the character set tables: prints, as JSON, what Python's own codecs decode at every
code position of each graphic character set DICOM names ({"ISO-IR 100": {"A0": 160, ...}}, code
positions as 7-bit hex, characters as code points; undefined positions are left out)."""
import json

SINGLE = {
    "ISO-IR 100": "latin_1", "ISO-IR 101": "iso8859_2", "ISO-IR 109": "iso8859_3",
    "ISO-IR 110": "iso8859_4", "ISO-IR 144": "iso8859_5", "ISO-IR 127": "iso8859_6",
    "ISO-IR 126": "iso8859_7", "ISO-IR 138": "iso8859_8", "ISO-IR 148": "iso8859_9",
    "ISO-IR 203": "iso8859_15", "ISO-IR 166": "tis_620", "ISO-IR 13": "shift_jis",
}
DOUBLE = {
    "ISO-IR 87": lambda r, c: (b"\x1b$B" + bytes([r, c])).decode("iso2022_jp"),
    "ISO-IR 159": lambda r, c: (b"\x1b$(D" + bytes([r, c])).decode("iso2022_jp_2"),
    "ISO-IR 149": lambda r, c: bytes([r | 0x80, c | 0x80]).decode("euc_kr"),
    "ISO-IR 58": lambda r, c: bytes([r | 0x80, c | 0x80]).decode("gb2312"),
}


def single(codec):
    cells = {}
    for p in range(0x20, 0x80):
        try:
            text = bytes([p | 0x80]).decode(codec)
        except UnicodeDecodeError:
            continue
        if len(text) == 1:
            cells[f"{p:02X}"] = ord(text)
    return cells


def double(decode):
    cells = {}
    for r in range(0x21, 0x7F):
        for c in range(0x21, 0x7F):
            try:
                text = decode(r, c)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                cells[f"{r:02X}{c:02X}"] = ord(text)
    return cells


tables = {name: single(codec) for name, codec in SINGLE.items()}
tables.update({name: double(decode) for name, decode in DOUBLE.items()})
print(json.dumps(tables))

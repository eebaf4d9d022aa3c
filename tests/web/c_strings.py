# SPDX-License-Identifier: MIT
# c_strings.py FILE...: the identifiers the C unit tests give the engine,
# one a line: the text of every EXPECT(...), one(...) and parse_line(...)
# call's string (adjacent literals joined, escapes read), for the page's
# IMEI parity test.  Strings that are not one line of UTF-8 are left out.
import re
import sys

CALL = re.compile(r'(?:EXPECT|\bone|ident_parse_line\(&T,)\s*\(?\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
LIT = re.compile(r'"((?:[^"\\]|\\.)*)"')
ESC = {"n": 10, "t": 9, "r": 13, "\\": 92, '"': 34, "'": 39, "0": 0}


def unescape(s):
    out, i = bytearray(), 0
    while i < len(s):
        c = s[i]
        if c != "\\":
            out += c.encode()
            i += 1
            continue
        n = s[i + 1]
        if n == "x":
            j = i + 2
            while j < len(s) and j < i + 4 and s[j] in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(s[i + 2:j], 16))
            i = j
        else:
            out.append(ESC.get(n, ord(n)))
            i += 2
    return bytes(out)


for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for m in CALL.finditer(text):
        b = b"".join(unescape(x) for x in LIT.findall(m.group(1)))
        try:
            s = b.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if s and "\n" not in s and "\r" not in s and "\0" not in s:
            print(s)

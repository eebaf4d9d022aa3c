#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# ics_check.py FILE [--icalendar START...]: checks an iCalendar file
# against the rules of RFC 5545 that handover's writer must keep, with the
# standard library only: CRLF line ends (3.1), lines of at most 75 octets,
# folds that start with one space and never split a UTF-8 character,
# content-line syntax, BEGIN/END nesting, the properties each component
# must have exactly once (3.6, 3.6.1, 3.6.6, 3.7), value forms (3.3.5,
# 3.3.6), TEXT escaping (3.3.11), unique UIDs.  With --icalendar it also
# parses the file with python3-icalendar and checks each event's start
# (UTC, YYYYMMDDTHHMMSSZ, in order) and its alarm; exit 77 when that
# module is missing.  Prints one line per problem; exit 1 on any.
import re
import sys

problems = []


def bad(msg):
    problems.append(msg)


def physical_lines(data):
    if not data.endswith(b"\r\n"):
        bad("the file does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for i, ln in enumerate(lines, 1):
        if b"\n" in ln or b"\r" in ln:
            bad("line %d: a bare LF or CR (lines end in CRLF)" % i)
        if len(ln) > 75:
            bad("line %d: %d octets, more than 75" % (i, len(ln)))
        try:
            ln.decode("utf-8")
        except UnicodeDecodeError:
            bad("line %d: not UTF-8 by itself (a fold inside a character?)" % i)
    return lines


def unfold(lines):
    out = []
    for i, ln in enumerate(lines, 1):
        if ln[:1] in (b" ", b"\t"):
            if not out:
                bad("line %d: a continuation before any line" % i)
                continue
            out[-1] = (out[-1][0], out[-1][1] + ln[1:])
        else:
            out.append((i, ln))
    return [(i, ln.decode("utf-8", "replace")) for i, ln in out]


NAME = re.compile(r"^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:\"[^\"]*\"|[^;:,\"]*)"
                  r"(?:,(?:\"[^\"]*\"|[^;:,\"]*))*)*):(.*)$", re.S)
TEXT_PROPS = {"SUMMARY", "DESCRIPTION", "UID", "LOCATION", "COMMENT", "CATEGORIES"}
UTC = re.compile(r"^\d{8}T\d{6}Z$")
DATE_TIME = re.compile(r"^\d{8}T\d{6}Z?$")
DATE = re.compile(r"^\d{8}$")
DUR = re.compile(r"^[+-]?P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$")
REQUIRED = {
    "VCALENDAR": ("PRODID", "VERSION"),
    "VEVENT": ("UID", "DTSTAMP", "DTSTART"),
    "VALARM": ("ACTION", "TRIGGER"),
}


def check_content(content):
    stack, props, uids = [], [], []
    for i, ln in content:
        m = NAME.match(ln)
        if not m:
            bad("line %d: not 'name[;params]:value': %r" % (i, ln[:60]))
            continue
        name, params, value = m.group(1).upper(), m.group(2), m.group(3)
        if any(ord(c) < 32 and c != "\t" or ord(c) == 127 for c in value):
            bad("line %d: a control character in the value of %s" % (i, name))
        if name == "BEGIN":
            stack.append(value)
            props.append({})
            continue
        if name == "END":
            if not stack or stack[-1] != value:
                bad("line %d: END:%s does not close %s" % (i, value, stack[-1] if stack else "anything"))
                continue
            have = props.pop()
            for req in REQUIRED.get(stack.pop(), ()):
                if have.get(req, 0) != 1:
                    bad("line %d: END:%s with %d %s properties, must be 1" % (i, value, have.get(req, 0), req))
            if value == "VALARM" and have.get("ACTION_VALUE") == "DISPLAY" and have.get("DESCRIPTION", 0) != 1:
                bad("line %d: a DISPLAY alarm without one DESCRIPTION" % i)
            continue
        if not stack:
            bad("line %d: %s outside any component" % (i, name))
            continue
        props[-1][name] = props[-1].get(name, 0) + 1
        if name == "ACTION":
            props[-1]["ACTION_VALUE"] = value
        if name == "VERSION" and value != "2.0":
            bad("line %d: VERSION %r, must be 2.0" % (i, value))
        if name in ("DTSTAMP",) and not UTC.match(value):
            bad("line %d: DTSTAMP %r is not a UTC date-time" % (i, value))
        if name in ("DTSTART", "DTEND"):
            form = DATE if "VALUE=DATE" in params.upper() and "DATE-TIME" not in params.upper() else DATE_TIME
            if not form.match(value):
                bad("line %d: %s %r is not a %s" % (i, name, value, "date" if form is DATE else "date-time"))
        if name in ("DURATION", "TRIGGER") and "VALUE=DATE-TIME" not in params.upper() and not DUR.match(value):
            bad("line %d: %s %r is not a duration" % (i, name, value))
        if name in TEXT_PROPS:
            j = 0
            while j < len(value):
                c = value[j]
                if c == "\\":
                    if j + 1 >= len(value) or value[j + 1] not in "\\;,nN":
                        bad("line %d: %s: a backslash that escapes nothing" % (i, name))
                    j += 2
                    continue
                if c == ";" or (c == "," and name != "CATEGORIES"):
                    bad("line %d: %s: an unescaped %r in TEXT" % (i, name, c))
                j += 1
        if name == "UID":
            uids.append(value)
    if stack:
        bad("the file ends inside %s" % "/".join(stack))
    if content and content[0][1] != "BEGIN:VCALENDAR":
        bad("the file does not start with BEGIN:VCALENDAR")
    if len(set(uids)) != len(uids):
        bad("two components share a UID")


def check_icalendar(path, starts):
    try:
        import icalendar
    except ImportError:
        print("SKIP icalendar: python3-icalendar is not installed")
        sys.exit(77)
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    if len(events) != len(starts):
        bad("icalendar: %d events, want %d" % (len(events), len(starts)))
    for ev, want in zip(events, starts):
        got = ev.decoded("DTSTART").strftime("%Y%m%dT%H%M%SZ")
        if ev.decoded("DTSTART").utcoffset() is None or ev.decoded("DTSTART").utcoffset().total_seconds() != 0:
            bad("icalendar: DTSTART is not in UTC")
        if got != want:
            bad("icalendar: DTSTART %s, want %s" % (got, want))
        alarms = [a for a in ev.walk() if a.name == "VALARM"]
        if len(alarms) != 1 or str(alarms[0].get("ACTION")) != "DISPLAY":
            bad("icalendar: the event has no DISPLAY alarm")
        desc = str(ev.get("DESCRIPTION"))
        if "handover recheck" not in desc or "\\," in desc or "\\n" in desc:
            bad("icalendar: DESCRIPTION did not unescape: %r" % desc[:80])
        if ev.decoded("DURATION").total_seconds() <= 0:
            bad("icalendar: no DURATION")


def main():
    if len(sys.argv) < 2:
        print("usage: ics_check.py FILE [--icalendar START...]")
        return 2
    path = sys.argv[1]
    with open(path, "rb") as f:
        data = f.read()
    check_content(unfold(physical_lines(data)))
    if len(sys.argv) > 2 and sys.argv[2] == "--icalendar":
        check_icalendar(path, sys.argv[3:])
    for p in problems:
        print(p)
    return 1 if problems else 0


sys.exit(main())

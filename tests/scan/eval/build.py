#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""build.py: turns the hand-written listings in src/*.txt into listings.csv
(the input `handover scan` reads) and labels.csv (what a careful moderator
should conclude).  Deterministic: the same sources give the same files.

    python3 tests/scan/eval/build.py          # rewrite both CSV files
    python3 tests/scan/eval/build.py --check  # fail if they are out of date

Source format, one listing a line, fields separated by a "|" standing alone
(spaces or line ends around it; "Apple|iPhone 13" is one field):
    title | description | price | brand|model | imei | seller | label/risk/family | trap | why
Directives: "# lang: xx" (ISO 639-1 of the listings that follow), "# cur: XXX"
(ISO 4217 currency of their prices).  Other lines starting with # are comments.
  price   a number; written to the CSV as "XXX number".
  model   "accessory" marks an accessory listing (category Accessories).
  imei    -            no IMEI in the imei column
          new          a fresh valid IMEI (a real TAC of the brand) in the imei column
          new:desc     a fresh IMEI, only for the description's placeholders
          dup:KEY      the IMEI shared by every listing naming KEY (":desc" as above)
          lit:DIGITS   these digits in the imei column
  seller  - gives a seller of its own; a name is shared by the listings using it.
  label   flag or ok / stop, caution or ok / reason family.
Placeholders in title and description: {IMEI} the listing's IMEI, {IMEI2} a
second one (the other SIM slot), {FWIMEI} the IMEI in fullwidth digits.
\\uXXXX writes a character (U+200B zero-width space, U+00AD soft hyphen...).
"""
import csv
import hashlib
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANG_ORDER = ['en', 'hi', 'ur', 'bn', 'tl', 'id', 'sw', 'es', 'pt', 'fr', 'vi', 'th', 'ar', 'tr', 'ja', 'ru']
FAMILIES = {'financing', 'lock', 'theft', 'no_proof', 'bypass', 'advance_payment', 'price', 'duplicate',
            'identifier', 'none'}
# Real TACs of each brand: Samsung ones from data/tac.tsv, the others from
# the Osmocom TAC database. A listing's IMEI gets a TAC of its brand (not
# always of its model); brands without a known TAC get one no table knows.
TACS = {
    'Apple': ['35104463', '35657310', '35292511', '35727609', '35299209', '35676300'],
    'Samsung': ['35320466', '35441184', '35448422', '35332547', '35057236', '35228441', '35479164', '35139398'],
    'Xiaomi': ['86326504', '86751306', '86247104'],
    'Google': ['35751110', '35293110'],
    'Huawei': ['86292205', '86908403'],
    'Oppo': ['86264103'],
    'Nokia': ['35685607', '35890207'],
}
OTHER_TACS = ['86091006', '86158507', '35941271', '86634905']
FULLWIDTH = str.maketrans('0123456789', '０１２３４５６７８９')
HEADER = ['id', 'title', 'description', 'price', 'seller', 'brand', 'model', 'category', 'imei']
LABELS = ['id', 'label', 'risk', 'family', 'language', 'trap', 'why', 'split']


def held_out(listing_id):
    """The held-out third: sha256("handover-eval-v1/" + id), first 8 hex digits, mod 3 == 0."""
    h = hashlib.sha256(('handover-eval-v1/' + listing_id).encode()).hexdigest()
    return int(h[:8], 16) % 3 == 0


def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def make_imei(brand, salt):
    h = hashlib.sha256(('imei/' + salt).encode()).hexdigest()
    pool = TACS.get(brand, OTHER_TACS)
    tac = pool[int(h[:4], 16) % len(pool)]
    serial = '%06d' % (int(h[4:12], 16) % 1000000)
    body = tac + serial
    return body + luhn_digit(body)


def unescape(s):
    return re.sub(r'\\u([0-9a-fA-F]{4})', lambda m: chr(int(m.group(1), 16)), s)


def parse():
    rows, labels = [], []
    dups, seen_keys = {}, set()
    files = sorted(f[:-4] for f in os.listdir(os.path.join(HERE, 'src')) if f.endswith('.txt'))
    files.sort(key=lambda f: LANG_ORDER.index(f) if f in LANG_ORDER else 99)
    for name in files:
        lang, cur, n = None, None, 0
        path = os.path.join(HERE, 'src', name + '.txt')
        for lineno, line in enumerate(open(path, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            m = re.match(r'#\s*(lang|cur):\s*(\S+)', line)
            if m:
                if m.group(1) == 'lang':
                    lang = m.group(2)
                else:
                    cur = m.group(2)
                continue
            if not line.strip() or line.startswith('#'):
                continue
            f = [x.strip() for x in re.split(r'(?<!\S)\|(?!\S)', line)]
            where = '%s:%d' % (path, lineno)
            if len(f) != 9:
                sys.exit('%s: %d fields, want 9' % (where, len(f)))
            title, desc, price, bm, ispec, seller, lab, trap, why = f
            if lang is None or cur is None:
                sys.exit('%s: no "# lang:" or "# cur:" yet' % where)
            n += 1
            lid = '%s-%03d' % (name, n)
            brand, _, model = bm.partition('|')
            label, risk, family = lab.split('/')
            if label not in ('flag', 'ok') or risk not in ('stop', 'caution', 'ok') or family not in FAMILIES:
                sys.exit('%s: bad label %r' % (where, lab))
            if (label == 'flag') != (risk != 'ok'):
                sys.exit('%s: label and risk disagree' % where)
            col, imei = '', make_imei(brand, lid)
            spec, _, opt = ispec.partition(':')
            if spec == 'new':
                col = imei if opt != 'desc' else ''
            elif spec == 'dup':
                key, _, opt2 = opt.partition(':')
                imei = dups.setdefault(key, make_imei(brand, 'dup/' + key))
                col = imei if opt2 != 'desc' else ''
            elif spec == 'lit':
                col = imei = opt
            elif spec != '-':
                sys.exit('%s: bad imei %r' % (where, ispec))
            second = make_imei(brand, lid + '/2')
            subst = {'{IMEI}': imei, '{IMEI2}': second, '{FWIMEI}': imei.translate(FULLWIDTH)}
            for k, v in subst.items():
                title, desc = title.replace(k, v), desc.replace(k, v)
            if seller == '-':
                seller = 'u' + hashlib.sha256(lid.encode()).hexdigest()[:8]
            category = 'Accessories' if model == 'accessory' else 'Mobile Phones'
            rows.append([lid, unescape(title), unescape(desc), '%s %s' % (cur, price), seller, brand,
                         '' if model == 'accessory' else model, category, col])
            labels.append([lid, label, risk, family, lang, trap, why, 'heldout' if held_out(lid) else 'tune'])
            if spec == 'dup':
                first = key not in seen_keys
                seen_keys.add(key)
                if first != (trap.endswith('_first') or trap == 'repost_original'):
                    sys.exit('%s: the first listing of dup:%s must be the _first/_original one' % (where, key))
    return rows, labels


def render(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n')
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def main():
    rows, labels = parse()
    out = {'listings.csv': render(HEADER, rows), 'labels.csv': render(LABELS, labels)}
    if '--check' in sys.argv:
        stale = [k for k, v in out.items()
                 if not os.path.exists(os.path.join(HERE, k)) or open(os.path.join(HERE, k), encoding='utf-8').read() != v]
        if stale:
            sys.exit('out of date: %s (run tests/scan/eval/build.py)' % ' '.join(stale))
        return
    for k, v in out.items():
        with open(os.path.join(HERE, k), 'w', encoding='utf-8', newline='') as fh:
            fh.write(v)
    print('%d listings' % len(rows))


if __name__ == '__main__':
    main()

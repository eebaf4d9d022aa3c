#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""kb_counts.py BEFORE AFTER: counts per data table at two git revisions
(rows, countries, replies by outcome, lock apps strong/weak, lock kinds,
lenders and their countries, phrases per language, confirmed rows), as a
markdown table.  Reads each table with `git show REV:data/NAME`; stdlib
only; not part of make test.  Run from the repository top."""
import collections
import subprocess
import sys


def rows(rev, name):
    r = subprocess.run(['git', 'show', f'{rev}:data/{name}'],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return []
    lines = [l for l in r.stdout.split('\n') if l and not l.startswith('#')]
    if not lines:
        return []
    hdr = lines[0].split('\t')
    return [dict(zip(hdr, l.split('\t'))) for l in lines[1:]]


def confirmed(rs):
    return sum(1 for x in rs if x.get('confidence') == 'confirmed')


def stats(rev):
    s = collections.OrderedDict()
    c = rows(rev, 'countries.tsv')
    s['countries.tsv rows'] = len(c)
    s['countries'] = len({x['code'] for x in c})
    s['countries with a check'] = len({x['code'] for x in c if x['check_name'] != 'none'})
    s['countries.tsv confirmed'] = confirmed(c)
    s['checks showing carrier_balance'] = sum(1 for x in c if 'carrier_balance' in x.get('checks', ''))
    rr = rows(rev, 'registry-replies.tsv')
    s['registry-replies.tsv rows'] = len(rr)
    s['checks with replies'] = len({(x['code'], x['check_name']) for x in rr})
    s['registry-replies confirmed'] = confirmed(rr)
    for k, v in sorted(collections.Counter(x['outcome'] for x in rr).items()):
        s[f'replies {k}'] = v
    la = rows(rev, 'lock-apps.tsv')
    s['lock-apps.tsv rows'] = len(la)
    s['lock apps strong'] = sum(1 for x in la if x['strength'] == 'strong')
    s['lock apps weak'] = sum(1 for x in la if x['strength'] == 'weak')
    s['lock apps with a grade reason'] = sum(1 for x in la if x.get('grade_reason'))
    ls = rows(rev, 'lock-systems.tsv')
    s['lock-systems.tsv rows'] = len(ls)
    for k, v in sorted(collections.Counter(x.get('kind') or '(no kind)' for x in ls).items()):
        s[f'lock systems {k}'] = v
    le = rows(rev, 'lenders.tsv')
    cs = [[c for c in x['countries'].split(';') if c] for x in le]
    s['lenders'] = len(le)
    s['lender countries'] = len({c for l in cs for c in l})
    s['lender-country pairs'] = sum(len(l) for l in cs)
    s['country-languages.tsv rows'] = len(rows(rev, 'country-languages.tsv'))
    s['source-never.tsv hosts'] = len(rows(rev, 'source-never.tsv'))
    ph = rows(rev, 'phrases.tsv')
    langs = collections.Counter(x['language'] for x in ph)
    s['phrases.tsv rows'] = len(ph)
    s['phrase languages'] = len(langs)
    for k in sorted(langs):
        s[f'phrases {k}'] = langs[k]
    return s


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: kb_counts.py BEFORE AFTER')
    b, a = stats(sys.argv[1]), stats(sys.argv[2])
    print(f'| measure | {sys.argv[1]} | {sys.argv[2]} |')
    print('|---|---:|---:|')
    for k in list(a) + [k for k in b if k not in a]:
        print(f'| {k} | {b.get(k, 0)} | {a.get(k, 0)} |')


main()

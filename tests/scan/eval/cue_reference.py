#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""cue_reference.py: a slow, test-only sketch of the matcher rules written in
docs/data-sources.md ("Rules the matcher applies"), to check that the cue
tables do what they say before the C engine implements them.  Not the
engine; it exists so the data can be judged on the evaluation set.

    python3 tests/scan/eval/cue_reference.py > /tmp/ref.jsonl
    python3 tests/scan/eval/evaluate.py --findings /tmp/ref.jsonl

It reads data/phrases.tsv (phrases-advance.tsv too, in an older data folder)
and the three cue tables,
runs BIN scan for the identifier findings (IMEIs, duplicates, placeholders),
and writes one JSON line per listing: id, risk, reasons, phrases.  On top
of the cue rules it sketches what the engine is asked for besides: text
normalisation (NFKC, zero-width and soft-hyphen removal, Cyrillic
look-alikes inside Latin words), weight-1 phrases as no finding, a
duplicate IMEI flagged on every listing that carries it, and a price below
40% of the (currency, model) median of at least five listings.
"""
import csv
import json
import os
import statistics
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
DATA = os.environ.get('HANDOVER_DATA', os.path.join(ROOT, 'data'))
BIN = os.environ.get('BIN', os.path.join(ROOT, 'build', 'handover'))
NOSPACE = {'th', 'ja'}
INVISIBLE = dict.fromkeys(map(ord, '\u200b\u200c\u200d\u2060\ufeff\u00ad'))
CYR2LAT = str.maketrans('аеорсхуіАЕОРСХУІ', 'aeopcxyiAEOPCXYI')
STOP = {'lock', 'theft', 'bypass'}


def table(name):
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as fh:
        return list(csv.DictReader((l for l in fh if not l.startswith('#')), delimiter='\t',
                                   quoting=csv.QUOTE_NONE))


def is_word(ch):
    return unicodedata.category(ch)[0] in 'LMN'


def normalise(s):
    s = unicodedata.normalize('NFKC', s).translate(INVISIBLE)
    out, word = [], []

    def flush():
        w = ''.join(word)
        has_lat = any('a' <= c.lower() <= 'z' for c in w)
        has_cyr = any('\u0400' <= c <= '\u04ff' for c in w)
        out.append(w.translate(CYR2LAT) if has_lat and has_cyr else w)
        word.clear()
    for ch in s:
        if is_word(ch):
            word.append(ch)
        else:
            flush()
            out.append(ch)
    flush()
    return ''.join(out)


def lower1(s):
    """Lower case, one character for one (Turkish İ becomes i)."""
    return ''.join('i' if c == 'İ' else c.lower() if len(c.lower()) == 1 else c for c in s)


def find_all(text, pat, lang):
    """Start offsets of pat in text; whole words unless the language puts no spaces."""
    res, i = [], text.find(pat)
    while i >= 0:
        j = i + len(pat)
        if lang in NOSPACE or pat in ('\n',) or not is_word(pat[0]) or not is_word(pat[-1]):
            ok = True
        else:
            ok = (i == 0 or not is_word(text[i - 1])) and (j == len(text) or not is_word(text[j]))
        if ok:
            res.append(i)
        i = text.find(pat, i + 1)
    return res


class Match:
    __slots__ = ('s', 'e', 'row', 'kind', 'lang')

    def __init__(self, s, e, row, kind, lang):
        self.s, self.e, self.row, self.kind, self.lang = s, e, row, kind, lang


def compatible(cue_lang, phrase_lang):
    return cue_lang in ('*', phrase_lang, 'en') or phrase_lang == 'en'


def words_between(text, a, b):
    return len(text[a:b].split())


def within(cue, ph, text, clause_of):
    """Position and reach of a cue row relative to a phrase match."""
    row = cue.row
    pos, reach = row['position'], row['reach']
    if pos == 'over':
        return cue.s <= ph.s and ph.e <= cue.e
    if reach == 'listing':
        return True
    if reach == 'title':
        return True
    sentence = reach[-1:] == 's' and reach[-2:-1] in ('w', 'c')
    if sentence:    # "6ws": within the sentence; the sketch keeps to the clause
        reach = reach[:-1]
    if clause_of(cue.s, ph.lang) != clause_of(ph.s, ph.lang):
        return False
    if cue.e <= ph.s:
        side, gap = 'before', (cue.e, ph.s)
    elif ph.e <= cue.s:
        side, gap = 'after', (ph.e, cue.s)
    else:
        return False
    if pos not in (side, 'either'):
        return False
    if reach == 'clause':
        return True
    n, unit = int(reach[:-1]), reach[-1]
    dist = words_between(text, *gap) if unit == 'w' else gap[1] - gap[0]
    return dist <= n


def main():
    phrases = table('phrases.tsv') + table('phrases-advance.tsv')
    cues = table('negation-cues.tsv') + table('completion-cues.tsv') + table('context-cues.tsv')
    for r in cues:
        r['cue'] = {'\\n': '\n', '\\s': ' '}.get(r['cue'], r['cue'])
    listings = list(csv.DictReader(open(os.path.join(HERE, 'listings.csv'), encoding='utf-8', newline='')))

    # identifier findings from today's scan
    p = subprocess.run([BIN, 'scan', '-q', os.path.join(HERE, 'listings.csv')], stdout=subprocess.PIPE)
    ident = {}
    for line in p.stdout.decode().splitlines():
        o = json.loads(line)
        ident[o['id']] = [r for r in o['reasons'] if not r.startswith('phrase_') and r != 'weak_phrase'
                          and r != 'duplicate_imei_same_seller']
    # duplicates on every listing, by seller
    holders = {}
    keyed = subprocess.run([BIN, 'scan', '-q', '--keyed', os.path.join(HERE, 'listings.csv')],
                           stdout=subprocess.PIPE).stdout.decode().splitlines()
    for line in keyed:
        f = line.split('\t')
        if len(f) >= 3:
            holders.setdefault(f[0][:14], set()).add((f[1], f[2]))
    dup_other = set()
    for key, hs in holders.items():
        if len({s for _, s in hs}) > 1:
            dup_other |= {i for i, _ in hs}
    # medians per currency and model
    groups = {}
    for l in listings:
        cur, _, amount = l['price'].partition(' ')
        if l['model'] and amount:
            groups.setdefault((cur, l['model']), []).append(float(amount))
    medians = {k: statistics.median(v) for k, v in groups.items() if len(v) >= 5}

    out = sys.stdout
    for l in listings:
        title = normalise(l['title'])
        text = title + '\n' + normalise(l['description'])
        low = lower1(text)
        tlen = len(title)
        pm, cm = [], []
        for r in phrases:
            for s in find_all(low, r['phrase'], r['language']):
                pm.append(Match(s, s + len(r['phrase']), r, r['category'], r['language']))
        for r in cues:
            for s in find_all(low, r['cue'], r['language']):
                cm.append(Match(s, s + len(r['cue']), r, r['kind'], r['language']))
        # longest match among cues; cues inside phrases are no cues
        cm = [c for c in cm if not any(o is not c and o.s <= c.s and c.e <= o.e and o.e - o.s > c.e - c.s for o in cm)]
        cm = [c for c in cm if not any(p_.s <= c.s and c.e <= p_.e and p_.e - p_.s > c.e - c.s for p_ in pm)]
        # phrases inside other phrases of the same category are subsumed
        pm = [p_ for p_ in pm if not any(o is not p_ and o.s <= p_.s and p_.e <= o.e and o.e - o.s > p_.e - p_.s
                                          for o in pm)]
        bounds = [c for c in cm if c.kind == 'boundary'
                  and not (c.row['cue'] == '.' and 0 < c.s < len(low) - 1
                           and low[c.s - 1].isdigit() and low[c.s + 1].isdigit())]

        def clause_of(pos, lang):
            return sum(1 for b in bounds if b.s < pos and compatible(b.lang, lang)
                       and (b.row['cue'] != ' ' or lang == 'th'))
        neg = [c for c in cm if c.kind == 'negation']
        comp = [c for c in cm if c.kind == 'completion']
        comp = [c for c in comp if not any(compatible(n.lang, c.lang) and within(n, c, low, clause_of) for n in neg)]
        offers = [c for c in cm if c.kind == 'offer']
        acc = [c for c in cm if c.kind == 'accessory' and c.e <= tlen]
        inc = [c for c in cm if c.kind == 'included']
        acc = [a for a in acc if not any(within(i, a, low, clause_of) for i in inc)]
        persons = [c for c in cm if c.kind == 'person']
        kept = []
        for ph in pm:
            allowed = set(ph.row.get('cues', 'none').split(';'))

            def cancels(c, kind):
                ap = c.row['applies_to']
                return (kind in allowed and (ap == '*' or ph.kind in ap.split(';'))
                        and compatible(c.lang, ph.lang) and within(c, ph, low, clause_of))
            if any(c.row['position'] == 'over' and c.s <= ph.s and ph.e <= c.e for c in comp + offers):
                continue
            if any(cancels(c, 'negation') for c in neg):
                continue
            if any(cancels(c, 'completion') for c in comp):
                continue
            if any(cancels(c, 'offer') for c in offers):
                continue
            if acc and 'accessory' in allowed and ph.kind in ('financing', 'lock'):
                continue
            if ('person' in allowed and text[ph.s:ph.e][:1].isupper() and text[ph.s + 1:ph.e].islower()
                    and any(cancels(c, 'person') for c in persons)):
                continue
            kept.append(ph)
        reasons = list(ident.get(l['id'], []))
        if l['id'] in dup_other and 'duplicate_imei_other_seller' not in reasons:
            reasons.append('duplicate_imei_other_seller')
        for ph in kept:
            if int(ph.row['weight']) >= 2:
                reasons.append('phrase_' + ph.kind)
        cur, _, amount = l['price'].partition(' ')
        med = medians.get((cur, l['model']))
        if med and amount and float(amount) < 0.4 * med:
            reasons.append('price_far_below_median')
        reasons = sorted(set(reasons))
        stop = {'placeholder_imei', 'duplicate_imei_other_seller'} | {'phrase_' + c for c in STOP}
        risk = 'stop' if stop & set(reasons) else 'caution' if reasons else 'ok'
        out.write(json.dumps({'id': l['id'], 'risk': risk, 'reasons': reasons,
                              'phrases': [{'phrase': k.row['phrase'], 'category': k.kind, 'language': k.lang}
                                          for k in kept]}, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()

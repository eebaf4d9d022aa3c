#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""evaluate.py: runs `handover scan` on the labelled listings and reports
precision and recall on "flagged or not" (a listing is flagged when its risk
is caution or stop), overall, per language, per reason family and per trap,
separately for the tuning part and the held-out part, plus the honest
listings that got a stop.  Stdlib only; not part of `make test`.

    python3 tests/scan/eval/evaluate.py                 # build/handover, built-in data
    python3 tests/scan/eval/evaluate.py --bin PATH --data DIR --tac-db FILE
    python3 tests/scan/eval/evaluate.py --findings out.jsonl   # judge a saved run
    python3 tests/scan/eval/evaluate.py --errors        # the tuning part's mistakes
    python3 tests/scan/eval/evaluate.py --json          # the figures as JSON
    python3 tests/scan/eval/evaluate.py --min-precision 0.9 --min-recall 0.8
                                                        # exit 1 when the held-out part is below

Only the tuning part may be looked at listing by listing (--errors); the
held-out third is for reporting.  See README.md.
"""
import argparse
import collections
import csv
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
RISKS = ('ok', 'caution', 'stop')


def held_out(listing_id):
    h = hashlib.sha256(('handover-eval-v1/' + listing_id).encode()).hexdigest()
    return int(h[:8], 16) % 3 == 0


def load_labels(path):
    labels = collections.OrderedDict()
    with open(path, encoding='utf-8', newline='') as fh:
        for row in csv.DictReader(fh):
            want = 'heldout' if held_out(row['id']) else 'tune'
            if row['split'] != want:
                sys.exit('labels.csv: %s is marked %s, the rule says %s' % (row['id'], row['split'], want))
            labels[row['id']] = row
    return labels


def run_scan(args):
    cmd = [args.bin, 'scan', '-q']
    if args.tac_db:
        cmd += ['--tac-db', args.tac_db]
    cmd.append(args.listings)
    env = dict(os.environ)
    if args.data:
        env['HANDOVER_DATA'] = args.data
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if p.returncode not in (0, 1, 2):
        sys.exit('%s failed (%d): %s' % (' '.join(cmd), p.returncode, p.stderr.decode(errors='replace')))
    return p.stdout.decode('utf-8', errors='replace').splitlines()


def parse_findings(lines):
    """id -> finding. Extra fields are kept and ignored; a line that is no
    JSON object with an id is skipped with a warning."""
    found = {}
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            print('warning: findings line %d is not JSON' % n, file=sys.stderr)
            continue
        if not isinstance(obj, dict) or obj.get('id') is None:
            continue
        risk = obj.get('risk', 'ok')
        if risk not in RISKS:
            print('warning: %s has risk %r, taken as caution' % (obj['id'], risk), file=sys.stderr)
            risk = 'caution'
        obj['risk'] = risk
        found[str(obj['id'])] = obj
    return found


def flagged(risk, threshold):
    return RISKS.index(risk) >= RISKS.index(threshold)


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, want, got):
        if want and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif want:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def n(self):
        return self.tp + self.fp + self.fn + self.tn

    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def as_dict(self):
        p, r = self.precision(), self.recall()
        return {'n': self.n, 'tp': self.tp, 'fp': self.fp, 'fn': self.fn, 'tn': self.tn,
                'precision': None if p is None else round(p, 3), 'recall': None if r is None else round(r, 3)}


def evaluate(labels, found, split, threshold):
    rows = [r for r in labels.values() if split == 'all' or r['split'] == split]
    res = {'overall': Tally(), 'language': collections.defaultdict(Tally),
           'family': collections.defaultdict(Tally), 'trap': collections.defaultdict(Tally)}
    confusion = collections.Counter()
    stop_on_honest, missing, mistakes = [], [], []
    for r in rows:
        f = found.get(r['id'])
        if f is None:
            missing.append(r['id'])
            risk = 'ok'
        else:
            risk = f['risk']
        want = r['label'] == 'flag'
        got = flagged(risk, threshold)
        res['overall'].add(want, got)
        res['language'][r['language']].add(want, got)
        res['family'][r['family']].add(want, got)
        res['trap'][r['trap'] or '(none)'].add(want, got)
        confusion[(r['risk'], risk)] += 1
        if r['label'] == 'ok' and risk == 'stop':
            stop_on_honest.append(r['id'])
        if want != got:
            mistakes.append((r, f))
    return {'split': split, 'listings': len(rows), 'threshold': threshold, 'res': res,
            'confusion': confusion, 'stop_on_honest': stop_on_honest, 'missing': missing,
            'mistakes': mistakes}


def fmt(x):
    return '  -  ' if x is None else '%.3f' % x


def print_report(ev, out):
    res = ev['res']
    o = res['overall']
    w = out.write
    w('\n== %s part: %d listings (flagged = risk %s or worse)\n' % (ev['split'], ev['listings'], ev['threshold']))
    w('overall   precision %s  recall %s  (tp %d fp %d fn %d tn %d)\n'
      % (fmt(o.precision()), fmt(o.recall()), o.tp, o.fp, o.fn, o.tn))
    w('stop on an honest listing: %d%s\n' % (len(ev['stop_on_honest']),
                                             (' (' + ' '.join(ev['stop_on_honest']) + ')') if ev['stop_on_honest'] and ev['split'] != 'heldout' else ''))
    if ev['missing']:
        w('no finding for %d listings (counted as ok)\n' % len(ev['missing']))
    for key, title in (('language', 'language'), ('family', 'reason family'), ('trap', 'trap')):
        w('\n%-28s %5s %5s %5s %5s %5s  %9s %6s\n' % ('by ' + title, 'n', 'tp', 'fp', 'fn', 'tn', 'precision', 'recall'))
        for k in sorted(res[key], key=lambda k: (-res[key][k].n, k)):
            t = res[key][k]
            w('  %-26s %5d %5d %5d %5d %5d  %9s %6s\n' % (k, t.n, t.tp, t.fp, t.fn, t.tn, fmt(t.precision()), fmt(t.recall())))
    w('\nexpected risk -> scan risk\n')
    for want in RISKS:
        w('  %-8s %s\n' % (want, '  '.join('%s %3d' % (got, ev['confusion'][(want, got)]) for got in RISKS)))


def print_errors(ev, out):
    out.write('\n== mistakes in the tuning part (%d)\n' % len(ev['mistakes']))
    for r, f in ev['mistakes']:
        reasons = ','.join(f.get('reasons', [])) if f else '(no finding)'
        phrases = ';'.join(p.get('phrase', '') for p in (f.get('phrases') or [])) if f else ''
        out.write('%s  want %s/%s got %s  [%s] %s  trap=%s  %s\n'
                  % (r['id'], r['label'], r['risk'], f['risk'] if f else 'ok', reasons, phrases, r['trap'] or '-', r['why']))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--bin', default=os.environ.get('BIN', os.path.join(ROOT, 'build', 'handover')))
    ap.add_argument('--data', help='data directory for the scan (HANDOVER_DATA)')
    ap.add_argument('--tac-db', help='Osmocom TAC database for the scan')
    ap.add_argument('--listings', default=os.path.join(HERE, 'listings.csv'))
    ap.add_argument('--labels', default=os.path.join(HERE, 'labels.csv'))
    ap.add_argument('--findings', help='read findings (JSON Lines) from this file instead of running the scan')
    ap.add_argument('--threshold', choices=('caution', 'stop'), default='caution',
                    help='the least risk that counts as flagged (default caution)')
    ap.add_argument('--errors', action='store_true', help='list the tuning part\'s mistakes')
    ap.add_argument('--json', action='store_true', help='print the figures as JSON')
    ap.add_argument('--min-precision', type=float, help='exit 1 if the held-out precision is lower')
    ap.add_argument('--min-recall', type=float, help='exit 1 if the held-out recall is lower')
    args = ap.parse_args()

    labels = load_labels(args.labels)
    if args.findings:
        with open(args.findings, encoding='utf-8') as fh:
            lines = fh.read().splitlines()
    else:
        lines = run_scan(args)
    found = parse_findings(lines)
    unknown = set(found) - set(labels)
    if unknown:
        print('warning: %d findings have no label (%s...)' % (len(unknown), sorted(unknown)[0]), file=sys.stderr)

    evs = [evaluate(labels, found, s, args.threshold) for s in ('tune', 'heldout', 'all')]
    if args.json:
        out = {}
        for ev in evs:
            res = ev['res']
            out[ev['split']] = {
                'listings': ev['listings'], 'threshold': ev['threshold'],
                'overall': res['overall'].as_dict(),
                'stop_on_honest': len(ev['stop_on_honest']),
                'missing': len(ev['missing']),
                'language': {k: v.as_dict() for k, v in sorted(res['language'].items())},
                'family': {k: v.as_dict() for k, v in sorted(res['family'].items())},
                'trap': {k: v.as_dict() for k, v in sorted(res['trap'].items())},
                'confusion': {'%s->%s' % k: v for k, v in sorted(ev['confusion'].items())},
            }
        json.dump(out, sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write('\n')
    else:
        sys.stdout.write('handover scan evaluation: %d labelled listings, %s\n'
                         % (len(labels), args.findings or args.bin))
        for ev in evs[:2]:
            print_report(ev, sys.stdout)
        if args.errors:
            print_errors(evs[0], sys.stdout)

    held = evs[1]['res']['overall']
    bad = False
    if args.min_precision is not None and (held.precision() or 0) < args.min_precision:
        print('held-out precision %s below %.3f' % (fmt(held.precision()), args.min_precision), file=sys.stderr)
        bad = True
    if args.min_recall is not None and (held.recall() or 0) < args.min_recall:
        print('held-out recall %s below %.3f' % (fmt(held.recall()), args.min_recall), file=sys.stderr)
        bad = True
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()

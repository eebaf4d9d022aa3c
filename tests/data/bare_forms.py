#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bare_forms.py: the rows of the phrase and cue tables as sellers type
them without diacritics ("tra gop" for "trả góp", "kargo ucreti" for
"kargo ücreti", "bloque" for "bloqué").  The scan's matcher compares
accents exactly, so each such form is a row of its own, next to the row
it copies (same language, kind, reach, sources; a phrase's form_of names
the accented row it copies, itself perhaps a form of another).

    python3 tests/data/bare_forms.py          # add the missing rows
    python3 tests/data/bare_forms.py --check  # exit 1 if one is missing
    python3 tests/data/bare_forms.py --list   # print the forms

A form is made when its letters are ASCII, it is new to its matcher (the
phrases', or the cues' of the three cue tables), and
it has at least 5 letters (one word) or 6 (several): shorter ones are
other words too ("còn" is Spanish "con", "nợ" English "no").  LEFT_OUT
are longer forms that are other words, with why.  Stdlib only; run from
the repository top."""
import sys
import unicodedata

TABLES = ['data/phrases.tsv', 'data/negation-cues.tsv',
          'data/completion-cues.tsv', 'data/context-cues.tsv']

# Bare forms that mean something else where they are typed.
LEFT_OUT = {
    'solde': 'fr: a balance ("solde restant"), not "soldé" (paid off)',
    'soldes': 'fr: sales',
    'soldee': 'fr: no word; its kin "solde" is a balance',
    'soldees': 'fr: no word; its kin "solde" is a balance',
    'credit solde': 'fr: "crédit, solde 200 $" names what is left to pay',
    'termine': 'fr/es: "je termine", "cuando termine de pagar": not finished yet',
    'rembourse': 'fr: "je rembourse": still paying back',
    'a credit': 'en: "a credit card"',
    'voles': 'fr: "tu voles" (you fly), en: voles',
    'vole': 'fr: "il vole" (flies)',
    'imei do': 'pt: "IMEI do aparelho" (the phone\'s IMEI)',
    'bao mat': 'vi: "bảo mật" (security) typed bare is the same',
    'khong gap duoc': 'vi: "không gấp được" (does not fold) typed bare is the same',
    'finance': 'en: finance (a shop\'s "finance available"), not "financé" (financed)',
    'may bao mat': 'vi: "máy bảo mật" (a phone\'s security) typed bare',
    'chang': 'en: a family name',
    'con no': 'es: "con no más de un año"',
    'once': 'en: once',
    'hic': 'en, la: hic',
    'kem': 'vi: "kem" (cream)',
    'tang': 'vi: "tầng" (floor), en: tang',
    'sac': 'fr: a bag',
    'cu sac': 'vi: too short to tell',
    'chua': 'vi: "chua" (sour)',
    'divida': 'pt: "divida" (divide, subjunctive)',
    'hay la': 'es: "hay la opción"',
}
# Short forms that are no other word.
SHORT_KEPT = {'hoac', '? khong', 'so que', 'ra xac'}


def bare(text):
    out = []
    for c in text:
        if c in 'đĐ':
            out.append('d')
            continue
        if c in 'ıİ':	# Turkish dotless i, typed as i
            out.append('i')
            continue
        d = unicodedata.normalize('NFD', c)
        if len(d) > 1 and d[0].isascii() and all(unicodedata.combining(x) for x in d[1:]):
            out.append(d[0])
        else:
            out.append(c)
    return ''.join(out)


def wanted(text, known):
    """The bare form of text to add, or None."""
    b = bare(text)
    # the matcher reads a dotless i as i (casefold.c): no row for that
    if b in (text, text.replace('ı', 'i').replace('İ', 'i')) or b in known or b in LEFT_OUT:
        return None
    if any(ord(x) > 127 and x.isalpha() for x in b):
        return None
    letters = sum(x.isalpha() for x in b)
    if b in SHORT_KEPT or letters >= (6 if len(b.split()) > 1 else 5):
        return b
    return None


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ''
    # texts known to the phrase matcher, and to the cue matcher
    group = {name: 'phrases' if 'phrases' in name else 'cues' for name in TABLES}
    texts = {'phrases': set(), 'cues': set()}
    for name in TABLES:
        for line in open(name, encoding='utf-8'):
            if not line.startswith('#'):
                texts[group[name]].add(line.split('\t')[0])
    missing = []
    for name in TABLES:
        known = texts[group[name]]
        out, hdr = [], None
        for line in open(name, encoding='utf-8'):
            out.append(line)
            if line.startswith('#'):
                continue
            cols = line.rstrip('\n').split('\t')
            if hdr is None:
                hdr = cols
                continue
            b = wanted(cols[0], known)
            if b is None:
                continue
            row = dict(zip(hdr, cols))
            row[hdr[0]] = b
            if 'form_of' in row:
                row['form_of'] = cols[0]
            out.append('\t'.join(row[h] for h in hdr) + '\n')
            known.add(b)
            missing.append('%s: %s (%s) -> %s' % (name, cols[0], row['language'], b))
        if mode == '':
            with open(name, 'w', encoding='utf-8') as fh:
                fh.writelines(out)
    if mode == '--list':
        for name in TABLES:
            for line in open(name, encoding='utf-8'):
                t = line.split('\t')[0]
                if not line.startswith('#') and bare(t) != t and bare(t) in texts[group[name]]:
                    print(name, t, '->', bare(t))
    if mode == '--check' and missing:
        print('bare forms missing (python3 tests/data/bare_forms.py adds them):')
        print('\n'.join('  ' + m for m in missing))
        return 1
    if mode == '':
        print('%d rows added' % len(missing))
    return 0


if __name__ == '__main__':
    sys.exit(main())

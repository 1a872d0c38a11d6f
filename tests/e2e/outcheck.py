"""What brief may print, checked the same way by cli.sh and badinput.sh:
no terminal control in the bytes nor in the JSON strings once decoded, and
display widths as a terminal counts them."""
import json
import sys
import unicodedata

# Bidi embeddings, overrides, isolates and marks.
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


def fail(msg):
    sys.stderr.write(msg + '\n')
    sys.exit(1)


def bad_cp(o):
    """ESC, BEL, C1 or a bidi control: what could drive a terminal."""
    return o in (0x1B, 0x07) or 0x80 <= o <= 0x9F or o in BIDI


def clean_text(s, where):
    for i, ch in enumerate(s):
        if bad_cp(ord(ch)):
            fail('%s: U+%04X at character %d: %r' % (where, ord(ch), i, s[max(0, i - 20):i + 20]))


def cols(line):
    """Columns a terminal gives the line: marks and format characters none,
    wide and fullwidth two."""
    w = 0
    for ch in line:
        cat = unicodedata.category(ch)
        if cat in ('Mn', 'Me', 'Cf') or ch == '\u200b':
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1
    return w


def strings(x):
    """Every key and string value of decoded JSON."""
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield k
            yield from strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)


def check_clean(path, is_json=False):
    """Fail unless the file is clean UTF-8 (and, with is_json, JSON whose
    decoded strings are clean too).  Returns the text, and the parsed JSON."""
    with open(path, 'rb') as f:
        data = f.read()
    try:
        s = data.decode('utf-8')
    except UnicodeDecodeError as e:
        fail('not valid UTF-8: %s' % e)
    clean_text(s, 'output')
    d = None
    if is_json:
        try:
            d = json.loads(s)
        except ValueError as e:
            fail('JSON does not parse: %s' % e)
        # What a JSON consumer gets after decoding "\u001b" and the like.
        for t in strings(d):
            clean_text(t, 'JSON string')
    return s, d

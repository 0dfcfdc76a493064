#!/usr/bin/env python3
"""Where the wasm's bytes go: a twiggy-like summary with no install.

Reads the wasm that cargo links (before wasm-bindgen and wasm-opt; it still has its `name`
section), attributes each function body to its crate by its demangled name, and prints the
crates, the generic functions with the most copies, and the data segment.

    python3 scripts/wasm_size.py [path.wasm] [--top N] [--json]

Sizes are of the linked, unoptimised wasm (wasm-opt makes the shipped one ~15% smaller),
so read them as shares, not as the shipped bytes.
"""
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

DEFAULT = 'target/wasm32-unknown-unknown/release/cs-planner.wasm'


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(d):
    i = 8
    while i < len(d):
        sid = d[i]
        n, i = leb(d, i + 1)
        yield sid, d[i:i + n]
        i += n


def read(path):
    d = Path(path).read_bytes()
    imported = 0
    bodies, names, data = [], {}, 0
    for sid, body in sections(d):
        if sid == 2:  # imports: functions among them take the first indices
            count, i = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    l, i = leb(body, i)
                    i += l
                kind = body[i]
                i += 1
                if kind == 0:
                    _, i = leb(body, i)
                    imported += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 3:
                    i += 2
        elif sid == 10:
            count, i = leb(body, 0)
            for _ in range(count):
                n, j = leb(body, i)
                bodies.append(j - i + n)
                i = j + n
        elif sid == 11:
            data = len(body)
        elif sid == 0:
            l, i = leb(body, 0)
            if body[i:i + l] != b'name':
                continue
            i += l
            while i < len(body):
                sub = body[i]
                n, i = leb(body, i + 1)
                if sub == 1:
                    count, j = leb(body, i)
                    for _ in range(count):
                        idx, j = leb(body, j)
                        ln, j = leb(body, j)
                        names[idx] = body[j:j + ln].decode('utf-8', 'replace')
                        j += ln
                i += n
    funcs = [(names.get(imported + k, f'func[{imported + k}]'), size) for k, size in enumerate(bodies)]
    return funcs, data


ESC = {'$LT$': '<', '$GT$': '>', '$u20$': ' ', '$C$': ',', '$RF$': '&', '$BP$': '*', '$u7b$': '{',
       '$u7d$': '}', '$u5b$': '[', '$u5d$': ']', '$u27$': "'", '$LP$': '(', '$RP$': ')', '$SP$': '@',
       '..': '::', '$u3b$': ';', '$u21$': '!', '$u22$': '"', '$u2b$': '+'}


def demangle(name):
    """Rust legacy mangling (_ZN…E) to a path without its hash; other names as they are."""
    if not name.startswith('_ZN'):
        return name
    i, parts = 3, []
    while i < len(name) and name[i].isdigit():
        j = i
        while name[j].isdigit():
            j += 1
        n = int(name[i:j])
        parts.append(name[j:j + n])
        i = j + n
    if parts and re.fullmatch(r'h[0-9a-f]{16}', parts[-1]):
        parts.pop()
    s = '::'.join(parts)
    for k, v in ESC.items():
        s = s.replace(k, v)
    return s.lstrip('_')


def crate_of(path):
    s = path.lstrip('<&*(').replace('dyn ', '').replace('mut ', '')
    m = re.match(r'([A-Za-z_][A-Za-z0-9_]*)', s)
    if not m:
        return '(other)'
    c = m.group(1)
    if c in ('cs_planner',):
        # the app: by module, so the pages show up one by one
        seg = s.split('::')
        return '::'.join(seg[:2]) if len(seg) > 1 else c
    return c


def summary(path, top):
    funcs, data = read(path)
    total = sum(s for _, s in funcs)
    crates = defaultdict(int)
    generic = defaultdict(lambda: [0, 0])
    for name, size in funcs:
        p = demangle(name)
        crates[crate_of(p)] += size
        g = generic[p]
        g[0] += 1
        g[1] += size
    return {
        'code': total,
        'data': data,
        'functions': len(funcs),
        'crates': sorted(crates.items(), key=lambda kv: -kv[1])[:top],
        'copies': sorted(((k, c, s) for k, (c, s) in generic.items() if c > 1), key=lambda t: -t[2])[:top],
    }


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    top = 20
    if '--top' in sys.argv:
        top = int(sys.argv[sys.argv.index('--top') + 1])
        args = [a for a in args if a != str(top)]
    path = args[0] if args else DEFAULT
    s = summary(path, top)
    if '--json' in sys.argv:
        print(json.dumps(s))
        return
    kb = lambda n: f'{n / 1024:8.1f} KB'
    print(f'{path}: code {kb(s["code"])} in {s["functions"]} functions, data {kb(s["data"])}')
    print('by crate (the app by module):')
    for c, n in s['crates']:
        print(f'  {kb(n)}  {n * 100 / s["code"]:4.1f}%  {c}')
    print('generic functions with the most bytes over their copies:')
    for k, c, n in s['copies']:
        print(f'  {kb(n)}  ×{c:<4} {k[:110]}')


if __name__ == '__main__':
    main()

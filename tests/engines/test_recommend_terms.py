"""German word matching for recommendations: stems, compounds, vocabulary look-ups."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wandelwerk.engines.recommend_terms import (
    EXACT,
    HEAD,
    MODIFIER,
    build_vocabulary,
    encode_texts,
    fit,
    words,
)


def _stem(word: str) -> str:
    return words(word)[0][0]


def test_offered_werkstattraum_fits_needed_raeume_as_head_of_the_compound():
    assert fit(_stem("Werkstattraum"), _stem("Räume")) == HEAD
    assert fit(_stem("Werkstatträume"), _stem("Raum")) == HEAD


def test_holzwerkstatt_fits_werkstatt_and_werkstaetten():
    assert fit(_stem("Holzwerkstatt"), _stem("Werkstatt")) == HEAD
    assert fit(_stem("Holzwerkstatt"), _stem("Werkstätten")) == HEAD


def test_modifier_fits_weaker_and_unrelated_words_do_not_fit():
    assert fit(_stem("Werkstattraum"), _stem("Werkstatt")) == MODIFIER
    assert fit(_stem("Lastenrad"), _stem("Lastenrad")) == EXACT
    assert fit(_stem("Saatgut"), _stem("Raum")) == 0.0
    # parts shorter than four letters never count ("rad" in "Lastenrad")
    assert fit(_stem("Lastenrad"), "rad") == 0.0


def test_words_drop_function_words_and_keep_the_written_form():
    assert words("Wir suchen Räume für die Werkstatt, 2 Stück") == [
        ("raum", "Räume"),
        ("werkstatt", "Werkstatt"),
        ("stuck", "Stück"),
    ]
    assert words("") == []


def test_encode_texts_builds_distinct_sorted_term_rows():
    enc = encode_texts([["Raum und Raum", "Werkstatt"], []], [["Räume"], ["Lastenrad"]])
    vocab = enc.vocabulary
    assert list(enc.offer_indptr) == [0, 2, 2]
    assert [vocab.terms[t] for t in enc.offer_terms] == ["raum", "werkstatt"]
    # one readable form per stem: the first spelling seen ("Raum" from the offers)
    assert [vocab.display[t] for t in enc.need_terms] == ["Raum", "Lastenrad"]


STEMS = st.text(alphabet="abcdefrs", min_size=1, max_size=9)


@given(st.lists(STEMS, min_size=1, max_size=25, unique=True), STEMS)
def test_vocabulary_related_equals_brute_force_fit(terms, query):
    vocab = build_vocabulary((t, t) for t in terms)
    expected = {vocab.id_of(t): fit(query, t) for t in terms if fit(query, t) > 0}
    assert vocab.related(query) == expected

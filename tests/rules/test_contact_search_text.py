"""How typed text becomes an FTS5 query, and what the contact search indexes."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from communitydesk.rules.contact_search_text import (
    fts_match_expression,
    phone_tokens,
    query_terms,
    search_body,
    sort_name,
    tags_text,
)


def test_terms_are_split_where_the_tokenizer_splits() -> None:
    assert query_terms("  Jean-Pierre  O'Brien ") == ["Jean", "Pierre", "O", "Brien"]
    assert query_terms("helene.martin@exem") == ["helene", "martin", "exem"]


def test_phone_like_text_becomes_one_run_of_digits() -> None:
    assert query_terms("06 12") == ["0612"]
    assert query_terms("06.12.34") == ["061234"]
    assert query_terms("+33 6 12") == ["33612"]
    assert query_terms("Martin 06 12") == ["Martin", "0612"]


def test_every_term_is_a_quoted_prefix() -> None:
    assert fts_match_expression("hél mar") == '"hél"* "mar"*'
    assert fts_match_expression('a"b OR NOT') == '"a"* "b"* "OR"* "NOT"*'
    assert fts_match_expression("   ") is None
    assert fts_match_expression("@@ -- ()") is None


def test_phone_tokens_cover_national_and_international_forms() -> None:
    assert phone_tokens("06 12 34 56 78", "", "+33612345678") == ["0612345678", "612345678", "33612345678"]
    assert phone_tokens("+33 7 81 22 33 44") == ["33781223344", "781223344", "0781223344"]
    assert phone_tokens("+44 20 7946 0958") == ["442079460958"]
    assert phone_tokens("", "") == []


def test_sort_name_folds_accents_and_puts_last_name_first() -> None:
    assert sort_name("person", "Hélène", "Étienne", "", "") == "etienne helene"
    assert sort_name("organisation", "", "", "Œuvre Commune", "") == "oeuvre commune"
    assert sort_name("person", "", "", "", "x@exemple.fr") == "x@exemple.fr"


def test_search_body_and_tags() -> None:
    assert tags_text(["presse", "Bénévole", "adhérent"]) == "adhérent, Bénévole, presse"
    body = search_body(
        first_name="Hélène",
        last_name="Martin",
        organisation="",
        role="",
        email="h@exemple.fr",
        email_secondary="",
        phone="06 12 34 56 78",
        phone_secondary="",
        phone_key="+33612345678",
        postcode="69007",
        city="Lyon",
        tags="bénévole",
    )
    assert body == "Hélène Martin h@exemple.fr 0612345678 612345678 33612345678 69007 Lyon bénévole"


_FTS = sqlite3.connect(":memory:")
_FTS.execute(
    "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3', columnsize=0)"
)
_FTS.execute("INSERT INTO t(rowid, body) VALUES (1, 'Hélène Martin 0612345678')")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_no_typed_text_makes_fts5_fail(text: str) -> None:
    expression = fts_match_expression(text)
    if expression is not None:
        _FTS.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_accents_and_case_are_ignored_by_the_index() -> None:
    for typed in ("helene", "HÉLÈNE", "hél", "mart", "06 12"):
        expression = fts_match_expression(typed)
        assert _FTS.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall() == [(1,)], typed

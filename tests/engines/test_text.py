from wandelwerk.engines.text import index_text, query_tokens


def test_plural_and_umlaut_spellings_share_one_token():
    assert query_tokens("Gemeinschaftsgärten") == query_tokens("Gemeinschaftsgarten")
    assert query_tokens("Gemeinschaftsgaerten") == query_tokens("Gemeinschaftsgarten")


def test_index_text_keeps_distinct_tokens_in_order():
    assert index_text(["Energie Energie", "Klimaschutz"]).split() == query_tokens("Energie Klimaschutz")


def test_query_tokens_are_capped():
    assert len(query_tokens(" ".join(f"wort{i}" for i in range(20)), max_tokens=8)) == 8

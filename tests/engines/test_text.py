from wandelwerk.engines.text import index_text, query_tokens


def test_plural_and_umlaut_spellings_share_one_token():
    assert query_tokens("Gemeinschaftsgärten") == query_tokens("Gemeinschaftsgarten")
    assert query_tokens("Gemeinschaftsgaerten") == query_tokens("Gemeinschaftsgarten")


def test_index_text_keeps_distinct_tokens_in_order():
    assert index_text(["Energie Energie", "Klimaschutz"]).split() == query_tokens("Energie Klimaschutz")


def test_query_tokens_are_capped():
    assert len(query_tokens(" ".join(f"wort{i}" for i in range(20)), max_tokens=8)) == 8


def test_bbox_cells_cover_every_point_inside_the_box():
    from wandelwerk.engines.text import bbox_cell_tokens, cell_tokens

    box = (12.2, 50.55, 12.8, 50.95)
    cells = set(bbox_cell_tokens(*box))
    assert len(cells) <= 24
    for i in range(21):
        for j in range(21):
            lon = box[0] + (box[2] - box[0]) * i / 20
            lat = box[1] + (box[3] - box[1]) * j / 20
            assert cells & set(cell_tokens(lon, lat)), (lon, lat)


def test_a_box_of_all_germany_gives_no_cell_filter_or_coarse_cells():
    from wandelwerk.engines.text import bbox_cell_tokens

    cells = bbox_cell_tokens(5.8, 47.2, 15.1, 55.1)
    assert cells is None or all(c.startswith("zzc0") for c in cells)
    assert bbox_cell_tokens(-180, -90, 180, 90) is None


def test_filter_tokens_are_lowercase_alphanumeric_so_tokenizers_keep_them_whole():
    from wandelwerk.engines.text import filter_tokens

    ft = filter_tokens(topic_ids=[3, 3, 12], kind="religious", sector="civil_society", lon=12.5, lat=50.7)
    assert ft[:2] == ["zzt12", "zzt3"] and "zzkreligious" in ft and "zzscivilsociety" in ft
    assert all(t.isalnum() and t == t.lower() and t.isascii() for t in ft)

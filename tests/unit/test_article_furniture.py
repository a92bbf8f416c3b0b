"""Page furniture stays in the article file, verbatim, but out of the article's body."""

from __future__ import annotations

from dashboard.records.article import squash
from dashboard.records.loader import DEFAULT_DATASET, load_dataset
from dashboard.views.passages import passages


def test_the_article_file_is_the_page_verbatim():
    source = (DEFAULT_DATASET.parents[1] / ".." / "shared" / "source-article.txt").resolve()
    text = DEFAULT_DATASET.with_name("article.txt").read_text(encoding="utf-8")
    if source.exists():  # the seed article, beside the repository in this workspace
        assert squash(text) == squash(source.read_text(encoding="utf-8"))
    assert "FYI." in text and text.count("Advertisement") == 4


def test_furniture_is_marked_and_out_of_the_body():
    article = load_dataset().article
    assert article is not None
    kinds = {f.kind for f in article.furniture}
    assert {"notice", "section", "advertisement", "photo caption", "video caption", "pull quote", "related link"} <= kinds
    assert article.body(1) == "" and article.body(9) == ""  # "FYI." and an "Advertisement" slot
    assert article.body(5).endswith("support from their Pakistani neighbors.")  # its photo caption left out
    assert [f.text for f in article.furniture_in(5)] == ["Photo via Reuters"]
    assert not article.contains("Advertisement") and not article.contains("This story is over 5 years old.")
    assert article.contains("Recent weeks have also seen gun and suicide attacks", 8)  # numbering unchanged


def test_no_passage_lies_in_furniture():
    dataset = load_dataset()
    article = dataset.article
    furniture = {squash(f.text) for f in article.furniture}
    for passage in passages(dataset.frame, article):
        text = squash(article.body(passage.paragraph))[passage.start : passage.end]
        assert text and not any(text in item or item in text for item in furniture)

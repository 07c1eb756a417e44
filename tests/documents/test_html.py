from datetime import date

from factcheck.documents.html import parse_html

SRC = """<html><head><title>Drug X &amp; the regulator</title>
<meta property="article:published_time" content="2023-05-04T10:00:00Z">
<script>var claim = "Drug X is close to approval";</script><style>p{}</style></head>
<body><nav>Menu 67%</nav><article><h1>Drug X nears approval</h1>
<p>It&rsquo;s <b>close</b> to regulatory&nbsp;approval.</p>
<table><tr><td>Smith</td><td>80</td><td>60%</td></tr></table></article>
<footer>Footer 99%</footer></body></html>"""


def test_visible_text_only():
    doc = parse_html(SRC, "a.html")
    assert "var claim" not in doc.text and "Menu" not in doc.text and "Footer" not in doc.text
    assert "Drug X nears approval" in doc.text
    assert "It’s close to regulatory approval." in doc.text


def test_every_prose_span_maps_back_to_the_source():
    doc = parse_html(SRC, "a.html")
    i = doc.text.index("close")
    s, e = doc.to_source(i, i + len("close"))
    assert SRC[s:e] == "close"
    i = doc.text.index("It’s")
    s, e = doc.to_source(i, i + 4)
    assert SRC[s:e] == "It&rsquo;s"
    i = doc.text.index("regulatory approval")
    s, e = doc.to_source(i, i + len("regulatory approval"))
    assert SRC[s:e] == "regulatory&nbsp;approval"


def test_metadata_and_blocks():
    doc = parse_html(SRC, "a.html")
    assert doc.published == date(2023, 5, 4)
    assert doc.title == "Drug X & the regulator"
    # The heading, the paragraph and the table row are separate sentences.
    assert len(doc.breaks) >= 3


def test_time_element_gives_a_date():
    doc = parse_html('<p>Posted <time datetime="2022-03-01">March 1</time>.</p>', "b.html")
    assert doc.published == date(2022, 3, 1)


def test_only_the_article_is_prose_when_the_page_marks_it():
    src = ("<body><div class='promo'>Drug X is close to approval, say our sponsors.</div>"
           "<main><p>Drug X was declined in 2024.</p></main>"
           "<div class='comments'><p>A reader: it is close to approval!</p></div></body>")
    doc = parse_html(src, "m.html")
    assert doc.text.strip() == "Drug X was declined in 2024."
    i = doc.text.index("declined")
    s, e = doc.to_source(i, i + len("declined"))
    assert src[s:e] == "declined"


def test_pages_without_article_markup_keep_all_visible_text():
    doc = parse_html("<body><div><p>First.</p></div><p>Second.</p></body>", "n.html")
    assert "First." in doc.text and "Second." in doc.text


# -- hostile pages (review rows 17, 18, 25, 45, 57, 128) ------------------------------------------
def _timed_parse(source: str) -> tuple[float, object]:
    import time

    from factcheck.documents import parse

    t = time.perf_counter()
    doc = parse(source, "x.html", "html")
    return time.perf_counter() - t, doc


def test_stray_end_tags_are_linear():
    # 20k open tags, then 40k end tags that close nothing: each used to scan the whole stack.
    took, doc = _timed_parse("<div>" * 20000 + "</span>" * 40000 + "<p>Drug X is approved.</p>")
    assert took < 2.0
    assert "Drug X is approved." in doc.text


def test_unclosed_start_tags_at_the_end_are_linear():
    took, doc = _timed_parse("<p>Drug X is approved.</p>" + "<a " * 20000)
    assert took < 2.0
    assert "Drug X is approved." in doc.text
    assert len(doc.src_start) == len(doc.text) + 1


def test_deep_json_ld_is_ignored_and_the_page_linted():
    took, doc = _timed_parse('<script type="application/ld+json">' + "[" * 100000 + "]" * 100000
                             + "</script><p>Body text.</p>")
    assert "Body text." in doc.text and took < 2.0


def test_lone_surrogate_in_json_ld_title_is_replaced():
    _, doc = _timed_parse('<script type="application/ld+json">{"@type": "Article", "headline": "A \\ud800 B"}'
                          "</script><p>Body.</p>")
    assert doc.title == "A \ufffd B"
    doc.title.encode("utf-8")

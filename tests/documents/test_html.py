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

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

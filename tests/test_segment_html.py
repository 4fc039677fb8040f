"""HTML segmentation: body prose only, entities decoded, chrome recognised."""

from __future__ import annotations

from conftest import blocks_of, source_of
from lint.config.settings import HtmlSettings, Settings
from lint.segment import PLACEHOLDER


def _blocks(source: str, **html):
    return blocks_of(source, "html", Settings(html=HtmlSettings(**html)))


def _texts(source: str, **html):
    return [(b.kind, b.text) for b in _blocks(source, **html)]



def test_kinds_and_implied_end_tags():
    source = ("<h2>A heading</h2><p>First para<p>Second para<ul><li>one<li>two</ul>"
              "<blockquote>quoted</blockquote><table><tr><th>head<td>cell</table>"
              "<figure><figcaption>a caption</figcaption></figure>")
    assert _texts(source) == [("heading", "A heading"), ("paragraph", "First para"),
                              ("paragraph", "Second para"), ("list-item", "one"), ("list-item", "two"),
                              ("quote", "quoted"), ("table-cell", "head"), ("table-cell", "cell"),
                              ("caption", "a caption")]


def test_scripts_styles_code_templates_comments_and_head_are_skipped():
    source = ("<html><head><title>hidden</title><style>p{content:'hidden'}</style></head><body>"
              "<script>var x = '<p>hidden</p>';</script><p>Run <code>hidden</code> now.</p>"
              "<pre>hidden</pre><template><p>hidden</p></template><!-- hidden -->"
              "<p hidden>hidden</p><p aria-hidden=\"true\">hidden</p><p>Shown.</p></body></html>")
    assert _texts(source) == [("paragraph", f"Run {PLACEHOLDER} now."), ("paragraph", "Shown.")]


def test_entities_decode_and_map_back_to_the_reference():
    source = "<p>Fish &amp; chips, caf&eacute; &#8220;quoted&#x201D;.</p>"
    (block,) = _blocks(source)
    assert block.text == "Fish & chips, café “quoted”."
    assert source_of(block, source, "&") == "&amp;"
    assert source_of(block, source, "café") == "caf&eacute;"
    assert source_of(block, source, "quoted") == "quoted"
    start = block.text.index("café")
    assert not block.is_verbatim(start, start + 4)


def test_whitespace_collapses_as_a_browser_shows_it():
    source = "<p>Words\n      across   lines <em>and</em>  tags.</p>"
    (block,) = _blocks(source)
    assert block.text == "Words across lines and tags."
    assert source_of(block, source, "across") == "across"


def test_alt_and_title_follow_the_settings():
    source = '<p>See <img src="x.png" alt="the chart &amp; key"> and <a title="a tip" href="u">this</a>.</p>'
    assert ("alt-text", "the chart & key") in _texts(source)
    assert not any(kind == "title" for kind, _ in _texts(source))
    assert ("title", "a tip") in _texts(source, check_title=True)
    assert not any(kind == "alt-text" for kind, _ in _texts(source, check_alt=False))
    alt = next(b for b in _blocks(source) if b.kind == "alt-text")
    assert source_of(alt, source, "chart") == "chart"


PAGE = ("<body><nav>Home | News</nav><header><p>The Daily Paper</p></header>"
        "<div class='wrap'><div id='content'>"
        + "<p>" + "The story itself goes on at length. " * 5 + "</p>"
        + "<p>" + "Another paragraph of the story. " * 5 + "</p>"
        + "</div><div id='side'><p>Popular now</p><ul><li>Other story</li></ul></div></div>"
        "<aside>Related links</aside><footer>Copyright notice</footer></body>")


def test_chrome_is_skipped_and_the_densest_container_is_the_article():
    texts = [text for _, text in _texts(PAGE)]
    assert len(texts) == 2 and texts[0].startswith("The story")
    assert not any("Popular" in t or "Home" in t or "Copyright" in t for t in texts)


def test_chrome_becomes_debris_blocks_when_configured():
    kinds = _texts(PAGE, chrome="debris")
    chrome = [text for kind, text in kinds if kind == "chrome"]
    assert chrome == ["Home | News", "The Daily Paper", "Popular now", "Other story",
                      "Related links", "Copyright notice"]
    assert [kind for kind, _ in kinds].count("paragraph") == 2


def test_main_or_article_marks_the_content_and_article_header_is_kept():
    source = ("<body><p>Site banner text</p><article><header><h1>Story title</h1></header>"
              "<p>Story body.</p><footer>Tags: a, b</footer></article><p>More site text</p></body>")
    assert _texts(source) == [("heading", "Story title"), ("paragraph", "Story body.")]
    main = "<body><div>Menu</div><main><p>Main text.</p></main></body>"
    assert _texts(main) == [("paragraph", "Main text.")]


def test_a_plain_document_without_wrappers_is_all_content():
    source = "<h1>Notes</h1><section><p>One.</p></section><section><p>Two.</p></section><p>Three.</p>"
    assert [text for _, text in _texts(source)] == ["Notes", "One.", "Two.", "Three."]


def test_crlf_and_malformed_markup_keep_offsets():
    source = "<div>\r\n<p>Line one\r\nline two</b></i>\r\n<p>Unclosed <em>emph\r\n</div>trailing words"
    blocks = _blocks(source)
    assert [b.text for b in blocks] == ["Line one line two", "Unclosed emph", "trailing words"]
    for block in blocks:
        for word in block.text.split():
            assert source_of(block, source, word) == word

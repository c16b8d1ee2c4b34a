"""Loaders: every format read to the text a reader sees; every bad file a clear LoadError."""

from __future__ import annotations

import os
import shutil
import socket
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loader_fixtures import encrypt_pdf, make_docx, make_odt, make_pdf

from viewer.core.formats import FORMAT_BY_SUFFIX, FormatError, loaders
from viewer.core.formats.loaders import COMMON_ENCODINGS, LoadError, load_article, load_folder

DATA = Path(__file__).resolve().parent.parent / "data"

NEWS = ("Harbour bridge reopens\n"
        "The council said on Monday that the bridge would reopen, a decision shopkeepers called "
        "\u201clong overdue\u201d \u2014 and the caf\u00e9 on Quay Street agreed.\n")
PDF_PAGE_1 = [
    "Harbour bridge reopens after repairs",
    "",
    "The old harbour bridge in Port Elwen reopened to traffic on Monday morning, eleven",
    "months after engineers closed it when a routine inspection found cracked bear-",
    "ings beneath the eastern span of the structure.",
    "City council figures show the repairs cost 4.2 million pounds, about 600,000 pounds",
    "more than the first estimate, because divers found two piers needed new footings.",
]
PDF_PAGE_2 = [
    "Ferry operators, who carried an extra 3,000 passengers a day during the closure, said",
    "they would return to their normal timetable from the first of next month.",
]


# --- good files ------------------------------------------------------------------------

def _text_file(data: bytes, name: str = "news.txt"):
    def build(tmp: Path) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name
    return build


def _committed(name: str):
    return lambda tmp: DATA / name


def _pdf(tmp: Path) -> Path:
    return make_pdf(tmp / "bridge.pdf", [PDF_PAGE_1, PDF_PAGE_2], title="Bridge reopens",
                    header="THE LANTERN GAZETTE  Monday 3 June", footer="Page {n} of 2")


def _docx(tmp: Path) -> Path:
    tracked = ('<w:p><w:r><w:t xml:space="preserve">The toll will be </w:t></w:r>'
               '<w:del><w:r><w:delText>two</w:delText></w:r></w:del>'
               '<w:ins><w:r><w:t>three</w:t></w:r></w:ins>'
               '<w:r><w:t xml:space="preserve"> pounds.</w:t></w:r></w:p>'
               '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cost</w:t></w:r></w:p></w:tc>'
               '<w:tc><w:p><w:r><w:t>4.2 million</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    return make_docx(tmp / "bridge.docx", [
        ("Title", "Harbour bridge reopens"),
        ("", "The old harbour bridge in Port Elwen reopened to traffic on Monday morning."),
        ("", "Shopkeepers said trade had fallen by nearly a third & more."),
    ], title="Bridge reopens (docx)", extra_body=tracked)


def _docx_untitled(tmp: Path) -> Path:
    return make_docx(tmp / "untitled.docx", [
        ("", "First line of an untitled memo"), ("", "Second paragraph here.")])


def _odt(tmp: Path) -> Path:
    extra = ('<text:list><text:list-item><text:p>Two keepers in fortnight shifts.</text:p>'
             '</text:list-item></text:list>'
             '<text:p>Costs rise<text:note><text:note-body><text:p>FOOTNOTE-TEXT</text:p>'
             '</text:note-body></text:note> by <text:span>ten</text:span> percent.</text:p>'
             '<office:annotation><text:p>REVIEWER-COMMENT</text:p></office:annotation>')
    return make_odt(tmp / "lighthouse.odt", [
        ("h", "Lighthouse keepers return"),
        ("p", "The lighthouse at Skarra Point will be staffed again from April."),
    ], extra_body=extra)


def _unknown_extension(source: str, name: str):
    def build(tmp: Path) -> Path:
        shutil.copy(DATA / source, tmp / name)
        return tmp / name
    return build


NITF = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
<nitf><head><title>Bridge page</title></head><body>
  <body.head><hedline><hl1>Harbour bridge reopens</hl1></hedline>
    <byline>By Ann Lee, Lantern Wire</byline><dateline>PORT ELWEN, May 4</dateline></body.head>
  <body.content><p>The harbour bridge reopened to traffic on <em>Monday</em> morning.</p>
    <block><p>The toll will be three pounds.</p></block></body.content>
</body></nitf>"""
NEWSML_G2 = b"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1" standard="NewsML-G2">
  <contentMeta><headline>Bridge reopens after repairs</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><body><p>The harbour bridge reopened on Monday.</p>
      <p>Repairs cost 4.2 million pounds.</p></body></html></inlineXML></contentSet>
</newsItem>"""
TOKENS_XML = (b'<Document doc_name="d1"><token n="1">The</token><token n="2">bridge</token>'
              b'<token n="3">reopened</token><token n="4">.</token></Document>')


GOOD = [
    # (id, build, title, present, absent, encoding)
    ("nitf", _text_file(NITF, "story.xml"), "Harbour bridge reopens",
     ["Harbour bridge reopens\nBy Ann Lee, Lantern Wire\nPORT ELWEN, May 4\nThe harbour bridge reopened "
      "to traffic on Monday morning.\nThe toll will be three pounds."], ["<", "Bridge page"], None),
    ("newsml-g2", _text_file(NEWSML_G2, "item.xml"), "Bridge reopens after repairs",
     ["Bridge reopens after repairs\nThe harbour bridge reopened on Monday.\nRepairs cost 4.2 million pounds."],
     ["<", "urn:x"], None),
    ("nitf-sniffed", _text_file(NITF, "wire_item"), "Harbour bridge reopens", ["toll will be three"],
     ["<p>"], None),
    ("xml-tokens", _text_file(TOKENS_XML, "tokens.xml"), None, ["The bridge reopened ."], ["<token"], None),
    # old wire copy marks each paragraph with a control byte (METER's PA files: \x19): text, not binary
    ("txt-wire-codes", _text_file(b"".join(b"\x19Line %d of the wire story.<\n" % k for k in range(20))),
     "Line 0 of the wire story.", ["Line 19 of the wire story."], ["\x19"], "utf-8"),
    ("html", _committed("article.html"),
     "Harbour bridge reopens after eleven months of repairs",
     ["Port Elwen reopened to traffic on Monday morning",
      "\"We were not going to reopen a bridge we could not vouch for,\" said Tomas Reyne",
      "reduction in business rates"],
     ["cookies", "Related stories", "Ferry fares to rise", "About time too", "Privacy policy",
      "Subscribe", "SCRIPT RAN", "<p>", "Copyright", "Home"], "utf-8"),
    ("markdown", _committed("article.md"), "Lighthouse keepers return to Skarra Point",
     ["ending twenty years of automatic operation.",
      "\"A person in the tower sees things a sensor never will,\" said harbour master Josef Adlam.",
      "Two keepers will work in alternating fortnight shifts.", "Visitors may climb the tower on Sundays only.",
      "1998 3"],
     ["**", "](", "# ", "---", "title:", "|", "![", "tower.jpg", "`", "<br>", "~~", "> "], "utf-8"),
    ("rtf", _committed("article.rtf"), "Wire: Grain barges stuck as river falls",
     ["Low water on the Vell river stranded 37 grain barges",
      "\u201cWe can load them to half capacity at most,\u201d said Ana\u00efs Durand",
      "by the weekend \u2014 but not enough"],
     ["\\par", "{", "}", "Times New Roman", "Arial", "Desk", "\\'"], "windows-1252"),
    ("txt-literal-markup", _committed("literal_markup.txt"), None,
     ['<script>alert("x")</script>', '<img src="http://example.invalid/a.png">',
      "<b>bold</b>", "&amp;"], [], "utf-8"),
    ("txt-utf8", _text_file(NEWS.encode("utf-8")), "Harbour bridge reopens", [NEWS.strip()],
     ["\ufeff"], "utf-8"),
    ("txt-utf8-bom", _text_file(b"\xef\xbb\xbf" + NEWS.encode("utf-8")), "Harbour bridge reopens",
     [NEWS.strip()], ["\ufeff"], "utf-8"),
    ("txt-utf16-bom", _text_file(NEWS.encode("utf-16")), "Harbour bridge reopens",
     [NEWS.strip()], ["\ufeff"], "utf-16"),
    ("txt-cp1252", _text_file(NEWS.replace("\n", "\r\n").encode("cp1252")),
     "Harbour bridge reopens", [NEWS.strip()], ["\r"], "windows-1252"),
    ("txt-latin1", _text_file("Le caf\u00e9 a rouvert. \u00c0 l'\u00e9t\u00e9, na\u00efve joie."
                              .encode("latin-1")), None,
     ["Le caf\u00e9 a rouvert. \u00c0 l'\u00e9t\u00e9, na\u00efve joie."], [], "iso-8859-1"),
    ("txt-cp1251", _text_file("\u041c\u044d\u0440 \u0441\u043a\u0430\u0437\u0430\u043b, "
                              "\u0447\u0442\u043e \u043c\u043e\u0441\u0442 \u043e\u0442\u043a\u0440\u044b\u0442."
                              .encode("cp1251")), None,
     ["\u041c\u044d\u0440 \u0441\u043a\u0430\u0437\u0430\u043b"], [], "windows-1251"),
    ("pdf", _pdf, "Bridge reopens",
     ["Harbour bridge reopens after repairs\n",
      "eleven months after engineers closed it when a routine inspection found cracked bearings "
      "beneath the eastern span of the structure.\n",
      "City council figures show the repairs cost 4.2 million pounds",
      "during the closure, said they would return to their normal timetable"],
     ["LANTERN GAZETTE", "Page 1", "Page 2", "bear-", "of 2"], None),
    ("docx", _docx, "Bridge reopens (docx)",
     ["Harbour bridge reopens\n", "reopened to traffic on Monday morning.",
      "fallen by nearly a third & more.", "The toll will be three pounds.", "Cost\n4.2 million"],
     ["two", "<w:", "&amp;"], None),
    ("docx-heading-title", _docx_untitled, "First line of an untitled memo",
     ["Second paragraph here."], [], None),
    ("odt", _odt, "Lighthouse keepers return",
     ["Lighthouse keepers return\n", "staffed again from April.", "Two keepers in fortnight shifts.",
      "Costs rise by ten percent."], ["FOOTNOTE-TEXT", "REVIEWER-COMMENT", "<text:"], None),
    ("sniffed-html", _unknown_extension("article.html", "saved_page.download"),
     "Harbour bridge reopens after eleven months of repairs",
     ["Port Elwen reopened to traffic"], ["cookies", "<p>"], "utf-8"),
    ("sniffed-rtf", _unknown_extension("article.rtf", "wire_story"),
     "Wire: Grain barges stuck as river falls", ["stranded 37 grain barges"], ["\\par"],
     "windows-1252"),
    ("sniffed-text", _unknown_extension("literal_markup.txt", "notes.log"), None,
     ['<script>alert("x")</script>'], [], "utf-8"),
]


@pytest.mark.parametrize("build,title,present,absent,encoding",
                         [g[1:] for g in GOOD], ids=[g[0] for g in GOOD])
def test_good_file_gives_the_text_a_reader_sees(tmp_path, build, title, present, absent, encoding):
    path = build(tmp_path)
    article = load_article(path, "B")
    assert article.id == "B" and article.path == str(path)
    assert article.encoding == encoding
    for piece in present:
        assert piece in article.text
    for piece in absent:
        assert piece not in article.text
    assert "\r" not in article.text
    assert article.title == (title or article.text.splitlines()[0][:90].rstrip()) \
        or article.title.endswith("\u2026")


@pytest.mark.parametrize("build", [g[1] for g in GOOD], ids=[g[0] for g in GOOD])
def test_loading_leaves_the_file_untouched(tmp_path, build):
    path = build(tmp_path)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns, os.stat(path).st_mode)
    load_article(path)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns, os.stat(path).st_mode) == before


def test_html_makes_no_network_request(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network use while loading HTML")
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    article = load_article(DATA / "article.html")
    assert "SCRIPT RAN" not in article.title and "Port Elwen" in article.text


def test_txt_with_markup_stays_literal():
    text = (DATA / "literal_markup.txt").read_text("utf-8")
    assert load_article(DATA / "literal_markup.txt").text == text


@pytest.mark.parametrize("source", ["article.html", "article.rtf"])
def test_a_txt_file_holding_a_web_page_or_rtf_is_read_as_what_it_holds(tmp_path, source):
    saved = tmp_path / "saved.txt"  # a page or document saved under the wrong name
    shutil.copy(DATA / source, saved)
    as_txt, as_itself = load_article(saved), load_article(DATA / source)
    assert as_txt.text == as_itself.text and "<" not in as_txt.text[:200] and "{\\rtf" not in as_txt.text


def test_reopen_with_a_forced_encoding(tmp_path):
    path = _text_file(NEWS.encode("cp1252"))(tmp_path)
    assert load_article(path).text == NEWS
    forced = load_article(path, encoding="cp1251")
    assert forced.encoding == "windows-1251" and forced.text != NEWS
    assert load_article(path, encoding="latin-1").encoding == "iso-8859-1"
    with pytest.raises(LoadError, match="cannot be decoded as utf-8"):
        load_article(path, encoding="utf-8")
    with pytest.raises(LoadError, match="unknown encoding"):
        load_article(path, encoding="no-such-codec")


def test_common_encodings_are_all_known_codecs(tmp_path):
    path = _text_file(b"plain ascii words\n")(tmp_path)
    for name in COMMON_ENCODINGS:
        assert load_article(path, encoding=name).encoding


# --- bad files -----------------------------------------------------------------------------

def _write(name: str, data: bytes):
    def build(tmp: Path) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name
    return build


def _bomb(kind: str):
    """A .docx/.odt whose main part unpacks to 100 MB of spaces (about 100 KB packed)."""
    def build(tmp: Path) -> Path:
        path = tmp / f"bomb.{kind}"
        part = "word/document.xml" if kind == "docx" else "content.xml"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            if kind == "odt":
                z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            with z.open(part, "w", force_zip64=True) as fh:
                block = b" " * (1024 * 1024)
                for _ in range(100):
                    fh.write(block)
        return path
    return build


def _lying_bomb(tmp: Path) -> Path:
    """A .docx whose document.xml declares 1 KB but unpacks to 40 MB."""
    path = tmp / "lying.docx"
    data = b"<w:document>" + b" " * (40 * 1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", data)
    raw = bytearray(path.read_bytes())
    size = len(data).to_bytes(4, "little")
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = raw.find(sig)
        assert raw[at + offset:at + offset + 4] == size
        raw[at + offset:at + offset + 4] = (1024).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    return path


def _entity_bomb(tmp: Path) -> Path:
    lol = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp / "entities.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", lol)
    return path


def _encrypted_pdf(tmp: Path) -> Path:
    return encrypt_pdf(_pdf(tmp), tmp / "locked.pdf")


def _image_only_pdf(tmp: Path) -> Path:
    return make_pdf(tmp / "scan.pdf", [[], []])


def _truncated_pdf(tmp: Path) -> Path:
    data = _pdf(tmp).read_bytes()
    (tmp / "cut.pdf").write_bytes(data[:200])
    return tmp / "cut.pdf"


def _big_file(tmp: Path) -> Path:
    path = tmp / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(loaders.MAX_BYTES + 1)  # sparse: costs no disk
    return path


def _fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "pipe.txt")
    return tmp / "pipe.txt"


def _docx_not_word(tmp: Path) -> Path:
    path = tmp / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    return path


BAD = [
    ("missing", lambda tmp: tmp / "nope.txt", "file not found"),
    ("directory", lambda tmp: tmp, "is a folder"),
    ("fifo", _fifo, "not a regular file"),
    ("empty", _write("empty.txt", b""), "the file is empty"),
    ("blank", _write("blank.md", b"  \n\t\n"), "the file is empty"),
    ("binary", _write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)),
     "not a text file (binary content)"),
    ("controls", _write("noise.txt", bytes(range(1, 32)) * 8 + b"some words"),
     "not a text file (binary content)"),
    ("too-large", _big_file, "too large"),
    ("undecodable", _write("broken16.txt", b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00\xd8x"),
     "undecodable bytes"),
    ("pdf-encrypted", _encrypted_pdf, "password-protected"),
    ("pdf-truncated", _truncated_pdf, "corrupt PDF file"),
    ("pdf-garbage", _write("junk.pdf", b"%PDF-1.7\n" + os.urandom(3000)), "corrupt PDF file"),
    ("pdf-not-pdf", _write("fake.pdf", b"just some words in a file"), "not a PDF file"),
    ("pdf-no-text", _image_only_pdf, "no text layer"),
    ("docx-not-zip", _write("fake.docx", b"this is not a zip archive at all"),
     "corrupt .docx file (not a valid ZIP archive)"),
    ("docx-not-word", _docx_not_word, "no word/document.xml inside"),
    ("docx-truncated", lambda tmp: _write("cut.docx", _docx(tmp).read_bytes()[:300])(tmp),
     "corrupt .docx file"),
    ("docx-zip-bomb", _bomb("docx"), "zip bomb"),
    # zipfile stops at the declared size, so the extra 40 MB are never unpacked.
    ("docx-lying-sizes", _lying_bomb, "corrupt .docx file"),
    ("docx-entities", _entity_bomb, "declares a DTD"),
    ("odt-zip-bomb", _bomb("odt"), "zip bomb"),
    ("odt-not-zip", _write("fake.odt", b"plain words"), "corrupt .odt file"),
    ("html-no-article", _committed("nav_only.html"), "no article text found"),
    ("html-too-complex", _write("huge.html", b"<html><body>" + b"<p>x</p>" * 31_000 + b"</body></html>"),
     "too complex to extract"),
    ("markdown-too-large", _write("huge.md", b"*a **b " * 80_000), "too large to read as Markdown"),
    ("rtf-nested", _write("deep.rtf", b"{\\rtf1 " + b"{" * 400 + b"x" + b"}" * 401),
     "nested over"),
    ("docx-too-much-text", lambda tmp: make_docx(tmp / "long.docx", [("", "word " * 100_000)] * 5),
     "too much text"),
    ("rtf-not-rtf", _write("plain.rtf", b"plain words, no rtf header"), "not an RTF file"),
    ("xml-malformed", _write("broken.xml", b"<nitf><p>unclosed</nitf>"), "not well-formed XML"),
    ("xml-entities", _write("laughs.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">'
                                          b'<!ENTITY b "&a;&a;&a;">]><x>&b;</x>'), "declares entities"),
    ("xml-no-text", _write("empty.xml", b"<nitf><body><body.content/></body></nitf>"), "no text found"),
    ("old-word-doc", _write("memo.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
     "unsupported format"),
    ("zip-unknown", lambda tmp: _write("bundle.zip", _docx_not_word(tmp).read_bytes())(tmp),
     "unsupported format"),
]


@pytest.mark.parametrize("build,reason", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_file_gives_a_clear_load_error(tmp_path, build, reason):
    path = build(tmp_path)
    started = time.monotonic()
    with pytest.raises(LoadError) as info:
        load_article(path)
    assert time.monotonic() - started < 5
    assert reason in info.value.reason
    assert str(info.value).startswith(str(path)) and info.value.path == str(path)


def test_permission_denied_is_reported(tmp_path, monkeypatch):
    path = _text_file(b"secret words")(tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(loaders, "open", refuse, raising=False)
    with pytest.raises(LoadError, match="permission denied"):
        load_article(path)


def test_size_limit_is_configurable(tmp_path):
    path = _text_file(b"word " * 400)(tmp_path)
    with pytest.raises(LoadError, match="too large"):
        load_article(path, max_bytes=1000)
    assert load_article(path, max_bytes=4000).text.startswith("word")


# --- folders ---------------------------------------------------------------------------

def test_load_folder_reads_every_supported_file_and_reports_bad_ones(tmp_path):
    shutil.copy(DATA / "article.md", tmp_path / "b_lighthouse.md")
    shutil.copy(DATA / "article.html", tmp_path / "A_bridge.HTML")
    _docx(tmp_path)
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_notes.txt").write_text("Plain notes.\n", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    (tmp_path / ".hidden.txt").write_text("hidden", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.txt").write_text("inner", "utf-8")
    articles, errors = load_folder(tmp_path)
    assert [Path(a.path).name for a in articles] == ["A_bridge.HTML", "b_lighthouse.md",
                                                      "bridge.docx", "d_notes.txt"]
    assert [a.id for a in articles] == ["A", "B", "C", "D"]
    assert [(Path(e.path).name, e.reason) for e in errors] == [("c_empty.txt", "the file is empty")]


def test_load_folder_on_a_missing_folder_is_one_error(tmp_path):
    articles, errors = load_folder(tmp_path / "gone")
    assert articles == [] and len(errors) == 1 and "folder not found" in errors[0].reason


def test_load_folder_caps_the_number_of_files(tmp_path):
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(f"Article number {i}.\n", "utf-8")
    articles, errors = load_folder(tmp_path, max_files=3)
    assert len(articles) == 3 and "1 more files not opened" in errors[0].reason


# --- arbitrary bytes -------------------------------------------------------------------

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(sorted(FORMAT_BY_SUFFIX) + [".bin"]))
def test_any_bytes_give_text_or_a_format_error(data, suffix):
    try:
        found = loaders.extract(f"any{suffix}", data)
    except FormatError as exc:
        assert exc.reason
    else:
        assert isinstance(found.text, str)


# --- encrypted PDFs ----------------------------------------------------------------------------

@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_encrypted_with_an_empty_user_password_opens(tmp_path, algorithm):
    plain = load_article(_pdf(tmp_path))
    locked = encrypt_pdf(_pdf(tmp_path), tmp_path / f"perms-{algorithm}.pdf", password="",
                         algorithm=algorithm)
    assert b"/Encrypt" in locked.read_bytes()
    article = load_article(locked)
    assert article.text == plain.text and "Port Elwen reopened" in article.text


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_with_a_real_password_is_password_protected_not_corrupt(tmp_path, algorithm):
    locked = encrypt_pdf(_pdf(tmp_path), tmp_path / f"locked-{algorithm}.pdf",
                         password="s3cret", algorithm=algorithm)
    with pytest.raises(LoadError) as info:
        load_article(locked)
    assert "password-protected" in info.value.reason and "corrupt" not in info.value.reason


@pytest.mark.parametrize("text, title", [
    ("Harbour bridge reopens\nThe council said so.", "Harbour bridge reopens"),
    ("\n\n   Harbour   bridge reopens  \n", "Harbour bridge reopens"),
    # wire copy: rules and the filing header are passed over, the line-end marker dropped
    ("  -------------\n\n  -------------\n     14:42 04/10/99: Page 1 (HHH) COURTS Bridge\n"
     "  -------------\nBRIDGE REOPENS AFTER REPAIRS<\nBy Jo Bloggs, PA News<\n",
     "BRIDGE REOPENS AFTER REPAIRS"),
    ("2024-06-19 14:42 UK-BRIDGE/\nBridge reopens after repairs\n", "Bridge reopens after repairs"),
    ("***\nBridge reopens\n", "Bridge reopens"),
    # a line that only dates the article is not its title; a headline with a date in it is
    ("Published 14 October 2024\n\nBridge reopens after repairs\n", "Bridge reopens after repairs"),
    ("updated 8:41 p.m. EST, Tue March 3, 2009\nBridge reopens\n", "Bridge reopens"),
    ("Bridge closed until 14 October 2024 for repairs\nText.", "Bridge closed until 14 October 2024 for repairs"),
    # a time alone is a headline's word, not a filing header
    ("12:00 deadline for the bridge\nText.", "12:00 deadline for the bridge"),
    # an editor's note wholly in brackets is not the headline; a headline with brackets is
    ("(with pics)<\nBRIDGE REOPENS AFTER REPAIRS<\n", "BRIDGE REOPENS AFTER REPAIRS"),
    ("(Adds quotes from the mayor, byline)\nBridge reopens\n", "Bridge reopens"),
    ("[Update 2]\nBridge reopens\n", "Bridge reopens"),
    # an advisory over several lines, closed with a full stop
    ("(ADVISORY TO NEWSDESKS _ NOT FOR PUBLICATION: reporting of the case\nis postponed until\n"
     "its end).<\n<\nBRIDGE REOPENS<\nText.", "BRIDGE REOPENS"),
    ("(a note that never closes\nand goes on\n", "(a note that never closes"),  # nothing else
    ("Embargoed to 0001 Tuesday November 23<\nBRIDGE REOPENS<\n", "BRIDGE REOPENS"),  # a wire notice
    ("(NOT FOR PUBLICATION.)<\n(The order\nstands.)<\nend<\n", "(NOT FOR PUBLICATION.)"),  # notes only
    ("Bridge reopens (at last)\nText.", "Bridge reopens (at last)"),
    ("(Reopens)\n", "(Reopens)"),  # nothing else: shown as it is
    ("-----\n", "-----"),  # nothing but a rule: shown as it is
    ("  \n\n", "(empty)"),
    ("Brücke öffnet wieder\n", "Brücke öffnet wieder"),
    ("桥梁重新开放\n", "桥梁重新开放"),
])
def test_title_is_the_first_line_a_reader_would_call_one(text, title):
    from viewer.core.text.article import title_from_text

    from viewer.core.formats.loaders import article_from_text

    assert title_from_text(text) == title
    assert article_from_text(text).title == title  # pasted text gets the same title


def test_invisible_control_characters_are_dropped_and_breaks_become_newlines(tmp_path):
    """Wire copy leaves control characters in its text (PA puts \\x19 before each paragraph);
    a pane would draw them as boxes. Tab and newline stay; a form feed is a page break."""
    raw = "HEADLINE<\n\x19By Jo Bloggs, PA News<\n\x19The court heard\tthat.\x0cPage two\x7f.\r\n"
    path = tmp_path / "wire.txt"
    path.write_bytes(raw.encode("latin-1"))
    expected = "HEADLINE<\nBy Jo Bloggs, PA News<\nThe court heard\tthat.\nPage two.\n"
    assert load_article(path).text == expected
    from viewer.core.formats.loaders import article_from_text

    assert article_from_text(raw).text == expected
    assert raw.encode("latin-1") == path.read_bytes()  # the file itself is never touched


def test_a_file_of_nothing_but_control_characters_has_no_text(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(b"\x19\x19\n\x01")
    with pytest.raises(LoadError, match="no text found|not a text file"):
        load_article(path)


def test_hard_wrapped_paragraphs_are_shown_on_one_line_each(tmp_path):
    """Wire copy and e-mail cut lines at a fixed width; the pane wraps prose itself, so a
    wrapped paragraph reads as one line (breaks become spaces: same length, same offsets)."""
    body = ("The old harbour bridge in Port Elwen reopened to traffic on Monday morning,\n"
            "eleven months after engineers closed it when a routine inspection found\n"
            "cracked bearings beneath the eastern span of the structure last year.\n")
    raw = "BRIDGE REOPENS\n" + body * 3 + "- a list item that stays on a line of its own\n"
    path = tmp_path / "wrapped.txt"
    path.write_text(raw, encoding="utf-8")
    text = load_article(path).text
    assert len(text) == len(raw) and text.startswith("BRIDGE REOPENS\n")
    assert text.count("\n") == raw.count("\n") - 6  # two joins in each of the three paragraphs
    assert "Monday morning, eleven months" in text and "\n- a list item" in text
    assert path.read_text(encoding="utf-8") == raw

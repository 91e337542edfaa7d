"""What a file is, from its bytes rather than its name: kind, text encoding and CSV separator."""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from charset_normalizer import from_bytes

from reseau.importing.errors import FileDamaged, NotASpreadsheet, PasswordProtected


class FileKind(StrEnum):
    XLSX = "xlsx"  # also .xlsm: a zip holding xl/workbook.xml
    ODS = "ods"
    XLS = "xls"  # Excel 97-2003, an OLE2 compound file
    VCARD = "vcard"
    TEXT = "text"  # CSV or tab-separated text


_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
# Magic numbers of files people upload by mistake: images, PDF, archives, executables…
_NOT_TEXT = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"\x1f\x8b",
    b"7z\xbc\xaf",
    b"Rar!",
    b"MZ",
    b"\x7fELF",
    b"BM",
    b"RIFF",
    b"ID3",
    b"OggS",
    b"\x00\x00\x01\x00",
    b"II*\x00",
    b"MM\x00*",
    b"{\\rtf",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings that need several bytes per character: a detector's guess among them is kept. Among
# single-byte code pages a detector confuses one with another on short text (cp775, cp1250…);
# for a French audience Windows-1252 is the one Excel writes (€, œ, Œ where latin-1 has none).
_MULTIBYTE = (
    "utf",
    "shift_jis",
    "cp932",
    "euc",
    "gb",
    "big5",
    "cp950",
    "cp949",
    "johab",
    "iso2022",
    "hz",
)


def file_kind(data: bytes) -> FileKind:
    """The kind of file the bytes hold; refuses what is not a spreadsheet, CSV or vCard."""
    if data.startswith(_ZIP):
        return _zip_kind(data)
    if data.startswith(_OLE2):
        return _ole2_kind(data)
    if data.startswith(_NOT_TEXT):
        raise NotASpreadsheet()
    start = data[:4096]
    for bom, encoding in _BOMS:
        if start.startswith(bom):
            head = start.decode(encoding, errors="ignore")
            break
    else:
        head = start.decode("latin-1")
    if head.lstrip().upper().startswith("BEGIN:VCARD"):
        return FileKind.VCARD
    return FileKind.TEXT


def _zip_kind(data: bytes) -> FileKind:
    # Names in a zip's directory are plain bytes, so this needs no inflating.
    if b"xl/workbook.xml" in data or b"xl/workbook.bin" in data:
        return FileKind.XLSX
    if data[30:38] == b"mimetype" and _ODS_MIME in data[:200]:
        return FileKind.ODS
    if b"content.xml" in data and _ODS_MIME in data:
        return FileKind.ODS
    if b"[Content_Types].xml" in data or b"mimetype" in data[:100]:
        raise NotASpreadsheet()  # a Word document, a presentation…
    if b"PK\x05\x06" not in data[-66_000:]:
        raise FileDamaged()  # a zip cut short: its directory is at the end
    raise NotASpreadsheet()


def _ole2_kind(data: bytes) -> FileKind:
    # An encrypted .xlsx is an OLE2 container holding EncryptionInfo and EncryptedPackage.
    if (
        "EncryptedPackage".encode("utf-16-le") in data
        or "EncryptionInfo".encode("utf-16-le") in data
    ):
        raise PasswordProtected()
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return FileKind.XLS
    raise NotASpreadsheet()


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_text(data: bytes) -> DecodedText:
    """The text of a CSV or vCard: BOM first, then UTF-8, then charset detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                raise FileDamaged() from None
    wide = _utf16_without_bom(data)
    if wide is not None:
        try:
            return DecodedText(data.decode(wide), wide)
        except UnicodeDecodeError:
            pass
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    found = from_bytes(data[:200_000])
    best = found.best()
    if best is None:
        raise NotASpreadsheet()
    # Candidates in order of preference: a later one must read strictly more like names.
    candidates = [best.encoding] if best.encoding.startswith(_MULTIBYTE) else ["cp1252"]
    candidates += [match.encoding for match in found] + ["cp1252", *_LEGACY]
    scored: list[tuple[int, int, str]] = []
    for order, encoding in enumerate(dict.fromkeys(candidates)):
        sample = _decoded_start(data, encoding)
        if sample is not None:
            scored.append((-name_likeness(sample), order, encoding))
    # Best reading first; among equals, the earlier candidate (the detector's, or cp1252).
    for _, _, encoding in sorted(scored):
        try:
            return DecodedText(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise NotASpreadsheet()


def _decoded_start(data: bytes, encoding: str, size: int = 100_000) -> str | None:
    """The start of the file in an encoding, or None when those bytes are not that encoding."""
    head = data[:size]
    try:
        return head.decode(encoding)
    except LookupError:
        return None
    except UnicodeDecodeError as problem:
        # The cut may fall inside a character: that is not the encoding's fault.
        if len(head) == size and problem.start >= size - 4:
            try:
                return head[: problem.start].decode(encoding)
            except UnicodeDecodeError:
                return None
        return None


# Code pages the detector may not propose, tried when it is unsure: Cyrillic, Greek, Arabic,
# Hebrew, Central European and Japanese, Chinese, Korean.
_LEGACY = (
    "cp1251", "koi8_r", "cp1253", "cp1256", "cp1255", "cp1250",
    "cp932", "gb18030", "big5", "cp949",
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH"})


def _script(ch: str) -> str:
    script = unicodedata.name(ch, "?").split(" ", 1)[0]
    return "CJK" if script in _EAST_ASIAN else script


def name_likeness(text: str) -> int:
    """How much a decoded text reads like names and words: a wrong code page gives words that
    mix scripts (`Йloпse`), Latin words made mostly of accents (`Èâàíîâ`), odd capitals
    (`ðÅÔÒÏ`), symbols, or Hangul syllables no Korean name uses (`뙛빜뎢`)."""
    sample = text[:20_000]
    score = 0
    for word in _WORD.findall(sample):
        if word.isascii():
            continue
        scripts = {"LATIN" if ch.isascii() else _script(ch) for ch in word}
        if len(word) == 1 and not scripts & {"CJK", "HANGUL"}:
            continue  # a lone letter between symbols says nothing either way
        if len(scripts) > 1:
            score -= 2
        elif scripts == {"LATIN"}:
            accented = sum(1 for ch in word if not ch.isascii())
            score += -1 if len(word) >= 3 and accented * 2 > len(word) else 1
        elif scripts == {"HANGUL"}:
            score += 1 if _common_hangul(word) else -2
        elif scripts == {"CJK"}:
            score += 1 if _common_ideographs(word) else -2
        elif word.islower() or word.isupper() or word.istitle():
            score += 1
        elif not any(ch.islower() or ch.isupper() for ch in word):
            score += 1  # Arabic, Hebrew, Thai…: scripts without capitals
        else:
            score -= 1
    symbols = sum(
        1 for ch in sample if not ch.isascii() and unicodedata.category(ch) in _ODD_CATEGORIES
    )
    return score - symbols


# Currency signs (€) and modifier letters are ordinary in names and notes; other symbols,
# control and unassigned characters are what a wrong code page produces.
_ODD_CATEGORIES = frozenset({"So", "Sm", "Cc", "Cf", "Co", "Cn"})


def _common_ideographs(word: str) -> bool:
    """Whether most characters are among the common ones of Chinese (GB 2312, Big5's frequent
    block) or Japanese (kana and JIS level 1): a wrong code page gives rare ones."""
    common = 0
    for ch in word:
        if _script(ch) in ("HIRAGANA", "KATAKANA"):
            common += 1
            continue
        for encoding, low, high in _COMMON_BLOCKS:
            try:
                code = ch.encode(encoding)
            except UnicodeEncodeError:
                continue
            if len(code) == 2 and low <= code <= high:
                common += 1
                break
    return common * 2 >= len(word)


_COMMON_BLOCKS = (
    ("gb2312", b"\xb0\xa1", b"\xd7\xf9"),  # level 1 hanzi, by frequency
    ("shift_jis", b"\x88\x9f", b"\x98\x72"),  # JIS level 1 kanji
    ("big5", b"\xa4\x40", b"\xc6\x7e"),  # frequent hanzi
)


def _common_hangul(word: str) -> bool:
    """Syllables of KS X 1001, the 2,350 that Korean text uses; the rest are rare."""
    for ch in word:
        try:
            # Python's codec writes the other syllables as 8-byte make-up sequences.
            if len(ch.encode("euc_kr")) != 2:
                return False
        except UnicodeEncodeError:
            return False
    return True


_FOLD = re.compile(rb"(?:\r\n|\n|\r)[ \t]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def decode_vcard(data: bytes) -> DecodedText:
    """The text of a vCard, whose UTF-8 may be damaged in places rather than be another encoding.

    A line folded in the middle of a UTF-8 character is whole again once unfolded (folding is
    done on bytes here, which vCard 3.0 and 4.0 allow); a file that is UTF-8 but for a few bytes
    keeps them as U+FFFD, so the reader leaves out only the lines that hold them.
    """
    if data.startswith(tuple(bom for bom, _ in _BOMS)) or _utf16_without_bom(data):
        return decode_text(data)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    unfolded = _FOLD.sub(b"", data)
    try:
        return DecodedText(unfolded.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = unfolded.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    if len(_UTF8_SEQUENCE.findall(unfolded)) >= 2 * damaged:
        return DecodedText(text, "utf-8")
    return decode_text(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without its mark: every other byte of Latin text is a NUL."""
    head = data[:4096]
    half = len(head) // 2
    if half < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def nul_line(text: str) -> int | None:
    """The line of the first NUL character in text that is otherwise text (None: no NUL, or
    not text at all); a spreadsheet never writes one in a CSV, a damaged copy does."""
    first = text.find("\x00")
    if first < 0:
        return None
    sample = text[:20_000].replace("\x00", "")
    control = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    nuls = text[:20_000].count("\x00")
    if not sample or control > len(sample) // 100 or nuls > max(len(sample) // 100, 3):
        return None
    return text.count("\n", 0, first) + 1


def looks_like_text(text: str) -> bool:
    """False for bytes that decoded to control characters: binary data, not a CSV."""
    sample = text[:20_000]
    if not sample:
        return False
    control = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    return "\x00" not in sample and control <= len(sample) // 100


CANDIDATE_SEPARATORS = (",", ";", "\t", "|")


def separator(text: str) -> str:
    """The field separator of CSV text: `csv.Sniffer` checked against how regular each choice is.

    A separator is regular when it splits many lines into the same number of fields (more than
    one); LinkedIn's preamble or a title line above the header do not count against it.
    """
    lines = text[:64_000].splitlines()[:60]
    sample = "\n".join(lines)
    scores = {sep: _regularity(sample, sep) for sep in CANDIDATE_SEPARATORS}
    best = max(CANDIDATE_SEPARATORS, key=lambda sep: scores[sep])
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(CANDIDATE_SEPARATORS)).delimiter
    except csv.Error:
        sniffed = None
    if sniffed in scores and scores[sniffed] >= scores[best]:
        return sniffed
    return best


def _regularity(sample: str, sep: str) -> tuple[int, int]:
    counts: dict[int, int] = {}
    try:
        for fields in csv.reader(sample.splitlines(), delimiter=sep):
            if len(fields) > 1:
                counts[len(fields)] = counts.get(len(fields), 0) + 1
    except csv.Error:
        return (0, 0)
    if not counts:
        return (0, 0)
    width, lines = max(counts.items(), key=lambda item: (item[1], item[0]))
    return (lines, width)

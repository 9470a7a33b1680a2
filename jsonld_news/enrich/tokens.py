"""Tokenising for the offline recognizer: article text to lines of ``Token`` objects.

``tokenize`` masks URLs, e-mail addresses and photo credits, splits each line into words
(possessive endings and French elisions cut off, offsets kept), marks sentence starts and
capitals, drops all-caps lines and gives each line the ``Mode`` its capitalisation allows:
"title" for a title-case line, else the mode asked for. Also the small token predicates the
rules share (``joined``, ``sentence_break``, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from jsonld_news.enrich.rule_words import CALENDAR_WORDS, word_set

# "dateline": a line that is only a dateline ("WASHINGTON —", "Düsseldorf -"): KB names only,
# and a city there needs no other cue
# "label": an all-caps line's speaker label alone ("MAGALY MEDINA:"), read by ``speakers`` only
Mode = Literal["full", "title", "strict", "dateline", "label"]


_URL = re.compile(r"<?(?:https?://|www\.)\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# a credit: "Photo: ...", "Bild: ...", "©", and a capitalised "Courtesy of" ("Courtesy of
# Forests News"; in lower case, "courtesy of NASA" may sit inside a sentence)
_CREDIT = re.compile(
    r"\b(?:photos?|fotos?|images?|pictures?|credits?|bild|quelle|source)\s*(?::|by\b)"
    r"|©|\bcopyright\b|\b(?-i:Courtesy of)\b",
    re.IGNORECASE,
)
_CREDIT_TO_EOL = re.compile(f"(?:{_CREDIT.pattern})[^\\n]*", re.IGNORECASE)
_CREDIT_WORDS = (
    "photo",
    "foto",
    "image",
    "picture",
    "credit",
    "bild",
    "quelle",
    "source",
    "©",
    "copyright",
    "courtesy",
)
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[qQ]u)['’](?=[A-ZÀ-ÖØ-Þ])")
# a French article or preposition elided before a name word ("Côte d'Ivoire", "Conseil de
# l'Europe"): the tokenizer cuts it off the word (only before a capital) and leaves it in the gap
_ELIDED_GAPS = frozenset(f"{a}{q}" for a in "dlDL" for q in "'’")


_LOWER_ELISION = re.compile(r"^[dl]['’]")


def without_elision(text: str) -> str:
    """A lower-case word without its elided article ("l'homme" -> "homme", "d'État" -> "État"):
    the tokenizer cuts the article off a capitalised word only, and keeps it on these."""
    return _LOWER_ELISION.sub("", text, count=1)


def elided_before(tok: Token) -> bool:
    """The word's elided article ("d'", "l'") sits in its gap: it belongs to a name running on."""
    return tok.gap_before.strip() in _ELIDED_GAPS


ABBREVIATIONS = word_set(
    "mr mrs ms dr st sen rep gov gen lt col capt sgt prof jr sr inc co corp ltd no vs rev adm maj"
    " cmdr mt ft dept univ jan feb mar apr jun jul aug sep sept oct nov dec"
)


class Token:
    """One word: ``text`` without a possessive ending or French elision, its offsets in the
    text, and ``gap_before``, the characters between the previous word and this one.

    No ``__init__``: ``Token()`` then allocates through the type's own call, without the
    argument tuple that ``object.__new__(Token)`` or an ``__init__`` call builds (about 400
    machine instructions a word, the recogniser's commonest object); ``tokenize`` stores the
    fields one by one, ``make_token`` is the constructor for the rest."""

    __slots__ = (
        "cap",
        "end",
        "gap_before",
        "joined",
        "lower",
        "poss",
        "sent_start",
        "start",
        "text",
        "upper",
    )

    cap: bool
    end: int
    gap_before: str
    joined: bool
    lower: str
    poss: bool
    sent_start: bool
    start: int
    text: str
    upper: bool


def make_token(
    text: str,
    start: int,
    end: int,
    cap: bool,
    upper: bool,
    sent_start: bool,
    poss: bool,
    gap_before: str,
    lower: str | None = None,
) -> Token:
    tok = Token()
    tok.text = text
    tok.lower = text.lower() if lower is None else lower
    tok.start = start
    tok.end = end
    tok.cap = cap
    tok.upper = upper
    tok.sent_start = sent_start
    tok.poss = poss
    tok.gap_before = gap_before
    # only spaces (no punctuation, no line break) between this word and the one before
    tok.joined = gap_before == " " or (not gap_before.strip() and "\n" not in gap_before)
    return tok


@dataclass(slots=True)
class Line:
    toks: list[Token]
    mode: Mode
    caps: list[Token]  # the capitalised ones, for the short-form pass


def tokenize(text: str, mode: Mode) -> list[Line]:
    """Lines worth scanning, tokenised once, each with the mode its capitalisation allows."""
    masked = text
    if "://" in text or "www." in text:
        masked = _URL.sub(_blank, masked)
    if "@" in text:
        masked = _EMAIL.sub(_blank, masked)
    low = text.lower()
    if any(word in low for word in _CREDIT_WORDS) and _has_credit(masked, low):
        # a photo credit, to the end of its line, names no mention
        masked = _CREDIT_TO_EOL.sub(_blank, masked)
    lines: list[Line] = []
    toks: list[Token] = []
    caps: list[Token] = []
    pos = 0
    prev: Token | None = None
    for gap, plain, word, raw in _PAIR.findall(masked, 0, _words_end(masked)):
        if plain:  # the common case, kept cheap: lower-case words or numbers, one space apart
            if gap == " ":  # the commonest gap: no line break, joined
                start = pos + 1
                joined = True
            else:
                start = pos + len(gap)
                if "\n" in gap:
                    joined = False
                    if toks:
                        _close_line(toks, caps, text, mode, lines)
                        toks, caps = [], []
                else:
                    joined = not gap.strip()
            # built field by field (see ``Token``): one object per word
            for one in plain.split(" ") if " " in plain else (plain,):
                pos = start + len(one)
                prev = Token()
                prev.text = prev.lower = one
                prev.start, prev.end, prev.gap_before = start, pos, gap
                prev.cap = prev.upper = prev.sent_start = prev.poss = False
                prev.joined = joined
                toks.append(prev)
                start, gap, joined = pos + 1, " ", True
            continue
        if word:  # a plain capitalised word: "Berlin", "Scholz"
            start = pos + len(gap)
            pos = start + len(word)
            if "\n" in gap and toks:
                _close_line(toks, caps, text, mode, lines)
                toks, caps = [], []
            sent = prev is None or not toks or (gap != " " and _ends_sentence(prev, gap))
            prev = Token()
            prev.text, prev.lower, prev.start, prev.end = word, word.lower(), start, pos
            prev.cap, prev.upper, prev.sent_start, prev.poss = True, False, sent, False
            prev.gap_before = gap
            prev.joined = gap == " " or (not gap.strip() and "\n" not in gap)
            toks.append(prev)
            caps.append(prev)
            continue
        start = pos + len(gap)
        end = pos = start + len(raw)
        if "\n" in gap and toks:
            _close_line(toks, caps, text, mode, lines)
            toks, caps = [], []
        poss = False
        if "'" in raw or "’" in raw:
            elided = _ELISION.match(raw)
            if elided is not None:  # French "l'Allemagne": the name starts after the article
                cut = elided.end()
                raw, start, gap = raw[cut:], start + cut, gap + raw[:cut]
            if raw.endswith(("'s", "’s")) and len(raw) > 2:
                raw, end, poss = raw[:-2], end - 2, True
        if not poss and raw[-1] == "s" and end < len(masked) and masked[end] in "'’":
            poss = end + 1 >= len(masked) or not masked[end + 1].isalnum()  # "Meadows'"
        if "-" in raw:
            head, _, tail = raw.partition("-")
            if tail in _HYPHEN_SUFFIXES and head[:1].isupper():  # "Greensboro-area"
                raw, end = head, start + len(head)
        if "." in raw:
            head, _, tail = raw.rpartition(".")
            if tail.isdigit() and head.isalpha():  # "Shor.3": a footnote's number after a word
                raw, end = head, start + len(head)
        cap = raw[0].isupper()
        upper = cap and len(raw) > 1 and not raw[1].islower()
        if upper:
            upper = raw.replace(".", "").replace("-", "").isupper()
        sent = prev is None or not toks or (gap != " " and _ends_sentence(prev, gap))
        prev = make_token(raw, start, end, cap, upper, sent, poss, gap)
        toks.append(prev)
        if cap:
            caps.append(prev)
    if toks:
        _close_line(toks, caps, text, mode, lines)
    return lines


def _words_end(text: str) -> int:
    """Where ``_PAIR`` can stop: two characters past the last word character (a match may end
    one past it, "U.S.", and its look-ahead reads one more). Matching on into a long run of
    punctuation with no word after it would cost the run's length from each of its positions."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    return min(len(text), end + 2) if end else 0


_BYLINE_TOKENS = 12
_DATELINE_TOKENS = 3
_DATELINE_END = re.compile(r"[ \t]*(?:—|–|--|-)[ \t]*(?:\n|$)")


def _has_credit(masked: str, low: str) -> bool:
    """``_CREDIT.search(masked)``, but tried only where ``low`` (the text in lower case) has one
    of its words: a search from every position costs more than the rest of tokenising."""
    if len(low) != len(masked) or "ı" in low or "ſ" in low:
        # lower-casing moved letters, or letters the pattern's IGNORECASE equates with i and s
        return _CREDIT.search(masked) is not None
    if "©" in masked:
        return True
    for word in _CREDIT_WORDS:
        pos = low.find(word)
        while pos >= 0:
            if _CREDIT.match(masked, pos):
                return True
            pos = low.find(word, pos + 1)
    return False


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _close_line(
    toks: list[Token], caps: list[Token], text: str, mode: Mode, lines: list[Line]
) -> None:
    if len(toks) <= _DATELINE_TOKENS and toks[0].cap and _DATELINE_END.match(text, toks[-1].end):
        lines.append(Line(toks, "dateline", caps))
        return
    if text[toks[0].start : toks[-1].end].isupper():
        # all caps: photo credits, shouted headers; capitals tell nothing there, but for a
        # speaker's label ("MAGALY MEDINA: ME ESCAPÉ DEL COLEGIO"), kept alone for ``speakers``
        label = _caps_label(toks, text)
        if label:
            kept = toks[:label]
            lines.append(Line(kept, "label", [t for t in caps if t.start < kept[-1].end]))
        return
    if len(toks) <= _BYLINE_TOKENS and _byline(toks):
        return  # a byline ("By Evan Symon, August 14, 2020"): its author is no mention
    lines.append(Line(toks, _line_mode(toks, caps, mode), caps))


_LABEL_COLON = re.compile(r"[ \t]*:[ \t]")


def _caps_label(toks: list[Token], text: str) -> int:
    """How many words of an all-caps line are a name before a colon (two to four letters-only
    words, nothing between them), or 0."""
    n = 0
    while n < len(toks) and n < 5 and toks[n].text.isalpha() and (n == 0 or toks[n].joined):
        n += 1
        if _LABEL_COLON.match(text, toks[n - 1].end):
            return n if 2 <= n <= 4 else 0
    return 0


def _line_mode(toks: list[Token], caps: list[Token], mode: Mode) -> Mode:
    title = mode == "full" and len(caps) >= 4 and 2 * len(caps) >= len(toks)
    line_mode: Mode = "title" if title and _is_title_case(toks) else mode
    if mode == "strict" and len(toks) >= 6 and 5 * len(caps) >= 4 * len(toks):
        line_mode = "title"  # German nouns are capitalised, but not every word of a line
    return line_mode


def labels_apart(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(the lines to scan, the all-caps lines kept for their speaker label only)."""
    if not any(line.mode == "label" for line in lines):
        return lines, []
    return [x for x in lines if x.mode != "label"], [x for x in lines if x.mode == "label"]


def with_mode(lines: list[Line], mode: Mode) -> list[Line]:
    """``tokenize(text, mode)`` from the lines ``tokenize`` gave the same text in another mode:
    the words and the lines kept do not depend on the mode, only each line's mode does (a
    text is tokenised once even when its language is decided after a first look at it)."""
    return [
        line
        if line.mode == "dateline"
        else Line(line.toks, _line_mode(line.toks, line.caps, mode), line.caps)
        for line in lines
    ]


# words with the gap before them: a run of lower-case words and numbers (no apostrophe) one
# space apart in group 2 (one match for the run: most of a text's words), plain capitalised
# words in group 3, the rest (elided, possessive, acronyms...) in group 4. A run is what one
# match per word would give with " " gaps: a word inside it is followed by the space
_PLAIN_WORD = r"[a-zß-öø-ÿ0-9][\w]*(?:[-&.][\w]+)*"
_PAIR = re.compile(
    rf"(\W*)(?:({_PLAIN_WORD}(?: {_PLAIN_WORD})*)(?![\w'’])"
    r"|([A-Z][a-zß-öø-ÿ]+)(?![\w'’&.-])"
    r"|((?:[A-Z]\.){2,}|\w+(?:[-'’&.]\w+)*))"
)


_HYPHEN_SUFFIXES = word_set(
    "area based born backed led owned run made style era bound controlled funded linked "
    "affiliated related wide registered listed headquartered allied"
)
_SENTENCE_GAP = re.compile(r"[!?:;“\"«—–•|]|\n")


def _ends_sentence(prev: Token, gap: str) -> bool:
    if gap == " ":
        return False
    if _SENTENCE_GAP.search(gap):
        return True
    if "." in gap:
        if len(prev.text) == 1 and prev.cap:
            return False  # an initial: "Michael R. Bloomberg"
        return prev.lower.rstrip(".") not in ABBREVIATIONS and not prev.upper
    return False


def sentence_break(tok: Token) -> bool:
    return tok.sent_start or bool(_SENTENCE_GAP.search(tok.gap_before))


def joined(tok: Token) -> bool:
    """Only spaces (no punctuation, no line break) separate ``tok`` from the one before."""
    return tok.joined


def joined_loose(tok: Token) -> bool:
    """Separated by spaces or a comma: "Jane Doe, who", "said, Jane Doe"."""
    return tok.gap_before.replace(",", "").strip() == ""


# The words that open a byline line in English, German, French and Spanish ("By", "Von",
# "Par", "Por", "Publicado por", "Escrito por", "Texto:").
_BYLINE_OPENERS = word_set("by von par por texto text redacción rédaction")
_BYLINE_VERBS = word_set("publicado escrito publié écrit geschrieben posted written")


def _byline(toks: list[Token]) -> bool:
    """A line that credits the article's author: "By Jane Doe", "Publicado por Juan Pérez",
    or a name and the time it was filed, nothing else ("Ana Ruiz 3/5/2022 22:41")."""
    first = toks[0]
    if first.text == "By":
        return True
    if first.cap and first.lower in _BYLINE_VERBS and len(toks) > 2:
        return toks[1].lower in _BYLINE_OPENERS and _names_only(toks[2:])
    if first.lower in _BYLINE_OPENERS:
        # "Von Jana Weber", not "Von Montag an gilt ..."; a line opening in lower case is no
        # sentence: "von Alexander Karper" (its photo credit already masked)
        return _names_only(toks[1:])
    names = 0
    while names < len(toks) and toks[names].cap and toks[names].text.isalpha():
        names += 1
    rest = toks[names:]
    if 2 <= names <= 4 and bool(rest) and all(t.text[0].isdigit() for t in rest):
        return True  # "Ana Ruiz 3/5/2022 22:41"
    return _dated_names(toks)


def _dated_names(toks: list[Token]) -> bool:
    """A date, then a name and nothing else: "1. Februar 2022 , Daniel Dillenburg"."""
    k = 0
    digits = False
    while k < len(toks) and (toks[k].text[0].isdigit() or toks[k].lower in CALENDAR_WORDS):
        digits = digits or toks[k].text[0].isdigit()
        k += 1
    rest = toks[k:]
    return (
        digits
        and k >= 2
        and 2 <= len(rest) <= 4
        and "," in rest[0].gap_before
        and all(t.cap and t.text.isalpha() for t in rest)
    )


def _names_only(toks: list[Token]) -> bool:
    """One to six capitalised words and conjunctions ("Ana Ruiz y Juan Pérez"), nothing else."""
    return 0 < len(toks) <= 6 and toks[0].cap and all(t.cap or t.lower in _AND for t in toks)


_AND = word_set("and und et y e")


def _is_title_case(toks: list[Token]) -> bool:
    """A headline-style line: every word but short function words capitalised."""
    content = 0
    lower = 0
    for t in toks:
        if t.text[0].isalpha() and t.lower not in _TITLE_CASE_EXEMPT:
            content += 1
            lower += not t.cap
    return content >= 4 and lower <= content // 10


_TITLE_CASE_EXEMPT = word_set(
    "a an the and or but nor of in on at to for with by from as vs via per into onto up off"
)


def index_after(toks: list[Token], i: int, end: int) -> int:
    while i < len(toks) and toks[i].start < end:
        i += 1
    return i

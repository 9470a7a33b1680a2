"""Speaker labels of interviews and transcripts: a line that opens with a person's name and a
colon ("Thomas Malone: ...", "MAGALY MEDINA: ...", "Mikaela Shiffrin (USA/Ski alpin): ...")
names that person. The name must look like one: two to four capitalised words, none a title,
an organisation's head or a calendar word, opening with a known given name or ending with a
known surname, no common English word after the first unless a surname ("Morning
Briefing: ..." is a column), and not a KB name as a whole; one word alone ("Barisic:") is left to the
short forms, which know the article's surnames."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jsonld_news.enrich.frequent_words import function_word
from jsonld_news.enrich.name_rules import weak_word
from jsonld_news.enrich.names import common_word, given_name, surname
from jsonld_news.enrich.rule_words import ORG_HEADS
from jsonld_news.enrich.tokens import Line
from jsonld_news.gazetteer import TITLE_WORDS

_MIN_WORDS, _MAX_WORDS = 2, 4
# after the name: an optional parenthesis (the speaker's body, country or role), then the colon
_LABEL_END = re.compile(r"[ \t]*(?:\([^()\n]{1,80}\))?[ \t]*:[ \t]")


def speaker_labels(lines: list[Line], text: str, lang: str) -> Iterator[tuple[Line, int]]:
    """(line, number of name tokens) for each line that opens with a speaker label."""
    for line in lines:
        if line.mode == "dateline":
            continue
        toks = line.toks
        end = 0
        while end < len(toks) and end < _MAX_WORDS + 1 and toks[end].cap:
            if end and not toks[end].joined:
                break
            end += 1
        if not _MIN_WORDS <= end <= _MAX_WORDS or toks[end - 1].poss:
            continue
        if not _LABEL_END.match(text, toks[end - 1].end):
            continue
        words = [t.text.title() if t.upper else t.text for t in toks[:end]]
        if any(not w.replace("-", "").replace(".", "").isalpha() for w in words):
            continue
        if weak_word(toks[0]) or function_word(words[0], lang):
            continue  # "Das E-Werk: ...", "Bei VW-Treffen: ...": a heading, no speaker
        if any(t.lower in TITLE_WORDS or t.lower in ORG_HEADS for t in toks):
            continue
        if not (given_name(words[0], lang) or surname(words[-1])):
            continue
        if any(common_word(w) and not surname(w) for w in words[1:]):
            continue  # "Gabor Steingarts Morning Briefing: ...": a column's title
        yield line, end

"""A capitalised name right before a company's legal form is that company's name, in German,
French and Spanish text as in English ("Neltume Ports S.A.", "Robert Bosch GmbH", "ATCO
Ltd."). English gets this from the organisation-run rule (``name_rules.org_run``); the other
languages' rules take only KB names and their own heads, so this pass adds the legal-form case.
The forms are those of ISO 20275 (``rule_words.ELF_FORMS``)."""

from __future__ import annotations

from jsonld_news.enrich.findings import Found
from jsonld_news.enrich.name_rules import weak_word, with_dot
from jsonld_news.enrich.rule_words import ARTICLES, ASSOCIATION_FORMS, ELF_FORMS, word_set
from jsonld_news.enrich.tokens import Line, Token

_MAX_NAME_TOKENS = 5  # of the name before the form, connectors included
_NAME_CONNECTORS = word_set("& und y et de del")
# German capitalises every noun: the nouns that introduce a company ("die Firma X GmbH", "der
# Zulieferer X AG"; German for ``rule_words.ORG_CUES``) are not part of its name.
_GERMAN_COMPANY_NOUNS = word_set(
    "firma unternehmen konzern hersteller autobauer autohersteller gesellschaft tochter "
    "tochterfirma tochtergesellschaft mutterkonzern betreiber anbieter händler zulieferer "
    "investor käufer verkäufer bank versicherer startup start-up gruppe holding marke verein"
)


def legal_form_names(lines: list[Line], text: str, found: list[Found]) -> list[Found]:
    """Companies named by a capitalised run and a legal form, where no rule found a name that
    crosses it; a finding of the run alone ("Neltume Ports") gives way to the whole name."""
    out: list[Found] = []
    for line in lines:
        toks = line.toks
        for k in range(1, len(toks)):
            tok = toks[k]
            if not tok.cap or tok.lower.rstrip(".") not in ELF_FORMS or not tok.joined:
                continue
            start = _name_start(toks, k)
            if start < 0:
                continue
            begin, stop = toks[start].start, _form_end(toks, k, text)
            inside = [f for f in found if f.start < stop and begin < f.end and not f.in_headline]
            if any(f.start < begin or f.end > stop or f.entry is not None for f in inside):
                continue  # read otherwise, or a KB's company ("Siemens"): left as it is
            for f in inside:
                found.remove(f)
            surface = text[begin:stop]
            kind = "Organization" if tok.lower.rstrip(".") in ASSOCIATION_FORMS else "Corporation"
            out.append(Found(begin, stop, surface, "org", None, surface, kind))
    return out


def _name_start(toks: list[Token], k: int) -> int:
    """First token of the capitalised run before the legal form at ``k``, or -1; also -1 where
    the run goes on past the longest name taken (a name is not emitted cut short)."""
    j = k - 1
    start = -1
    while j >= 0:
        t = toks[j]
        if t.lower in _GERMAN_COMPANY_NOUNS and not t.upper:
            break
        name_word = t.upper or not (t.lower in ARTICLES or weak_word(t))  # "IT Solutions"
        if t.cap and not t.poss and name_word:
            if k - j > _MAX_NAME_TOKENS:
                return -1
            start = j
        elif not (t.lower in _NAME_CONNECTORS and j > 0 and toks[j - 1].cap):
            break
        if not t.joined and t.gap_before.strip() != "&":
            break
        j -= 1
    return start


def _form_end(toks: list[Token], k: int, text: str) -> int:
    """Where the form ends: past a dot that is the abbreviation's ("Ltd.", not the full stop
    after "GmbH."), and past "de C.V." (Mexico)."""
    end = with_dot(toks[k], text)
    if (
        k + 2 < len(toks)
        and toks[k + 1].lower == "de"
        and toks[k + 2].text.rstrip(".") == "C.V"
        and toks[k + 1].joined
    ):
        end = with_dot(toks[k + 2], text)
    return end

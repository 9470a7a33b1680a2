"""Realistic synthetic articles for benchmarks: 600-word bodies, several authors, citations, entities.

Deterministic (seeded), so every run measures the same inputs.
"""

from __future__ import annotations

import json
import random

FIRST = [
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
]
LAST = [
    "Schmidt",
    "Okafor",
    "Tanaka",
    "Moreau",
    "Kowalski",
    "Haddad",
    "Lindqvist",
    "Rossi",
    "Novak",
    "Silva",
]
PLACES = [
    "Berlin",
    "Kyiv",
    "Paris",
    "Nairobi",
    "Lima",
    "Osaka",
    "Toronto",
    "Warsaw",
    "Cairo",
    "Madrid",
]
ORGS = [
    "the European Commission",
    "the World Bank",
    "NATO",
    "the United Nations",
    "Siemens",
    "Reuters",
]
VERBS = ["said", "reported", "wrote", "told reporters", "announced"]
WORDS = [
    "the",
    "government",
    "plan",
    "would",
    "increase",
    "spending",
    "on",
    "schools",
    "roads",
    "and",
    "hospitals",
    "over",
    "the",
    "next",
    "five",
    "years",
    "while",
    "officials",
    "warned",
    "that",
    "inflation",
    "could",
    "slow",
    "growth",
    "in",
    "the",
    "region",
    "and",
    "analysts",
    "expected",
    "markets",
    "to",
    "react",
    "cautiously",
    "to",
    "the",
    "proposal",
    "after",
    "months",
    "of",
    "debate",
    "in",
    "parliament",
    "about",
    "energy",
    "prices",
    "wages",
    "and",
    "the",
    "cost",
    "of",
    "housing",
    "for",
    "young",
    "families",
]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _paragraphs(rng: random.Random, index: int) -> list[str]:
    paragraphs = []
    words = 0
    n = 0
    while words < 600:
        n += 1
        if n % 3 == 0:
            who = rng.choice([_person(rng), rng.choice(ORGS)])
            verb = rng.choice(VERBS)
            url = f"https://source{n}.example.org/report/{index}-{n}"
            text = f"{who} [{verb}]({url}) that {_sentence(rng, 18).lower()} {_sentence(rng, 14)}"
        else:
            text = " ".join(_sentence(rng, rng.randint(12, 22)) for _ in range(3))
        words += len(text.split())
        paragraphs.append(text)
    return paragraphs


def text_article(index: int) -> bytes:
    rng = random.Random(index)
    authors = [_person(rng) for _ in range(rng.randint(1, 3))]
    byline = "By " + (
        " and ".join(authors)
        if len(authors) < 3
        else f"{authors[0]}, {authors[1]} and {authors[2]}"
    )
    place = rng.choice(PLACES).upper()
    body = _paragraphs(rng, index)
    body[0] = f"{place} (Reuters) — {body[0]}"
    parts = [
        f"Officials in {rng.choice(PLACES)} agree budget plan number {index}",
        f"March {rng.randint(1, 28)}, 2024",
        f"{_person(rng).upper()} / AFP",
        byline,
        *body,
        f"Related article: [More on the budget](https://news.example.com/related/{index})",
        f"Original url:\n\n<https://news.example.com/2024/03/{index}>",
    ]
    return "\n\n".join(parts).encode()


def json_article(index: int) -> bytes:
    rng = random.Random(-index - 1)
    doc = {
        "headline": f"Markets react to budget plan number {index}",
        "description": _sentence(rng, 20),
        "url": f"https://daily.example.com/economy/{index}",
        "datePublished": f"2024-04-{rng.randint(10, 28)}T{rng.randint(10, 23)}:15:00+02:00",
        "authors": [_person(rng) for _ in range(rng.randint(1, 3))],
        "publisher": {"name": "Example Daily", "url": "https://daily.example.com/"},
        "image": [
            {"url": f"https://daily.example.com/img/{index}.jpg", "credit": f"{_person(rng)} / dpa"}
        ],
        "inLanguage": "en",
        "keywords": ["economy", "budget"],
        "mentions": [
            {"name": _person(rng), "type": "Person"},
            {"name": rng.choice(PLACES), "type": "City"},
            {"name": "World Bank", "type": "Organization"},
        ],
        "body": "\n\n".join(_paragraphs(rng, index)),
    }
    return json.dumps(doc).encode()


def corpus(count: int) -> list[tuple[bytes, str]]:
    """``count`` articles, alternating the text-dump and JSON inputs."""
    return [
        (text_article(i), "text") if i % 2 == 0 else (json_article(i), "json") for i in range(count)
    ]

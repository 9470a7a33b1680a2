"""Write tests/fixtures/validate-cases/*.html: one small page per case (tests/test_validate_cases.py
names the issues each must raise). Run it to regenerate the fixtures, then review the diff.

The cases come from Google's documented Article errors and warnings (author, dates, image,
headline, paywall), schema.org's definitions (types, properties, about/mentions, citation,
wordCount), and markup copied from the corpus pages (../shared/corpus/html: the corpus-* cases,
trimmed to the structured data in question).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/validate-cases")
OUT.mkdir(parents=True, exist_ok=True)
for old in OUT.glob("*.html"):
    old.unlink()

URL = "https://news.example/2024/11/15/scholz-putin"
BASE: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": URL + "#article",
    "url": URL,
    "headline": "Scholz speaks with Putin for the first time in two years",
    "datePublished": "2024-11-15T17:05:00+03:00",
    "dateModified": "2024-11-15T19:40:00+03:00",
    "author": [
        {"@type": "Person", "name": "Jane Doe", "url": "https://news.example/authors/jane-doe"}
    ],
    "publisher": {
        "@type": "NewsMediaOrganization",
        "name": "Example News",
        "logo": {"@type": "ImageObject", "url": "https://news.example/logo.png"},
    },
    "image": [
        "https://news.example/img/scholz-16x9.jpg",
        "https://news.example/img/scholz-4x3.jpg",
        "https://news.example/img/scholz-1x1.jpg",
    ],
}


def art(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


def page(*blocks: Any, body: str = "<p>Text.</p>", head: str = "", raw: str | None = None) -> str:
    scripts = (
        "".join(
            f'<script type="application/ld+json">\n{raw if raw is not None else json.dumps(b, indent=1, ensure_ascii=False)}\n</script>\n'
            for b in (blocks or [None])
        )
        if (blocks or raw is not None)
        else ""
    )
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Case</title>\n{head}{scripts}'
        f"</head><body>\n{body}\n</body></html>\n"
    )


def write(name: str, text: str) -> None:
    (OUT / f"{name}.html").write_text(text, encoding="utf-8")


write("good-newsarticle", page(art()))
write("good-reportage-subtype", page(art(**{"@type": "ReportageNewsArticle"})))
write("good-blogposting", page(art(**{"@type": "BlogPosting"})))
graph: dict[str, Any] = {
    "@context": "https://schema.org",
    "@graph": [
        {
            "@type": "WebSite",
            "@id": "https://news.example/#website",
            "url": "https://news.example/",
            "name": "Example News",
            "publisher": {"@id": "https://news.example/#organization"},
        },
        {
            "@type": "NewsMediaOrganization",
            "@id": "https://news.example/#organization",
            "name": "Example News",
            "logo": {"@id": "https://news.example/#logo"},
        },
        {
            "@type": "ImageObject",
            "@id": "https://news.example/#logo",
            "url": "https://news.example/logo.png",
            "width": 600,
            "height": 60,
        },
        {
            "@type": "WebPage",
            "@id": URL,
            "url": URL,
            "name": "Scholz",
            "isPartOf": {"@id": "https://news.example/#website"},
        },
        {
            "@type": "Person",
            "@id": "https://news.example/#/person/jane-doe",
            "name": "Jane Doe",
            "url": "https://news.example/authors/jane-doe",
        },
        dict(
            {k: v for k, v in art().items() if k != "@context"},
            author={"@id": "https://news.example/#/person/jane-doe"},
            publisher={"@id": "https://news.example/#organization"},
            mainEntityOfPage={"@id": URL},
            isPartOf={"@id": URL},
        ),
    ],
}
write("good-graph-references", page(graph))
write(
    "good-array-block",
    page(
        [
            {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "url": "https://news.example/",
                "name": "Example News",
            },
            art(),
        ]
    ),
)
write(
    "good-two-blocks",
    page(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": 1,
                    "name": "World",
                    "item": {"@id": "https://news.example/world", "name": "World"},
                }
            ],
        },
        art(),
    ),
)
write(
    "good-nested-main-entity",
    page(
        {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "@id": URL,
            "mainEntity": {k: v for k, v in art().items() if k != "@context"},
        }
    ),
)
write("good-vocab-context", page(art(**{"@context": {"@vocab": "http://schema.org/"}})))
live: dict[str, Any] = art(
    **{
        "@type": "LiveBlogPosting",
        "coverageStartTime": "2024-11-15T08:00:00+01:00",
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": "Call ends",
                "datePublished": "2024-11-15T18:00:00+01:00",
                "articleBody": "The call ended.",
            }
        ],
    }
)
write("good-liveblog-updates-not-checked-alone", page(live))
write(
    "good-paywall-class-selector",
    page(
        art(
            isAccessibleForFree=False,
            hasPart={
                "@type": "WebPageElement",
                "isAccessibleForFree": False,
                "cssSelector": ".paywall",
            },
        ),
        body='<p>Free.</p><div class="paywall">Paid.</div>',
    ),
)
write(
    "good-paywall-string-false",
    page(
        art(
            isAccessibleForFree="False",
            hasPart=[
                {
                    "@type": "WebPageElement",
                    "isAccessibleForFree": "False",
                    "cssSelector": ".premium, .premium-extra",
                }
            ],
        )
    ),
)
write(
    "good-sitelinks-query-input",
    page(
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "url": "https://news.example/",
            "potentialAction": {
                "@type": "SearchAction",
                "target": "https://news.example/search?q={search_term_string}",
                "query-input": "required name=search_term_string",
            },
        },
        art(),
    ),
)
write(
    "good-image-variants-sized",
    page(
        art(
            image=[
                {
                    "@type": "ImageObject",
                    "url": "https://news.example/img/a-16x9.jpg",
                    "width": 1200,
                    "height": 675,
                },
                {
                    "@type": "ImageObject",
                    "url": "https://news.example/img/a-4x3.jpg",
                    "width": "1200",
                    "height": "900",
                },
                {
                    "@type": "ImageObject",
                    "url": "https://news.example/img/a-1x1.jpg",
                    "width": "1200 px",
                    "height": "1200 px",
                },
            ]
        )
    ),
)
write("good-wordcount-agrees", page(art(articleBody=" ".join(["word"] * 200), wordCount=205)))

# Google's Article profile
write("no-properties", page({"@context": "https://schema.org", "@type": "NewsArticle"}))
write("author-as-text", page(art(author="Jane Doe")))
write(
    "author-by-prefix",
    page(
        art(
            author={
                "@type": "Person",
                "name": "By Jane Doe",
                "url": "https://news.example/authors/jane-doe",
            }
        )
    ),
)
write(
    "author-job-title",
    page(
        art(
            author={
                "@type": "Person",
                "name": "Jane Doe, Staff Writer",
                "url": "https://news.example/authors/jane-doe",
            }
        )
    ),
)
write(
    "author-several-and",
    page(
        art(
            author={
                "@type": "Person",
                "name": "Jane Doe and John Roe",
                "url": "https://news.example/authors/jane-doe",
            }
        )
    ),
)
write(
    "author-several-commas",
    page(
        art(
            author={
                "@type": "Person",
                "name": "Jane Doe, John Roe",
                "url": "https://news.example/authors/jane-doe",
            }
        )
    ),
)
write(
    "author-surname-first-comma-is-one-person",
    page(
        art(
            author={
                "@type": "Person",
                "name": "Doe, Jane",
                "url": "https://news.example/authors/jane-doe",
            }
        )
    ),
)
write(
    "author-publisher-name",
    page(
        art(
            author={
                "@type": "Person",
                "name": "Jane Doe Example News",
                "url": "https://news.example/authors/jane-doe",
            }
        )
    ),
)
write("author-thing-type", page(art(author={"@type": "Thing", "name": "Jane Doe"})))
write("author-without-url", page(art(author={"@type": "Person", "name": "Jane Doe"})))
write(
    "author-organization",
    page(
        art(
            author={
                "@type": "Organization",
                "name": "Reporters Desk",
                "url": "https://news.example/desk",
            }
        )
    ),
)
write(
    "date-without-zone",
    page(art(datePublished="2024-11-15T17:05:00", dateModified="2024-11-15T19:40:00")),
)
write("date-only", page(art(datePublished="2024-11-15", dateModified=None)))
write("date-not-iso", page(art(datePublished="15/11/2024")))
write("modified-before-published", page(art(dateModified="2024-11-14T10:00:00+03:00")))
write("image-relative-url", page(art(image="/img/scholz.jpg")))
write(
    "image-object-without-url",
    page(art(image={"@type": "ImageObject", "caption": "Olaf Scholz", "creditText": "AFP"})),
)
write(
    "image-too-small",
    page(
        art(
            image={
                "@type": "ImageObject",
                "url": "https://news.example/img/t.jpg",
                "width": 200,
                "height": 150,
            }
        )
    ),
)
write("image-not-image-format", page(art(image="https://news.example/img/scholz.pdf")))
write("headline-too-long", page(art(headline="Scholz " + "speaks with Putin " * 8)))
write(
    "paywall-id-selector",
    page(
        art(
            isAccessibleForFree=False,
            hasPart={
                "@type": "WebPageElement",
                "isAccessibleForFree": False,
                "cssSelector": "#paywall",
            },
        )
    ),
)
write("paywall-without-haspart", page(art(isAccessibleForFree=False)))
write(
    "paywall-part-without-selector",
    page(
        art(
            isAccessibleForFree=False,
            hasPart={"@type": "WebPageElement", "isAccessibleForFree": False},
        )
    ),
)

write(
    "breadcrumb-item-as-url-string",
    page(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": 1,
                    "name": "World",
                    "item": "https://news.example/world",
                }
            ],
        },
        art(),
    ),
)

# consistency
write("wordcount-disagrees", page(art(articleBody=" ".join(["word"] * 40), wordCount=800)))
write(
    "wordcount-unspaced-script-not-judged",
    page(art(articleBody="习近平会见德国总理朔尔茨。" * 20, wordCount=5, inLanguage="zh")),
)
ent: dict[str, Any] = {
    "@type": "Person",
    "@id": "https://www.wikidata.org/wiki/Q61053",
    "name": "Olaf Scholz",
}
write(
    "about-and-mentions-same-entity",
    page(art(about=[ent], mentions=[{"@type": "Person", "name": "Vladimir Putin"}, ent])),
)
write(
    "citation-is-the-article",
    page(
        art(
            citation=[
                {
                    "@type": "CreativeWork",
                    "url": "http://www.news.example/2024/11/15/scholz-putin/",
                },
                {"@type": "CreativeWork", "url": "https://tass.com/politics/1"},
            ]
        )
    ),
)

# schema.org vocabulary
write(
    "unknown-type",
    page({"@context": "https://schema.org", "@type": "NewsArticel", "headline": "Scholz"}),
)
write("unknown-property", page(art(headlines="Scholz")))
write(
    "only-organization",
    page(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": "Example News",
            "url": "https://news.example/",
        }
    ),
)
write("no-structured-data", page())

# JSON-LD syntax and context
write("trailing-comma-repaired", page(raw=json.dumps(art(), indent=1)[:-2] + ",\n}"))
write("html-entities-repaired", page(raw=json.dumps(art()).replace('"', "&quot;")))
write(
    "broken-json",
    page(raw='{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Scholz"'),
)
write("empty-script", page(raw="  "))
write("no-context", page(art(**{"@context": None})))
write("foreign-context", page(art(**{"@context": "https://example.org/context.jsonld"})))

# microdata and RDFa
md = """<article itemscope itemtype="https://schema.org/NewsArticle">
 <h1 itemprop="headline">Scholz speaks with Putin</h1>
 <time itemprop="datePublished" datetime="2024-11-15T17:05:00+03:00">15 Nov</time>
 <meta itemprop="dateModified" content="2024-11-15T19:40:00+03:00">
 <img itemprop="image" src="https://news.example/img/scholz-16x9.jpg">
 <span itemprop="author" itemscope itemtype="https://schema.org/Person"><a itemprop="url" href="/authors/jane-doe"><span itemprop="name">Jane Doe</span></a></span>
 <span itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Example News</span></span>
</article>"""
write(
    "microdata-good-relative-href-resolved",
    page(head=f'<link rel="canonical" href="{URL}">\n', body=md),
)
write(
    "microdata-author-text",
    page(
        body=md.replace(
            '<span itemprop="author" itemscope itemtype="https://schema.org/Person"><a itemprop="url" href="/authors/jane-doe"><span itemprop="name">Jane Doe</span></a></span>',
            '<span itemprop="author">Jane Doe</span>',
        ),
        head=f'<link rel="canonical" href="{URL}">\n',
    ),
)
rdfa = """<article vocab="https://schema.org/" typeof="NewsArticle" resource="https://news.example/2024/11/15/scholz-putin#article">
 <h1 property="headline">Scholz speaks with Putin</h1>
 <time property="datePublished" datetime="2024-11-15T17:05:00">15 Nov</time>
 <meta property="dateModified" content="2024-11-15T19:40:00+01:00">
 <img property="image" src="https://news.example/img/scholz-16x9.jpg">
 <span property="author" typeof="Person"><span property="name">By Jane Doe</span></span>
 <span property="publisher" typeof="Organization"><span property="name">Example News</span></span>
</article>"""
write("rdfa-article", page(body=rdfa))

# markup copied from the corpus pages (../shared/corpus/html), trimmed
write(
    "corpus-eltiempo-space-separated-dates",
    page(
        raw='{"@context":"http:\\/\\/schema.org","@type":"NewsArticle","mainEntityOfPage":{"@type":"WebPage","@id":"https:\\/\\/www.eltiempo.com\\/colombia\\/medellin\\/elecciones-2022-candidatos-presidenciales-en-la-universidad-eafit-669594"},"headline":"Candidatos se enfrentaron a las preguntas de estudiantes","image":{"@type":"ImageObject","url":"https:\\/\\/www.eltiempo.com\\/files\\/article_main\\/uploads\\/2022\\/05\\/03\\/6271725032eaa.jpeg","width":950,"height":475},"dateModified":"2022-05-04 00:00:00.000000","datePublished":"2022-05-03 13:32:45.000000","author":{"@type":"Person","name":"medell\\u00edn"},"publisher":{"name":"El Tiempo","@type":"Organization","logo":{"@type":"ImageObject","url":"https:\\/\\/www.eltiempo.com\\/bundles\\/eltiempocms\\/images\\/el-tiempo\\/logo-el-tiempo-azul.jpg","width":600,"height":60}},"hasPart":{"@type":"WebPageElement","isAccessibleForFree":"true","cssSelector":".article"}}'
    ),
)
write(
    "corpus-sciencesetavenir-webpage-typo",
    page(
        raw='{"@context":"http://schema.org","@type":"NewsArticle","mainEntityOfPage":{"@type":"Webpage","@id":"https://www.sciencesetavenir.fr/sante/covid-19-et-infox-comment-une-rumeur-devient-realite_147359"},"url":"https://www.sciencesetavenir.fr/sante/covid-19-et-infox-comment-une-rumeur-devient-realite_147359","articleSection":"Sant\u00e9","headline":"Covid-19 et infox : comment une rumeur devient r\u00e9alit\u00e9","datePublished":"2020-09-14T09:46:33.000Z","dateModified":"2020-09-14T09:46:33.000Z","author":[{"@type":"Person","name":"Nicolas Gutierrez C.","url":"https://www.sciencesetavenir.fr/auteurs/nicolas-gutierrez-c_65161/"}],"image":{"@type":"ImageObject","url":"https://www.sciencesetavenir.fr/assets/img/2016/12/08/cover-r4x3w1000-5f5b8f0b7b0c5-ibuprofene.jpg","width":1000,"height":750},"publisher":{"@type":"Organization","name":"Sciences et Avenir","url":"https://www.sciencesetavenir.fr","logo":{"@type":"ImageObject","url":"https://www.sciencesetavenir.fr/img/sea/pictos2x/logo.png","width":300,"height":152}}}'
    ),
)
write(
    "corpus-tagesspiegel-contenturl-case",
    page(
        head='<link rel="canonical" href="https://www.tagesspiegel.de/wirtschaft/abstandsregeln/25784512.html">\n',
        body="""<article itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">Abstandsregeln bei VW</h1>
<meta itemprop="datePublished" content="2020-04-29T06:00:00+02:00"><meta itemprop="dateModified" content="2020-04-29T06:00:00+02:00">
<span itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="https://www.tagesspiegel.de/autoren/x"><span itemprop="name">Kevin P. Hoffmann</span></a></span>
<span itemprop="publisher" itemscope itemtype="http://schema.org/Organization"><meta itemprop="name" content="Der Tagesspiegel"></span>
<figure itemprop="image" itemscope itemtype="http://schema.org/ImageObject"><img src="/images/4-format6001.jpg" alt="VW" itemprop="contentURL" /><figcaption itemprop="caption">Wer bei VW nicht den Mindestabstand einhalten kann</figcaption></figure></article>""",
    ),
)
write(
    "corpus-taz-author-jobtitle-in-own-property",
    page(
        head='<link rel="canonical" href="https://taz.de/Siemens/!5659385/">\n',
        body="""<article itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">Siemens und die Kohle</h1>
<meta itemprop="datePublished" content="2020-01-13T13:22:00+01:00"><meta itemprop="dateModified" content="2020-01-13T13:22:00+01:00">
<img itemprop="image" src="https://taz.de/picture/3905628/948/Siemens.jpeg">
<span itemprop="publisher" itemscope itemtype="http://schema.org/Organization"><meta itemprop="name" content="taz"></span>
<div class="sectbody" itemscope="itemscope" itemtype="http://schema.org/Person" itemprop="author"><a rel="author" class="person objlink" itemprop="url" href="/Ingo-Arzt/!a132/"><h4 itemprop="name">Ingo Arzt</h4><h5 itemprop="jobTitle">Redakteur f\u00fcr Wirtschaft und Umwelt</h5></a></div></article>""",
    ),
)
print(len(list(OUT.glob("*.html"))), "cases")

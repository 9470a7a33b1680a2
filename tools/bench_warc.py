"""WARC reading: FastWARC against warcio on the same files, in one run.

The WARC (built by ``tests/warcs.py``, by hand, so it favours neither reader): every page of
``../shared/corpus/html/`` (when present) and ``--generated`` generated HTML pages, each after its
request record, plus a metadata record, an image, a revisit and a 404 every 50 pages; written
once as ``.warc`` and once as ``.warc.gz`` (a gzip member per record).

Work per reader: iterate every record; for each HTTP 200 HTML response read the target URI, the
HTTP charset and the whole payload with Transfer- and Content-Encoding undone: what
``jsonld_news.sources`` needs. Each file is read once cold (the first pass of that reader in
this process) and ``--passes`` times warm; records/s of the median warm pass and of the cold
pass are printed, in CPU time (wall time on a shared box measures the neighbours). Bounded: ``--generated`` pages (default 2,000) keep a pass under a second or two.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
CORPUS = ROOT.parent / "shared" / "corpus" / "html"

from generate import text_article  # noqa: E402

from tests import warcs  # noqa: E402


def generated_page(index: int) -> bytes:
    text = text_article(index).decode()
    title, *paragraphs = text.split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def build(folder: Path, generated: int) -> tuple[list[Path], int]:
    pages: list[tuple[str, bytes]] = []
    if CORPUS.is_dir():
        pages += [(p.stem, p.read_bytes()) for p in sorted(CORPUS.glob("*.html"))]
    pages += [(f"generated-{i}", generated_page(i)) for i in range(generated)]
    records: list[warcs.Record] = [warcs.warcinfo()]
    for number, (name, body) in enumerate(pages):
        uri = f"https://news.example/{name}"
        records += [warcs.http_request(uri), warcs.http_response(uri, body, "text/html; charset=utf-8")]  # fmt: skip
        if number % 50 == 0:
            records += [
                warcs.metadata(uri),
                warcs.http_response(uri + ".jpg", b"\xff\xd8\xff" + bytes(2000), "image/jpeg"),
                warcs.revisit(uri),
                warcs.http_response(uri + "/gone", b"<html>gone</html>", status="404 Not Found"),
            ]
    files = [folder / "bench.warc", folder / "bench.warc.gz"]
    for path in files:
        warcs.write_warc(path, records)
    return files, len(records)


def read_fastwarc(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = pages = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, auto_decode="all", strict_mode=False):
            records += 1
            if record.record_type != WarcRecordType.response or not record.is_http:
                continue
            if record.http_headers.status_code != 200:
                continue
            if (record.http_content_type or "").lower() != "text/html":
                continue
            _ = (record.headers.get("WARC-Target-URI"), record.http_charset, record.stream_pos)
            pages += len(record.reader.read()) > 0
    return records, pages


def read_warcio(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    records = pages = 0
    with path.open("rb") as stream:
        iterator = ArchiveIterator(stream)
        for record in iterator:
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            media, _, params = content_type.partition(";")
            if media.strip().lower() != "text/html":
                continue
            charset = params.partition("charset=")[2].strip() or None
            _ = (record.rec_headers.get_header("WARC-Target-URI"), charset)
            pages += len(record.content_stream().read()) > 0
            _ = iterator.get_record_offset()  # after the read: it reads the record to its end
    return records, pages


def measure(read: Callable[[Path], tuple[int, int]], path: Path, passes: int) -> tuple[float, float, int]:  # fmt: skip
    times: list[float] = []
    counted = (0, 0)
    for _ in range(passes + 1):
        start = time.process_time()
        counted = read(path)
        times.append(time.process_time() - start)
    records = counted[0]
    return records / times[0], records / statistics.median(times[1:]), counted[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=2000)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    readers = {"fastwarc": read_fastwarc, "warcio": read_warcio}
    with tempfile.TemporaryDirectory() as tmp:
        files, total = build(Path(tmp), args.generated)
        size = files[0].stat().st_size
        print(f"WARC reading: {total:,} records ({size / 1e6:.1f} MB uncompressed), "
              f"{args.passes} warm passes each")  # fmt: skip
        for path in reversed(files):
            rates: dict[str, float] = {}
            for name, read in readers.items():
                cold, warm, pages = measure(read, path, args.passes)
                rates[name] = warm
                print(f"  {path.name:13} {name:9} {warm:9,.0f} records/s warm, "
                      f"{cold:9,.0f} cold, {pages:,} HTML pages")  # fmt: skip
            ratio = rates["fastwarc"] / rates["warcio"]
            print(f"  {path.name:13} fastwarc / warcio: {ratio:.1f}x")


if __name__ == "__main__":
    main()

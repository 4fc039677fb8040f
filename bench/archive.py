"""A generated archive for the audit tests and benchmark: articles put
together from the paragraphs of fixtures/article.txt (typos, wrong facts,
debris) and of the rust-book's chapters (clean technical prose), written
as JSON Lines, as Parquet, or as a folder of files.

Deterministic for a seed; `salt` (digits) ends every paragraph with an
edition number, so that no paragraph was seen before and LanguageTool's
paragraph cache cannot answer for a benchmark. Some
articles repeat an earlier one word for word, as archives do (syndicated
copy), which the content cache checks once.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "fixtures" / "article.txt"
RUST_BOOK = REPO.parent / "shared" / "corpus" / "rust-book"
_CODE_FENCE = re.compile(r"```.*?```", re.DOTALL)


def paragraphs() -> tuple[list[str], list[str]]:
    """(news paragraphs, technical paragraphs) to build articles from."""
    news = [p.strip() for p in ARTICLE.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 8]
    technical = []
    # The rust-book when the shared corpus is here, else this project's own docs.
    chapters = sorted(RUST_BOOK.glob("ch0*.md"))[:12] or sorted((REPO / "docs").glob("*.md")) + [REPO / "README.md"]
    for chapter in chapters:
        text = _CODE_FENCE.sub("", chapter.read_text(encoding="utf-8"))
        technical += [p.strip() for p in text.split("\n\n")
                      if len(p.split()) > 12 and not p.lstrip().startswith(("#", "<", "|", "[", "-", "*"))]
    return news, technical


def make_records(count: int, seed: int = 23, salt: str = "") -> list[dict]:
    """`count` archive records: {id, text, format, url, published}."""
    rng = random.Random(seed)
    news, technical = paragraphs()
    start = dt.date(2020, 1, 1)
    records: list[dict] = []
    for number in range(count):
        doc_id = f"story-{number:06d}"
        published = (start + dt.timedelta(days=rng.randrange(5 * 365))).isoformat()
        if records and rng.random() < 0.05:  # syndicated: the same text again
            text, fmt = records[rng.randrange(len(records))]["text"], None
        else:
            chosen = rng.sample(news, rng.randint(1, 2)) + rng.sample(technical, rng.randint(1, 3))
            rng.shuffle(chosen)
            if salt:  # every paragraph new
                chosen = [f"{paragraph} (Edition {salt}{number}.)" for paragraph in chosen]
            if rng.random() < 0.4:
                fmt = "markdown"
                text = f"# Story {number}\n\n" + "\n\n".join(chosen) + "\n"
            else:
                fmt = "text"
                text = "\n\n".join(chosen) + "\n"
        if fmt is None:
            fmt = next(r for r in records if r["text"] == text)["format"]
        records.append({"id": doc_id, "text": text, "format": fmt,
                        "url": f"https://news.example/{published[:4]}/{doc_id}", "published": published})
    return records


def suffix(fmt: str) -> str:
    """The file suffix of a format."""
    return {"markdown": ".md", "text": ".txt"}[fmt]


def write_jsonl(records: list[dict], path: Path) -> Path:
    """One JSON object a line."""
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def write_parquet(records: list[dict], path: Path, row_group_size: int = 500) -> Path:
    """A Parquet file with the same columns (dates as Arrow dates)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([{**r, "published": dt.date.fromisoformat(r["published"])}
                                  for r in records])
    pq.write_table(table, path, row_group_size=row_group_size)
    return path


def write_folder(records: list[dict], folder: Path) -> Path:
    """One file per record, named by its id and format."""
    folder.mkdir(parents=True, exist_ok=True)
    for record in records:
        (folder / (record["id"] + suffix(record["format"]))).write_text(record["text"], encoding="utf-8")
    return folder

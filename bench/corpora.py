"""The benchmark's inputs: the rust-book, the seed article at any size, and
rule directories holding the shipped packs several times over."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUST_BOOK = REPO.parent / "shared" / "corpus" / "rust-book"
ARTICLE = REPO / "fixtures" / "article.txt"
SHIPPED_RULES = REPO / "rules"
_PACK_LINE = re.compile(r"^pack:\s*(\S+)\s*$", re.MULTILINE)


def rust_book_files() -> list[Path]:
    """The rust-book's Markdown chapters, in a stable order."""
    files = sorted(RUST_BOOK.glob("*.md"))
    if not files:
        raise SystemExit(f"bench: no Markdown files under {RUST_BOOK}; is /work/shared mounted?")
    return files


def count_words(paths) -> int:
    """Whitespace-separated words in the files (what `wc -w` counts)."""
    return sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)


def article_of_size(nbytes: int, directory: Path) -> Path:
    """The seed article repeated (paragraph-wise) to about `nbytes` UTF-8
    bytes, cut at a word boundary; written once and reused."""
    path = directory / f"article-{size_label(nbytes)}.txt"
    if path.exists():
        return path
    unit = ARTICLE.read_text(encoding="utf-8").strip() + "\n\n"
    unit_bytes = len(unit.encode("utf-8"))
    text = unit * (nbytes // unit_bytes + 1)
    data = text.encode("utf-8")[:nbytes].decode("utf-8", "ignore")
    data = data.rsplit(None, 1)[0] if len(data.split()) > 1 else data
    path.write_text(data.rstrip() + "\n", encoding="utf-8")
    return path


def size_label(nbytes: int) -> str:
    """1000 -> '1KB', 10_000_000 -> '10MB'."""
    for unit, size in (("MB", 1_000_000), ("KB", 1_000)):
        if nbytes >= size:
            return f"{nbytes // size}{unit}"
    return f"{nbytes}B"


def multiplied_rules(copies: int, directory: Path) -> Path:
    """A rules directory with `copies` copies of every shipped pack, each
    copy under a new pack name so rule ids stay unique. Facts and vocabulary
    are shared knowledge, not rules, so they are copied once."""
    target = directory / f"rules-x{copies}"
    if target.exists():
        return target
    target.mkdir(parents=True)
    for path in sorted(SHIPPED_RULES.rglob("*")):
        relative = path.relative_to(SHIPPED_RULES)
        if path.is_dir() or any(part.startswith(".") for part in relative.parts):
            continue
        is_pack = path.suffix in (".yaml", ".yml") and not {"facts", "vocabulary"} & set(relative.parts[:-1])
        if not is_pack:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / relative)
            continue
        text = path.read_text(encoding="utf-8")
        for copy in range(copies):
            renamed = _rename_pack(text, path.stem, copy)
            out = target / relative.parent / f"{path.stem}-x{copy}{path.suffix}"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(renamed, encoding="utf-8")
    return target


def _rename_pack(text: str, stem: str, copy: int) -> str:
    if copy == 0:
        return text if _PACK_LINE.search(text) else f"pack: {stem}\n{text}"
    if _PACK_LINE.search(text):
        return _PACK_LINE.sub(lambda m: f"pack: {m.group(1)}-x{copy}", text, count=1)
    return f"pack: {stem}-x{copy}\n{text}"


def empty_rules(directory: Path) -> Path:
    """A rules directory with no rules: the fixed cost of a run."""
    target = directory / "rules-x0"
    target.mkdir(parents=True, exist_ok=True)
    return target


def config_for_rules(rules_dir: Path, directory: Path) -> Path:
    """A config that turns the shipped rules off and loads `rules_dir` instead."""
    path = directory / f"copydesk-{rules_dir.name}.yaml"
    path.write_text(f"builtin_rules: false\nrules_dirs: [{str(rules_dir)!r}]\n", encoding="utf-8")
    return path


def prose_of(path: Path) -> str:
    """The prose Copydesk would check in a file (its blocks, blank-line
    separated): what a user would send to LanguageTool directly."""
    from lint.read import read_document
    from lint.segment import segment

    return "\n\n".join(block.text for block in segment(read_document(path)))

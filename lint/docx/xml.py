"""WordprocessingML names and the few element helpers the reader and writer share."""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def qn(name: str) -> str:
    """The Clark name of a w: element or attribute ('t' -> '{...main}t')."""
    return f"{{{W}}}{name}"


def style_of(element, style_tag: str) -> str | None:
    """The style id a paragraph (pStyle) or run (rStyle) names, if any."""
    properties = element.find(qn("pPr" if style_tag == "pStyle" else "rPr"))
    if properties is None:
        return None
    style = properties.find(qn(style_tag))
    return None if style is None else style.get(qn("val"))

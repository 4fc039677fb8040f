"""Opening a Word file: a .docx package, or a clear one-line reason why not.

An old binary .doc and an encrypted .docx are both OLE compound files (an
encrypted package is an `EncryptedPackage` stream inside one); a macro-enabled
document declares so in its content types. None of these is read, and a
corrupt package (not a zip, or without its main part) is named as such.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lint.read import InputError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_MACRO_CONTENT_TYPE = b"macroEnabled"
_MAIN_PART = "word/document.xml"


def refusal(raw: bytes) -> str | None:
    """Why these bytes are not a .docx Copydesk can read, or None when they are."""
    if raw.startswith(OLE_SIGNATURE):
        if _ENCRYPTED_STREAM in raw:
            return "encrypted Word document: remove the password in Word and save it again"
        return "old binary Word document (.doc): save it as .docx (Word or LibreOffice) first"
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        return "corrupt Word document: not a .docx (zip) package"
    with archive:
        names = set(archive.namelist())
        if _MAIN_PART not in names and "[Content_Types].xml" not in names:
            return "corrupt Word document: no word/document.xml in the package"
        try:
            types = archive.read("[Content_Types].xml")
        except (KeyError, zipfile.BadZipFile, OSError):
            return "corrupt Word document: no readable [Content_Types].xml"
        if _MACRO_CONTENT_TYPE in types or "word/vbaProject.bin" in names:
            return "macro-enabled Word document (.docm): save it as a plain .docx first"
        if _MAIN_PART not in names:
            return "corrupt Word document: no word/document.xml in the package"
        bad = _bad_member(archive)
        if bad:
            return f"corrupt Word document: damaged part {bad}"
    return None


def _bad_member(archive: zipfile.ZipFile) -> str | None:
    try:
        return archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        return str(exc) or "unknown"


def open_package(raw: bytes, path: Path):
    """The python-docx Document of these bytes; raises a fatal InputError."""
    reason = refusal(raw)
    if reason is not None:
        raise InputError(reason, fatal=True)
    import docx
    from lxml.etree import XMLSyntaxError

    try:
        return docx.Document(io.BytesIO(raw))
    except (ValueError, KeyError, XMLSyntaxError, zipfile.BadZipFile) as exc:
        raise InputError(f"corrupt Word document: {str(exc).splitlines()[0][:160]}", fatal=True) from None

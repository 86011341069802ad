"""What a file's first bytes and name say about its format, read before any reader loads
(the Word reader's zip handling is imported only for a file that starts as a zip)."""

from __future__ import annotations

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_SUFFIXES = frozenset({".docx", ".doc", ".docm", ".odt", ".dotx"})  # checked by content
# A PDF may have bytes before its header (readers look in the first 1024); a file named as
# text that merely mentions '%PDF-' near its start is text.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})

"""PageIssue codes of the OCR reader (kept apart so quality/ can name them without numpy)."""

from __future__ import annotations

# The page had no text layer and was read with OCR (detail: words, confidence, skew).
OCR_PAGE = "ocr"
# Too many of the page's OCR words were read with low confidence (detail: examples + boxes).
OCR_LOW_CONFIDENCE = "ocr-low-confidence"
# A checkbox on an OCR'd page whose ink is neither clearly empty nor clearly marked.
OCR_CHECKBOX_UNSURE = "ocr-checkbox-unsure"

# A ReaderNote of the plan: pages without text layer were left unread because OCR was not
# asked (--no-ocr); a batch run that asks for OCR redoes such a result (batch/resume.py).
OCR_OFF = "no-ocr"

"""Make 'printed and scanned' versions of the sample PDFs: every page rendered at 200 dpi,
turned slightly, with sensor noise and JPEG compression, saved as a PDF of images only (no
text layer). A mixed PDF keeps the first pages as text and scans the rest (an annex).

    python scripts/make_scanned_pdfs.py OUT_DIR [--pages 1-5] [--text-pages N]

Deterministic: the same input and seed give the same bytes. Tests import `scan_pdf`.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
DPI = 200
# Office-scanner defects, alternating per page: angle (degrees), noise sigma, JPEG quality.
ANGLES = (0.6, -0.45, 0.3, -0.7)
NOISE_SIGMA = 9.0
JPEG_QUALITY = 60


def scan_page(page: pdfium.PdfPage, index: int, rng: np.random.Generator) -> Image.Image:
    image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    image = image.rotate(
        ANGLES[index % len(ANGLES)], resample=Image.Resampling.BICUBIC, fillcolor=255
    )
    pixels = np.asarray(image, dtype=np.float32)
    pixels = pixels + rng.normal(0.0, NOISE_SIGMA, pixels.shape)
    speckles = rng.random(pixels.shape) < 0.0005  # dust
    pixels[speckles] = 0.0
    noisy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
    buffer = io.BytesIO()
    noisy.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return Image.open(io.BytesIO(buffer.getvalue()))


def scan_pdf(
    src: Path, dst: Path, pages: list[int] | None = None, seed: int = 14, text_pages: int = 0
) -> Path:
    """Scan `pages` (1-based; default all) of `src` into `dst`. With `text_pages` > 0 the
    first that many of them stay text pages and only the rest are scanned."""
    source = pdfium.PdfDocument(src)
    try:
        numbers = pages or list(range(1, len(source) + 1))
        rng = np.random.default_rng(seed)
        scanned = [scan_page(source[n - 1], n - 1, rng) for n in numbers[text_pages:]]
        buffer = io.BytesIO()
        if scanned:
            scanned[0].save(
                buffer, format="PDF", save_all=True, append_images=scanned[1:], resolution=DPI
            )
        out = pdfium.PdfDocument.new()
        if text_pages:
            out.import_pages(source, [n - 1 for n in numbers[:text_pages]])
        if scanned:
            images = pdfium.PdfDocument(buffer.getvalue())
            out.import_pages(images)
        dst.parent.mkdir(parents=True, exist_ok=True)
        out.save(dst)
        return dst
    finally:
        source.close()


def _pages(spec: str | None) -> list[int] | None:
    if not spec:
        return None
    out: list[int] = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        out.extend(range(int(first), int(last or first) + 1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pages", help="pages to scan, e.g. 1-5,8 (default: all)")
    parser.add_argument("--text-pages", type=int, default=0, help="leading pages kept as text")
    args = parser.parse_args()
    for src in SAMPLES:
        suffix = "-mixed" if args.text_pages else "-scanned"
        dst = args.out_dir / f"{src.stem}{suffix}.pdf"
        scan_pdf(src, dst, _pages(args.pages), text_pages=args.text_pages)
        print(dst)


if __name__ == "__main__":
    main()

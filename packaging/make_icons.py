"""Draw the application icon with QPainter and write it in every size the installers need.

    uv run python packaging/make_icons.py

writes ``resources/icons/``: ``supervisor_app-<N>.png`` for N in 16..512, ``supervisor_app.ico``
(Windows: the PNGs up to 256 inside) and ``supervisor_app.icns`` (macOS: PNG entries). The
container formats are written here by hand, so no image tool beyond Qt is needed. The output
is committed; run this again only when the drawing changes.

The picture: a clipboard with a check mark on a teal rounded square (signed-off hours).
Each size is drawn at that size, not scaled down, so 16 px stays crisp.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
NAME = "supervisor_app"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry holds
# .icns entry types holding PNG data, by pixel size (ic10 is 512@2x, i.e. 1024 px: not drawn).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}

TEAL_TOP = QColor("#2b8a9c")
TEAL_BOTTOM = QColor("#165f6e")
PAPER = QColor("#ffffff")
CLIP = QColor("#d5e8ec")
LINES = QColor("#a9c9d0")
CHECK = QColor("#2f9e5f")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    s = float(size)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    # The tile: a rounded square, a little inset at large sizes (as platform icons are).
    inset = 0.0 if size <= 32 else s * 0.06
    tile = QRectF(inset, inset, s - 2 * inset, s - 2 * inset)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomLeft())
    gradient.setColorAt(0.0, TEAL_TOP)
    gradient.setColorAt(1.0, TEAL_BOTTOM)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(tile, tile.width() * 0.22, tile.width() * 0.22)

    def x(f: float) -> float:
        return tile.left() + tile.width() * f

    def y(f: float) -> float:
        return tile.top() + tile.height() * f

    w = tile.width()
    # The clipboard's paper.
    painter.setBrush(PAPER)
    paper = QRectF(x(0.24), y(0.19), w * 0.52, w * 0.67)
    painter.drawRoundedRect(paper, w * 0.06, w * 0.06)
    # Its clip.
    painter.setBrush(CLIP)
    clip = QRectF(x(0.37), y(0.12), w * 0.26, w * 0.13)
    painter.drawRoundedRect(clip, w * 0.045, w * 0.045)
    # Two lines of writing (left out where they would only be a smudge).
    if size >= 32:
        pen = QPen(LINES, max(1.0, w * 0.04))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(x(0.34), y(0.37)), QPointF(x(0.66), y(0.37)))
        painter.drawLine(QPointF(x(0.34), y(0.47)), QPointF(x(0.58), y(0.47)))
    # The check mark.
    pen = QPen(CHECK, max(1.6, w * (0.085 if size >= 32 else 0.11)))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    check = QPainterPath(QPointF(x(0.35), y(0.64) if size >= 32 else y(0.55)))
    check.lineTo(QPointF(x(0.46), y(0.75) if size >= 32 else y(0.68)))
    check.lineTo(QPointF(x(0.66), y(0.53) if size >= 32 else y(0.40)))
    painter.drawPath(check)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding PNG-compressed entries (Windows Vista and later read these)."""
    sizes = [n for n in ICO_SIZES if n in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, blobs = b"", b""
    for n in sizes:
        blob = pngs[n]
        side = 0 if n >= 256 else n  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + directory + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """An .icns with PNG entries (macOS 10.7 and later)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[n])) + pngs[n] for n, kind in ICNS_TYPES.items() if n in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = {}
    for size in SIZES:
        pngs[size] = png_bytes(draw(size))
        (ICONS / f"{NAME}-{size}.png").write_bytes(pngs[size])
    (ICONS / f"{NAME}.ico").write_bytes(ico(pngs))
    (ICONS / f"{NAME}.icns").write_bytes(icns(pngs))
    del app
    print(f"wrote {len(SIZES)} PNGs, {NAME}.ico and {NAME}.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

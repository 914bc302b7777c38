"""Reads an 8-bit RGB/RGBA PNG with the standard library only (for the GUI tests)."""
import struct
import zlib


def read_png(path):
    """Returns (width, height, rows) where rows is a list of bytes, one per pixel row
    (3 or 4 bytes per pixel). Raises ValueError for anything that is not a plain
    8-bit, non-interlaced RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG (bad signature)")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError(f"{path}: no IHDR chunk")
    width, height, depth, color_type, _, _, interlace = header
    if depth != 8 or color_type not in (2, 6) or interlace != 0:
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour type {color_type})")
    bpp = 3 if color_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def distinct_colours(rows, bpp=3, step=3):
    """Distinct RGB colours in every `step`-th pixel of every `step`-th row."""
    seen = set()
    for row in rows[::step]:
        for x in range(0, len(row) - bpp + 1, bpp * step):
            seen.add(row[x:x + 3])
    return seen


def check_screenshot(path, width, height, min_colours=8):
    """Raises AssertionError unless `path` is a width x height PNG with enough colours
    to be a drawn window (text, buttons, background), not a blank or single-colour frame."""
    w, h, rows = read_png(path)
    assert (w, h) == (width, height), f"{path}: size {w}x{h}, expected {width}x{height}"
    colours = distinct_colours(rows)
    assert len(colours) >= min_colours, f"{path}: only {len(colours)} distinct colours (blank?)"
    return len(colours)

#!/usr/bin/env python3
"""Turn a short text into one SVG path, from a font's own outlines (dev-time tool).

podlab's header labels its language switch "한국어" in English mode. Drawn as text, that
label needs a Hangul font: where none is installed the browser searches every font on the
system at the first layout (tens of milliseconds on the benchmark machine) and then shows
empty boxes. Drawn as a path it looks the same everywhere and costs nothing.

    apt-get install fonts-nanum && pip install fonttools
    python3 scripts/text_to_svg_path.py /usr/share/fonts/truetype/nanum/NanumGothic.ttf 한국어

prints `VIEWBOX_WIDTH VIEWBOX_HEIGHT PATH`: a path in a box one em high (1000 units), the
baseline at the font's ascent. NanumGothic is under the SIL Open Font License 1.1.
"""
import sys

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont


def main():
    font_path, text = sys.argv[1], sys.argv[2]
    font = TTFont(font_path)
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    upem = font["head"].unitsPerEm
    scale = 1000 / upem
    ascent = font["hhea"].ascent * scale
    descent = -font["hhea"].descent * scale
    pen = SVGPathPen(glyphs, ntos=lambda v: str(round(v)))
    x = 0.0
    for ch in text:
        name = cmap[ord(ch)]
        # Font units, y up → SVG units, y down, baseline at the ascent.
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, ascent)))
        x += glyphs[name].width * scale
    print(round(x), round(ascent + descent), pen.getCommands())


if __name__ == "__main__":
    main()

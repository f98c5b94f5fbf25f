#!/usr/bin/python3
"""tools/svg-normalize.py IN.svg: the SVG as text that does not depend on the
order Cairo happened to define the glyphs in (it changes from run to run):
each glyph's definition removed and each use of it named by its outline."""
import hashlib
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
glyphs = dict(re.findall(r'<symbol overflow="visible" id="(glyph[0-9-]+)">\s*(.*?)\s*</symbol>', text, re.S))
text = re.sub(r'<symbol overflow="visible" id="glyph[0-9-]+">.*?</symbol>\s*', "", text, flags=re.S)
text = re.sub(r"#(glyph[0-9-]+)",
              lambda m: "#" + hashlib.sha1(glyphs.get(m.group(1), m.group(1)).encode()).hexdigest()[:16], text)
sys.stdout.write(text)

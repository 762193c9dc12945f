#!/usr/bin/env python3
"""Fills fedgate_fr.ts from fr.py after lupdate has refreshed the sources.

Usage: resources/translations/fill_ts.py  (exits 1 listing any untranslated
source text, so a new string cannot ship in English by accident)."""
import os
import sys
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from fr import FR, FR_NUMERUS  # noqa: E402

path = os.path.join(here, "fedgate_fr.ts")
tree = ET.parse(path)
missing = []
for message in tree.getroot().iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        forms = FR_NUMERUS.get(source)
        if not forms:
            missing.append(source)
            continue
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    elif source in FR:
        translation.text = FR[source]
    else:
        missing.append(source)
        translation.set("type", "unfinished")
tree.write(path, encoding="utf-8", xml_declaration=True)
with open(path, encoding="utf-8") as f:
    body = f.read()
with open(path, "w", encoding="utf-8") as f:
    f.write(body.replace("<?xml version='1.0' encoding='utf-8'?>",
                         '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>'))
if missing:
    print("untranslated:", *missing, sep="\n  ")
    sys.exit(1)
print("fedgate_fr.ts: all %d messages translated" % len(list(tree.getroot().iter("message"))))

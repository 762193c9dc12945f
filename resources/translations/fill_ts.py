#!/usr/bin/env python3
"""Fills fedgate_fr.ts from fr.py after lupdate has refreshed the sources,
and the plural forms of fedgate_en.ts (the only English translations: the
sources are English, but "%n change(s)" needs "1 change" and "2 changes").

Usage: resources/translations/fill_ts.py  (exits 1 listing any untranslated
source text, so a new string cannot ship in English by accident)."""
import os
import re
import sys
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from fr import CORE_SOURCES, EN_NUMERUS, FR, FR_CORE, FR_NUMERUS  # noqa: E402

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
# English: only the numerus messages get translations; the others stay
# empty (lrelease leaves them out and the English source text is shown).
en_path = os.path.join(here, "fedgate_en.ts")
en_tree = ET.parse(en_path)
for message in en_tree.getroot().iter("message"):
    if message.get("numerus") != "yes":
        continue
    source = message.find("source").text
    translation = message.find("translation")
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    translation.attrib.pop("type", None)
    forms = EN_NUMERUS.get(source)
    if not forms:
        missing.append("%s (English plural forms)" % source)
        translation.set("type", "unfinished")
        continue
    for form in forms:
        ET.SubElement(translation, "numerusform").text = form
en_tree.write(en_path, encoding="utf-8", xml_declaration=True, short_empty_elements=False)
with open(en_path, encoding="utf-8") as f:
    body = f.read()
with open(en_path, "w", encoding="utf-8") as f:
    f.write(body.replace("<?xml version='1.0' encoding='utf-8'?>",
                         '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>'))


def tr_texts(code):
    """The source texts of every tr("..." "...") call in C++ code."""
    texts = set()
    for call in re.finditer(r'\btr\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)', code):
        parts = re.findall(r'"((?:[^"\\]|\\.)*)"', call.group(1))
        texts.add(re.sub(r"\\(.)", lambda e: "\n" if e.group(1) == "n" else e.group(1),
                         "".join(parts)))
    return texts


# The core libraries' messages: written from FR_CORE; a source text that is
# no longer in its library's code is reported, so a reworded message is not
# silently left in English.
root = os.path.dirname(os.path.dirname(here))
core = ET.Element("TS", version="2.1", language="fr_FR")
for context, messages in FR_CORE.items():
    with open(os.path.join(root, CORE_SOURCES[context]), encoding="utf-8") as f:
        texts = tr_texts(f.read())
    ctx = ET.SubElement(core, "context")
    ET.SubElement(ctx, "name").text = context
    # And the other way: a new tr() text in a core source must not ship in
    # English by accident either.
    for source in sorted(texts - set(messages)):
        missing.append("%s (in %s, not in FR_CORE)" % (source, CORE_SOURCES[context]))
    for source, text in messages.items():
        if source not in texts:
            missing.append("%s (no longer in %s)" % (source, CORE_SOURCES[context]))
        message = ET.SubElement(ctx, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = text
core_path = os.path.join(here, "fedgate_core_fr.ts")
ET.ElementTree(core).write(core_path, encoding="utf-8", xml_declaration=True)
with open(core_path, encoding="utf-8") as f:
    body = f.read()
with open(core_path, "w", encoding="utf-8") as f:
    f.write(body.replace("<?xml version='1.0' encoding='utf-8'?>",
                         '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>'))

if missing:
    print("untranslated:", *missing, sep="\n  ")
    sys.exit(1)
print("fedgate_fr.ts: all %d messages translated" % len(list(tree.getroot().iter("message"))))

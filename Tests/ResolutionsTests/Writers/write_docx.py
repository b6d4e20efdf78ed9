"""Writes two small Word documents with the tools people make them with, for DocxTests:
python-docx (a non-breaking and a soft hyphen, as Word stores them) and LibreOffice (footnotes,
which Word numbers by their order in the text, whatever its internal ids).

Usage: python3 write_docx.py OUTPUT_FOLDER
"""
import os
import subprocess
import sys

from docx import Document
from docx.oxml import OxmlElement

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

# python-docx: "ITU-coordinated" with Word's non-breaking hyphen, "co-operation" with a soft one.
document = Document()
for line in ["Document C99/2-E", "4 April 2031", "Hyphens in Word", "The Council,", "resolves"]:
    document.add_paragraph(line)
paragraph = document.add_paragraph("1\tto support ITU")
paragraph.add_run()._r.append(OxmlElement("w:noBreakHyphen"))
paragraph.add_run("coordinated work and co")
paragraph.add_run()._r.append(OxmlElement("w:softHyphen"))
paragraph.add_run("operation.")
document.save(os.path.join(out, "python-docx.docx"))

# LibreOffice: a flat OpenDocument text written here, saved as .docx by LibreOffice itself.
note = ('<text:note text:id="{id}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
        '<text:note-body><text:p>{text}</text:p></text:note-body></text:note>')
flat = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"
  office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:p>Document C99/3-E</text:p>
<text:p>5 May 2031</text:p>
<text:p>Footnotes in Word</text:p>
<text:p>The Council,</text:p>
<text:p>resolves</text:p>
<text:p>1<text:tab/>to support regional work{note.format(id="ftn7", n=1, text="Including the least developed countries.")}
and national work{note.format(id="ftn3", n=2, text="As each Member State decides.")};</text:p>
</office:text></office:body></office:document>
"""
source = os.path.join(out, "libreoffice.fodt")
with open(source, "w", encoding="utf-8") as file:
    file.write(flat)
profile = "file://" + os.path.abspath(os.path.join(out, "lo-profile"))
subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx", "--outdir", out, source],
               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
if not os.path.exists(os.path.join(out, "libreoffice.docx")):
    sys.exit("LibreOffice wrote no libreoffice.docx")

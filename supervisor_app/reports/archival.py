"""What makes a form fit an upload portal and an archive: PDF/A-3b as far as reportlab allows.

Boards take applications as PDFs uploaded through an online portal. ReportLab (open source)
writes no PDF/A by itself; this adds what PDF/A-3b asks of a file like ours:

- the fonts are embedded (reportlab embeds the bundled DejaVu Sans subsets: nothing to add);
- no encryption (reportlab encrypts only when asked);
- an XMP metadata stream, uncompressed, saying ``pdfaid:part 3, conformance B`` and repeating
  the document information (title, author, subject, keywords, producer, creator, dates);
- an sRGB output intent with its ICC profile (``resources/color/sRGB.icc``, the sRGB profile
  of Little CMS), so the page's gray and black are device-independent;
- the manifest attachment marked as the form's ``/AF`` associated file (``/AFRelationship
  /Data``): PDF/A-3 allows an embedded JSON file this way, PDF/A-2 would not;
- the document's language (``/Lang en-US``).

Not checked here by a validator (veraPDF is not bundled); the tests read each of these back.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import PDFArray, PDFCatalog, PDFDictionary, PDFName, PDFStream, PDFString
from reportlab.pdfgen.canvas import Canvas

from supervisor_app.resources import resource_path

PDFA_PART = 3
PDFA_CONFORMANCE = "B"
_CATALOG_KEYS = [*PDFCatalog.__NoDefault__, "OutputIntents", "AF"]


class _PlainStream(PDFStream):
    """A stream written without compression (PDF/A wants the XMP metadata readable as is)."""

    def format(self, document):  # type: ignore[no-untyped-def]
        filters = document.defaultStreamFilters
        document.defaultStreamFilters = None
        try:
            return super().format(document)
        finally:
            document.defaultStreamFilters = filters


@cache
def srgb_profile() -> bytes:
    return resource_path("color", "sRGB.icc").read_bytes()


def _xmp(info: dict[str, str], *, producer: str, creator: str, moment: dt.datetime) -> bytes:
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")

    def text(key: str) -> str:
        return escape(str(info.get(key, "")))

    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>{PDFA_PART}</pdfaid:part>
   <pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text("title")}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text("author")}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text("subject")}</rdf:li></rdf:Alt></dc:description>
   <pdf:Keywords>{text("keywords")}</pdf:Keywords>
   <pdf:Producer>{escape(producer)}</pdf:Producer>
   <xmp:CreatorTool>{escape(creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return packet.encode("utf-8")


def make_archival(canvas: Canvas, *, creator: str, generated: dt.date) -> None:
    """Add the XMP metadata, the output intent, the language and the associated-file marks to
    ``canvas``'s document (call before ``save``). Deterministic: the same form, the same bytes.
    The XMP repeats the document information reportlab writes (title, author, subject,
    keywords, producer, creator) and its dates (the generation date, midnight UTC)."""
    doc = canvas._doc  # reportlab has no public call for catalog entries
    moment = dt.datetime(generated.year, generated.month, generated.day, tzinfo=dt.UTC)
    producer = doc.info.producer
    info = {key: getattr(doc.info, key, "") for key in ("title", "author", "subject", "keywords")}
    doc.info.creator = creator
    metadata = _PlainStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        _xmp(info, producer=producer, creator=creator, moment=moment),
    )
    icc = PDFStream(PDFDictionary({"N": 3}), srgb_profile())
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString("sRGB IEC61966-2.1"),
            "Info": PDFString("sRGB IEC61966-2.1"),
            "DestOutputProfile": doc.Reference(icc),
        }
    )
    catalog = doc.Catalog
    catalog.__NoDefault__ = catalog.__Refs__ = _CATALOG_KEYS
    catalog.Metadata = metadata
    catalog.OutputIntents = PDFArray([intent])
    catalog.Lang = PDFString("en-US")
    specs = getattr(doc, "_supervisor_app_file_specs", [])
    if specs:
        catalog.AF = PDFArray(specs)

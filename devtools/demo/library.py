"""Demo library: about forty PDF documents generated with real French text, so that
text extraction and search have something to find, and the library page."""

import json
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils.text import slugify
from fpdf import FPDF

from home.models import HomePage
from library.choices import ResourceType
from library.models import Resource, ResourceIndexPage
from taxonomy.models import Departement, Thematique

DATA = Path(__file__).resolve().parent / "data" / "library"


def build_pdf(title, paragraphs, subtitle=""):
    """A simple one-column PDF in the core Helvetica font, encoded in Windows-1252, which
    holds every character of French typography (’ œ « » …). A core font is neither parsed
    nor subset, unlike an embedded TrueType font: a document takes a few milliseconds
    instead of a quarter of a second, the largest single cost of seeding the demo."""
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    if subtitle:
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 7, subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def create_resource(title, content, filename, thematiques=(), **metadata):
    """Store a document in the library as an editor's upload would (text included)."""
    resource = Resource(title=title, **metadata)
    resource.file.save(filename, ContentFile(content), save=False)
    resource._set_document_file_metadata()
    resource.save()
    resource.thematiques.set(thematiques)
    return resource


def ensure_index_page():
    home = HomePage.objects.first()
    index = ResourceIndexPage.objects.first()
    if index is None and home is not None:
        index = ResourceIndexPage(
            title="Ressources",
            slug="ressources",
            introduction=(
                "Guides, études, synthèses, outils : les documents du réseau, à consulter "
                "et à télécharger librement."
            ),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def seed(stdout):
    ensure_index_page()
    rows = json.loads((DATA / "resources.json").read_text(encoding="utf-8"))
    bank = json.loads((DATA / "paragraphs.json").read_text(encoding="utf-8"))
    existing = set(Resource.objects.values_list("title", flat=True))
    thematiques = {t.slug: t for t in Thematique.objects.all()}
    departements = {d.code: d for d in Departement.objects.select_related("region")}
    created = 0
    for title, kind, year, source, slugs, code, description in rows:
        if title in existing:
            continue
        departement = departements.get(code)
        paragraphs = [description, *(bank[slug] for slug in slugs)]
        label = ResourceType(kind).label
        content = build_pdf(title, paragraphs, subtitle=f"{label} · {source} · {year}")
        create_resource(
            title,
            content,
            f"{slugify(title)[:80]}.pdf",
            thematiques=[thematiques[slug] for slug in slugs],
            resource_type=kind,
            year=year,
            source=source,
            description=description,
            departement=departement,
            region=departement.region if departement else None,
        )
        created += 1
    stdout.write(f"Bibliothèque : {created} documents ajoutés ({len(rows)} au total).")

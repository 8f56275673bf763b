"""Demo legal pages (privacy notice, terms, legal notice, accessibility statement) under
the home page, texts in data/privacy/, and the demo accounts' acceptance of the terms."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import HomePage
from privacy.consent import current_documents, record_consents
from privacy.models import LegalPage

DATA = Path(__file__).resolve().parent / "data" / "privacy"


def _body(sections):
    body = []
    for section in sections:
        body.append(("heading", {"text": section["heading"], "level": "h2"}))
        body += [("paragraph", paragraph) for paragraph in section["paragraphs"]]
    return body


def seed(stdout):
    home = HomePage.objects.first()
    if home is None:
        return
    created = 0
    for row in json.loads((DATA / "legal_pages.json").read_text(encoding="utf-8")):
        if LegalPage.objects.filter(document=row["document"]).exists():
            continue
        page = LegalPage(
            title=row["title"],
            slug=row["slug"],
            document=row["document"],
            version=row["version"],
            effective_date=timezone.localdate() if row["version"] else None,
            introduction=row["introduction"],
            body=_body(row["sections"]),
            show_in_menus=False,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    pages = current_documents().values()
    for user in get_user_model().objects.filter(is_active=True):
        record_consents(user, pages)
    stdout.write(
        f"Pages légales : {created} ajoutées ; consentements des comptes de démonstration."
    )

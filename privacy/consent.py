"""Which versions of the terms and of the privacy notice are in force, who accepted
them, and who must accept again because a version changed since they last did."""

from privacy.models import ACCEPTED_DOCUMENTS, Consent, LegalPage

SESSION_KEY = "privacy_reconsent"


def current_documents():
    """{document: page} for the live, versioned documents members accept (one query)."""
    pages = LegalPage.objects.live().filter(document__in=ACCEPTED_DOCUMENTS).exclude(version="")
    return {page.document: page for page in pages}


def record_consents(user, pages):
    """`user` accepts each page's current version (accepting twice changes nothing)."""
    Consent.objects.bulk_create(
        [Consent(user=user, document=page.document, version=page.version) for page in pages],
        ignore_conflicts=True,
    )


def outdated_documents(user):
    """The documents whose version changed since `user` accepted one: members who never
    accepted any version (accounts older than consent records) are not interrupted."""
    pages = current_documents()
    accepted = {}
    for document, version in Consent.objects.filter(
        user=user, document__in=list(pages)
    ).values_list("document", "version"):
        accepted.setdefault(document, set()).add(version)
    return [
        page
        for document, page in pages.items()
        if document in accepted and page.version not in accepted[document]
    ]

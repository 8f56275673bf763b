"""Proposed files pass the library's own checks and leave the disk when replaced or
deleted; members comment on resources as on news; "Mes contributions" costs the same
number of queries whatever its length."""

import re
from pathlib import PurePath

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from library.models import ResourceSubmission
from submissions.models import Submission
from taxonomy.models import Thematique
from tests.factories import ResourceFactory
from tests.submissions.conftest import pdf_upload, propose_resource, resource_data

pytestmark = pytest.mark.django_db
CSRF = re.compile(r"\b[A-Za-z0-9]{64}\b")  # the CSRF tokens, masked afresh each response


BAD_FILES = [
    ("rapport.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 64, "n’est pas celui d’un fichier PDF"),
    ("outil.exe", b"MZ" + b"0" * 64, "n’est pas d’un format accepté"),
    ("guide.pdf", b"%PDF-1.4 abime", "protégé, illisible ou endommagé"),
]


def test_a_bad_file_is_refused_in_french_and_the_other_fields_are_kept(member_client):
    for name, content, message in BAD_FILES:
        response = propose_resource(
            member_client,
            file=SimpleUploadedFile(name, content),
            title="Titre gardé sentinelle-3c9e1f",
        )

        html = response.content.decode()
        assert response.status_code == 200
        assert message in html, name
        assert "Titre gardé sentinelle-3c9e1f" in html and "Ville de Roubaix" in html
    assert not Submission.objects.exists() and not ResourceSubmission.objects.exists()


def _files(root):
    return {path.name for path in root.rglob("*") if path.is_file()}


def test_a_replaced_or_deleted_draft_file_leaves_the_disk_after_commit(
    settings, tmp_path, member_client, django_capture_on_commit_callbacks
):
    """The real private storage, in a folder of the test's own; a file goes only once the
    change is committed, and never while another proposed resource points at it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MAILLAGE_PRIVATE_ROOT = root = tmp_path / "private"
    with django_capture_on_commit_callbacks(execute=True):
        propose_resource(member_client)
        propose_resource(member_client, title="Une autre ressource")
    first, second = (
        Submission.objects.get(object_id=draft.pk) for draft in ResourceSubmission.objects.all()
    )
    old = first.content_object.file.name
    edit = reverse("submissions:edit", args=[first.pk])
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(edit, resource_data(file=""))  # the same file, kept
    assert len(_files(root)) == 2

    with django_capture_on_commit_callbacks() as after_commit:
        member_client.post(edit, resource_data(file=pdf_upload("nouvelle-version.pdf")))
    new = ResourceSubmission.objects.get(pk=first.object_id).file.name
    assert new != old and _files(root) >= {PurePath(old).name, PurePath(new).name}
    for callback in after_commit:
        callback()
    assert PurePath(old).name not in _files(root) and len(_files(root)) == 2

    ResourceSubmission.objects.filter(pk=second.object_id).update(file=new)
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(reverse("submissions:delete", args=[first.pk]))
    assert not ResourceSubmission.objects.filter(pk=first.object_id).exists()
    assert PurePath(new).name in _files(root)  # the other proposal's file now
    with django_capture_on_commit_callbacks(execute=True):
        ResourceSubmission.objects.get(pk=second.object_id).delete()  # in the admin
    assert len(_files(root)) == 1  # the second one's first file, no longer its own


def _comment_url(resource):
    content_type = ContentType.objects.get_for_model(resource)
    return reverse("participation:comment_post", args=[content_type.pk, resource.pk])


def test_members_comment_on_a_resource_and_readers_see_it(client, member_client):
    resource = ResourceFactory(title="Guide des conseils citoyens")

    member_client.post(_comment_url(resource), {"comment": "Très utile à Roubaix."})
    html = client.get(resource.get_absolute_url()).content.decode()

    assert "Guide des conseils citoyens" in html
    assert "Très utile à Roubaix." in html


def test_a_resource_of_a_restricted_collection_has_no_page_nor_comments(client, member_client):
    collection = Collection.get_first_root_node().add_child(name="Réservée")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    resource = ResourceFactory(collection=collection)

    assert client.get(resource.get_absolute_url()).status_code == 404
    assert member_client.post(_comment_url(resource), {"comment": "Non."}).status_code == 404


def test_my_contributions_costs_constant_queries(
    member_client, member, django_assert_max_num_queries
):
    propose_resource(member_client)
    url = reverse("submissions:mine")
    with django_assert_max_num_queries(30) as few:
        assert member_client.get(url).status_code == 200
    for index in range(5):
        Submission.objects.create(
            author=member,
            kind="ressource",
            status="modifications",
            title=f"Contribution {index}",
            message="Ajoutez une source.",
            content_type=ContentType.objects.get_for_model(ResourceSubmission),
            object_id=1000 + index,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = member_client.get(url).content.decode()
    assert "6 contributions" in html and "Ajoutez une source." in html


def test_the_form_fields_are_rendered_once_and_show_a_new_thematique(member_client):
    """The fields are a fragment cached by the form's content: served again without reading
    départements or thématiques, renewed at once by a new thématique."""
    url = reverse("submissions:propose", args=["ressource"])
    with CaptureQueriesContext(connection) as computed:
        first = member_client.get(url).content.decode()
    computed = [query["sql"] for query in computed.captured_queries]  # before the next request
    with CaptureQueriesContext(connection) as served:
        again = member_client.get(url).content.decode()
    served = [query["sql"] for query in served.captured_queries]
    Thematique.objects.create(name="Thématique sentinelle-5a8d2e", slug="sentinelle-5a8d2e")
    after = member_client.get(url).content.decode()

    assert any("taxonomy_departement" in sql for sql in computed)
    assert not any("taxonomy_departement" in sql for sql in served)
    assert CSRF.sub("", again) == CSRF.sub("", first) and "sentinelle-5a8d2e" not in first
    assert "Thématique sentinelle-5a8d2e" in after
    assert not set(CSRF.findall(again)) & set(CSRF.findall(first))  # no token kept in the fragment

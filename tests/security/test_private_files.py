"""Finding 7: private attachments live outside MEDIA_ROOT and only the view that checks
rights hands them out (by the web server in production, X-Accel-Redirect/X-Sendfile)."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from maillage.private_files import move_from_media
from proposals.models import Attachment
from tests.factories import ProposalFactory, UserFactory, make_space

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4 sentinelle-7f3a9c"


@pytest.fixture
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MAILLAGE_PRIVATE_ROOT = tmp_path / "private"
    return settings


@pytest.fixture
def invited(db):
    return UserFactory()


@pytest.fixture
def attachment(roots, invited):
    space = make_space("Groupe privé", visibility="private", memberships=[invited])
    item = Attachment(
        proposal=ProposalFactory(space=space), title="Compte rendu", kind="pdf", size=len(CONTENT)
    )
    item.file.save("compte-rendu.pdf", ContentFile(CONTENT), save=True)
    return item


def test_private_attachment_is_stored_outside_media_root(roots, attachment):
    path = Path(attachment.file.path)
    assert path.read_bytes() == CONTENT
    assert path.is_relative_to(roots.MAILLAGE_PRIVATE_ROOT)
    assert not path.is_relative_to(roots.MEDIA_ROOT)
    assert not any(Path(roots.MEDIA_ROOT).rglob("*.pdf"))
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018 (no public URL exists)


def test_outsider_gets_404_and_invited_member_gets_the_file(client, attachment, invited):
    url = attachment.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(invited)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"]


def test_nginx_sends_the_file_through_x_accel_redirect(client, attachment, invited, roots):
    roots.MAILLAGE_SENDFILE = "nginx"
    roots.MAILLAGE_SENDFILE_NGINX_PREFIX = "/prive-interne/"
    client.force_login(invited)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response.content == b""
    assert response["X-Accel-Redirect"] == f"/prive-interne/{attachment.file.name}"
    assert response["Content-Type"] == "application/pdf"


def test_apache_sends_the_file_through_x_sendfile(client, attachment, invited, roots):
    roots.MAILLAGE_SENDFILE = "apache"
    client.force_login(invited)
    response = client.get(attachment.get_absolute_url())
    assert response.content == b""
    assert response["X-Sendfile"] == attachment.file.path


def test_outsider_gets_no_x_accel_redirect(client, attachment, roots):
    roots.MAILLAGE_SENDFILE = "nginx"
    client.force_login(UserFactory())
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 404 and "X-Accel-Redirect" not in response


def test_files_left_under_media_root_move_to_the_private_root(roots):
    name = "propositions/12/ancien.pdf"
    old = Path(roots.MEDIA_ROOT) / name
    old.parent.mkdir(parents=True)
    old.write_bytes(CONTENT)
    assert move_from_media([name, "propositions/12/absent.pdf"]) == 1
    assert not old.exists()
    assert (Path(roots.MAILLAGE_PRIVATE_ROOT) / name).read_bytes() == CONTENT
    assert move_from_media([name]) == 0

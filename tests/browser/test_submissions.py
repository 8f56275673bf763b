import re

from django.contrib.auth.models import Group, Permission

from library.models import ResourceSubmission
from members.roles import MODERATEURS, ensure_roles
from submissions.models import Status, Submission
from tests.browser.test_proposals import _log_in
from tests.factories import UserFactory
from tests.submissions.conftest import pdf_bytes


def test_member_submits_a_resource_a_moderator_publishes_it_and_the_member_finds_it(
    live_server, page, screenshot
):
    claire = UserFactory(display_name="Claire Martin")
    ensure_roles(Group, Permission)
    moderator = UserFactory(display_name="Nadia Haddad", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATEURS))

    # Claire proposes a resource on the site and submits it.
    _log_in(page, live_server, claire)
    page.goto(live_server.url + "/contributions/proposer/ressource/")
    page.get_by_label("Titre").fill("Guide de la maison du projet")
    page.get_by_label("Fichier").set_input_files(
        files=[{"name": "maison.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    page.get_by_label("Type de ressource").select_option("guide")
    page.get_by_label("Année").fill("2025")
    page.get_by_label("Santé").check()
    page.get_by_label("Description").fill("Comment ouvrir une maison du projet.")
    screenshot("submissions-1-form")
    page.get_by_role("button", name="Soumettre à la relecture").click()
    page.get_by_role("heading", name="Mes contributions").wait_for()
    assert page.get_by_text("En relecture").is_visible()
    screenshot("submissions-2-mine")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("submissions-2-mine-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    # The moderator approves it in the admin: it enters the library, credited.
    submission = ResourceSubmission.objects.get()
    _log_in(page, live_server, moderator)
    page.goto(f"{live_server.url}/admin/snippets/library/resourcesubmission/edit/{submission.pk}/")
    screenshot("submissions-3-admin")
    page.locator(".w-dropdown-button").get_by_role("button", name=re.compile("actions")).click()
    page.get_by_role("link", name="Refuser la contribution").wait_for()
    screenshot("submissions-3-admin-actions")
    with page.expect_navigation():
        page.get_by_role("button", name="Approuver et Publier", exact=True).click()
    screenshot("submissions-3-admin-approved")
    assert Submission.objects.get().status == Status.PUBLISHED

    # Claire finds it in search and on its page, credited to her.
    _log_in(page, live_server, claire)
    page.goto(live_server.url + "/recherche/?q=maison+du+projet")
    page.get_by_role("link", name="Guide de la maison du projet").first.click()
    page.get_by_role("heading", name="Guide de la maison du projet").wait_for()
    screenshot("submissions-4-resource")
    assert "Proposé par Claire Martin" in " ".join(
        page.locator(".contributor").inner_text().split()
    )

import re
from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from members.roles import MODERATEURS, ensure_roles
from proposals.models import Proposal, ProposalSettings
from tests.factories import PASSWORD, ProposalFactory, UserFactory, make_space


def _log_in(page, live_server, user):
    page.context.clear_cookies()
    page.goto(live_server.url + "/comptes/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def test_member_proposes_with_a_coauthor_another_votes_and_a_moderator_answers(
    live_server, page, screenshot
):
    today = timezone.localdate()
    space = make_space(
        "Priorités du réseau 2026",
        [
            {
                "title": "Propositions et vote",
                "start_date": today - timedelta(days=2),
                "end_date": today + timedelta(days=20),
                "actions": ["propose", "vote", "comment"],
            }
        ],
    )
    ProposalSettings.objects.create(space=space, vote_limit=5, threshold=1)
    ProposalFactory(space=space, title="Créer un observatoire partagé de l’emploi des jeunes")
    claire = UserFactory(display_name="Claire Martin")
    karim = UserFactory(display_name="Karim Benali")
    nadia = UserFactory(display_name="Nadia Haddad")
    ensure_roles(Group, Permission)
    moderator = UserFactory(display_name="Sophie Modératrice", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATEURS))

    # Claire writes; a similar proposal shows up while she types the title.
    _log_in(page, live_server, claire)
    page.goto(live_server.url + f"/propositions/{space.slug}/")
    page.get_by_role("link", name="Faire une proposition").first.click()
    page.get_by_label("Titre").press_sequentially(
        "Un observatoire de l’emploi des jeunes", delay=10
    )
    page.get_by_text("Des propositions proches existent déjà").wait_for()
    page.get_by_label("Description").fill(
        "Les données sont éparpillées.\nUn tableau de bord commun : https://www.insee.fr"
    )
    screenshot("proposals-1-form-with-similar")
    page.get_by_role("button", name="Relire avant de publier").click()
    page.get_by_text("Aperçu : votre proposition n’est pas encore publiée").wait_for()
    screenshot("proposals-2-preview")
    page.get_by_role("button", name="Publier la proposition").click()
    page.get_by_text("Votre proposition est publiée").wait_for()
    proposal = Proposal.objects.get(title="Un observatoire de l’emploi des jeunes")
    assert proposal.is_published

    # She invites Karim, who accepts from his notifications.
    page.get_by_text("Inviter un co-auteur").click()
    page.get_by_label("E-mail du membre à inviter").fill(karim.email)
    page.get_by_role("button", name="Envoyer l’invitation").click()
    page.get_by_text("est invité·e à co-signer").wait_for()
    _log_in(page, live_server, karim)
    page.goto(live_server.url + "/participer/notifications/")
    page.get_by_role("link", name=proposal.title).click()
    screenshot("proposals-3-invitation")
    page.get_by_role("button", name="Accepter").click()
    authors = page.locator("#auteurs")
    assert "Claire Martin" in authors.inner_text() and "Karim Benali" in authors.inner_text()

    # Nadia supports it: htmx swaps the button and the remaining votes in place.
    _log_in(page, live_server, nadia)
    page.goto(live_server.url + proposal.get_absolute_url())
    page.get_by_role("button", name=re.compile("^Soutenir")).click()
    page.get_by_role("button", name=re.compile("Soutenue")).wait_for()
    assert "Il vous reste 4 votes sur 5" in page.locator("#votes-restants").inner_text()
    assert "Retenue" in page.locator(f"#vote-{proposal.pk}").inner_text()
    screenshot("proposals-4-voted")
    assert Proposal.objects.get(pk=proposal.pk).vote_count == 1

    # The moderator answers officially.
    _log_in(page, live_server, moderator)
    page.goto(live_server.url + proposal.get_absolute_url())
    page.get_by_role("link", name="Répondre officiellement").click()
    page.get_by_label("État").select_option("accepted")
    page.get_by_label("Réponse publique").fill("Retenue pour le programme de travail 2026.")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("Réponse officielle").first.wait_for()
    screenshot("proposals-5-answered")
    assert Proposal.objects.get(pk=proposal.pk).state == "accepted"

    page.goto(live_server.url + f"/propositions/{space.slug}/?order=votes")
    screenshot("proposals-6-list")

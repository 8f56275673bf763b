"""An editor edits a survey in the Wagtail admin, a member answers it without JavaScript
on a phone-sized screen, the editor publishes the results, the member reads the chart."""

from django.contrib.auth.models import Group

from members.roles import MODERATEURS
from surveys.models import Answer, SurveyPage
from tests.browser.conftest import save_screenshot
from tests.browser.test_editorial import log_in
from tests.factories import UserFactory, make_survey

QUESTIONS = [
    {
        "label": "Le réseau vous est-il utile ?",
        "field_type": "radio",
        "choices": "Essentiel\nUtile\nPeu utile",
        "required": True,
    },
    {
        "label": "Formats préférés",
        "field_type": "checkboxes",
        "choices": "Rencontres thématiques\nVisites de site\nGazette",
        "other_choice": True,
        "max_choices": 2,
        "required": False,
    },
]


def publish(page):
    page.locator("footer .w-dropdown__toggle").last.click()
    page.locator('button[name="action-publish"]').click()
    page.wait_for_url("**/admin/pages/**")


def test_editor_builds_member_answers_without_javascript_editor_publishes_results(
    live_server, browser, page, screenshot
):
    survey = make_survey(QUESTIONS, title="Besoins de mise en réseau")
    Answer.objects.bulk_create(
        Answer(page=survey, form_data={"le_reseau_vous_est_il_utile": "Utile"}) for _ in range(6)
    )
    editor = UserFactory(display_name="Éditrice de l’enquête", is_staff=True)
    editor.groups.add(Group.objects.get(name=MODERATEURS))
    member = UserFactory(display_name="Claire Martin")

    # The editor rewrites the first question in the admin and publishes (the admin's
    # editor is the heaviest page of the site: more time on a busy machine).
    page.set_default_timeout(45_000)
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/pages/{survey.pk}/edit/")
    page.locator("#id_form_fields-0-label").fill("Pour votre travail, le réseau est…")
    screenshot("surveys-admin-question")
    publish(page)
    assert SurveyPage.objects.get(pk=survey.pk).form_fields.first().label.startswith("Pour votre")

    # The member answers on a phone, JavaScript off.
    context = browser.new_context(
        java_script_enabled=False, locale="fr-FR", viewport={"width": 390, "height": 844}
    )
    phone = context.new_page()
    phone.set_default_timeout(30_000)
    log_in(phone, live_server, member)
    phone.goto(live_server.url + survey.url)
    phone.get_by_role("button", name="Envoyer mes réponses").click()
    assert phone.get_by_text("Cette question demande une réponse.").is_visible()
    phone.get_by_label("Utile", exact=True).check()
    phone.get_by_label("Gazette").check()
    phone.get_by_label("Autre", exact=True).check()
    phone.get_by_label("Précisez votre réponse « Autre »").fill("Des podcasts")
    save_screenshot(phone, "surveys-member-answers-390")
    phone.get_by_role("button", name="Envoyer mes réponses").click()
    assert phone.get_by_text("Merci : vos réponses sont enregistrées.").is_visible()
    assert Answer.objects.get(user=member).form_data == {
        "le_reseau_vous_est_il_utile": "Utile",
        "formats_preferes": ["Gazette", "__autre__"],
        "formats_preferes__autre": "Des podcasts",
    }
    assert phone.get_by_role("link", name="Voir les résultats").count() == 0

    # The editor publishes the results to everyone.
    page.goto(f"{live_server.url}/admin/pages/{survey.pk}/edit/")
    page.locator("#id_results_visibility").select_option("public")
    publish(page)

    # The member reads the chart and its table.
    phone.goto(live_server.url + survey.url)
    phone.get_by_role("link", name="Voir les résultats").click()
    chart = phone.get_by_role("figure", name="Pour votre travail, le réseau est…")
    assert chart.locator("svg").is_visible()
    row = chart.get_by_role("row", name="Utile")
    assert row.get_by_role("cell").first.inner_text() == "7"
    assert phone.get_by_text("Des podcasts").count() == 0  # free answers: editors only
    save_screenshot(phone, "surveys-results-390")
    context.close()

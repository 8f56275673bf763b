import re

from participation.models import Visibility
from tests.factories import NewsIndexPageFactory, NewsPageFactory, ProposalFactory, make_space
from tests.search.test_registrations import make_resource


def test_visitor_finds_news_resources_and_proposals_then_keeps_the_resources(
    live_server, page, screenshot
):
    NewsPageFactory(
        parent=NewsIndexPageFactory(),
        title="Un cycle de formation sur l’évaluation",
        introduction="Quatre journées pour évaluer les contrats de ville.",
    )
    make_resource("Guide méthodologique", "Une méthode pas à pas pour l’évaluation du contrat.")
    ProposalFactory(space=make_space(), title="Former les équipes à l’évaluation participative")
    ProposalFactory(
        space=make_space("Groupe régional", visibility=Visibility.PRIVATE),
        title="Évaluation interne du groupe régional",
    )

    page.goto(live_server.url + "/recherche/?q=evaluation")
    assert page.get_by_role("heading", name="3 résultats pour « evaluation »").is_visible()
    for title in (
        "Un cycle de formation sur l’évaluation",
        "Guide méthodologique",
        "Former les équipes à l’évaluation participative",
    ):
        assert page.get_by_role("link", name=title).is_visible()
    assert page.get_by_text("groupe régional").count() == 0
    screenshot("search-content-types")

    page.get_by_role("link", name=re.compile(r"^Ressource")).click()
    page.wait_for_url(re.compile(r"kind=ressource"))
    assert page.get_by_role("heading", name="1 résultat pour « evaluation »").is_visible()
    assert page.locator("mark", has_text="évaluation").first.is_visible()
    screenshot("search-content-resources")

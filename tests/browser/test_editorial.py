"""A moderator writes and publishes an actualité in the Wagtail admin; a visitor reads it."""

from django.contrib.auth.models import Group
from django.test import Client

from editorial.models import NewsPage
from home.models import HomePage
from members.roles import MODERATEURS
from tests.factories import NewsIndexPageFactory, UserFactory


def log_in(page, live_server, user):
    """Reuse a Django session in the browser: the login form has its own test."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_moderator_publishes_a_news_item_that_visitors_then_read(live_server, page, screenshot):
    index = NewsIndexPageFactory(parent=HomePage.objects.get())
    moderator = UserFactory(display_name="Marc Modérateur", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATEURS))
    log_in(page, live_server, moderator)

    page.goto(f"{live_server.url}/admin/pages/add/editorial/newspage/{index.pk}/")
    page.locator("#id_title").fill("Les conseils citoyens fêtent leurs dix ans")
    page.locator("#id_introduction").fill("Une journée de rencontres entre conseils citoyens.")
    screenshot("editorial-admin-news-form")
    page.locator("footer .w-dropdown__toggle").last.click()
    page.locator('button[name="action-publish"]').click()
    page.wait_for_url("**/admin/pages/**")

    news = NewsPage.objects.get(title="Les conseils citoyens fêtent leurs dix ans")
    assert news.live
    page.context.clear_cookies()
    page.goto(live_server.url + index.url)
    page.get_by_role("link", name="Les conseils citoyens fêtent leurs dix ans").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Les conseils citoyens fêtent leurs dix ans"
    )
    assert page.get_by_text("Une journée de rencontres entre conseils citoyens.").is_visible()
    screenshot("editorial-news-published")

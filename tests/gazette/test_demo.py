import pytest

from gazette.models import DeliveryStatus, GazetteIssuePage, Subscriber

pytestmark = pytest.mark.django_db


def test_demo_has_a_national_and_a_regional_issue_already_sent(demo, client):
    issues = list(GazetteIssuePage.objects.live().order_by("date"))
    assert len(issues) == 2
    national, regional = issues
    assert not national.has_audience
    assert [region.name for region in regional.audience_regions.all()] == ["Hauts-de-France"]
    for issue in issues:
        assert issue.sending.finished_at is not None
        assert issue.deliveries.filter(status=DeliveryStatus.SENT).exists()
        assert client.get(issue.url).status_code == 200
    assert national.deliveries.count() > regional.deliveries.count()
    assert Subscriber.objects.active().partners().count() == 1
    assert Subscriber.objects.active().members().filter(user__email="claire.martin@exemple.fr")
    assert client.get("/gazette/").status_code == 200

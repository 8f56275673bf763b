"""Who an issue goes to, and the count the admin shows before sending."""

import pytest
from django.utils import timezone

from gazette.audience import recipients
from members.roles import EDITEURS
from participation.notifications.api import follow
from tests.factories import GazetteIssuePageFactory, PartnerSubscriberFactory, make_space

pytestmark = pytest.mark.django_db


def _issue(index, **audience):
    issue = GazetteIssuePageFactory(parent=index)
    for name, value in audience.items():
        setattr(issue, f"audience_{name}", value)
    issue.save()
    return issue


def test_without_criteria_every_active_subscriber_gets_it_once(gazette_index, make_reader):
    reader = make_reader()
    partner = PartnerSubscriberFactory()
    PartnerSubscriberFactory(confirmed_at=None)  # never confirmed
    make_reader(is_active=False)  # account closed
    gone = make_reader()
    gone.unsubscribed_at = timezone.now()
    gone.save()
    # The same person as a member and as a partner: one copy, the member's.
    PartnerSubscriberFactory(email=reader.user.email.upper())

    assert set(recipients(_issue(gazette_index))) == {reader, partner}


def test_each_criterion_narrows_the_members(
    gazette_index, make_reader, thematiques, hauts_de_france, nord, paca
):
    emploi, education = thematiques
    hdf_emploi = make_reader(region=hauts_de_france, thematiques=[emploi], structure_type="commune")
    nord_education = make_reader(
        departement=nord, thematiques=[education, emploi], structure_type="epci", role=EDITEURS
    )
    paca_emploi = make_reader(region=paca, thematiques=[emploi], structure_type="commune")
    PartnerSubscriberFactory()  # partners have no profile: any criterion leaves them out
    space = make_space()
    follow(paca_emploi.user, space)

    cases = [
        ({"thematiques": [education]}, {nord_education}),
        ({"thematiques": [emploi]}, {hdf_emploi, nord_education, paca_emploi}),
        ({"regions": [hauts_de_france]}, {hdf_emploi, nord_education}),
        ({"departements": [nord]}, {nord_education}),
        ({"regions": [paca], "departements": [nord]}, {paca_emploi, nord_education}),
        ({"structure_types": ["commune"]}, {hdf_emploi, paca_emploi}),
        ({"roles": [EDITEURS]}, {nord_education}),
        ({"space": space}, {paca_emploi}),
        ({"regions": [hauts_de_france], "structure_types": ["commune"]}, {hdf_emploi}),
    ]
    issue = _issue(gazette_index)
    fields = ["thematiques", "regions", "departements", "structure_types", "roles"]
    for audience, expected in cases:
        for name in fields:  # in memory: the audience reads what the editor's form set
            setattr(issue, f"audience_{name}", audience.get(name, []))
        issue.audience_space = audience.get("space")
        assert list(recipients(issue).order_by("pk")) == sorted(expected, key=lambda s: s.pk), (
            audience
        )


def test_admin_shows_the_number_of_recipients_before_sending(
    gazette_index, make_reader, hauts_de_france, moderator_client
):
    make_reader(region=hauts_de_france)
    make_reader(region=hauts_de_france)
    make_reader()
    issue = _issue(gazette_index, regions=[hauts_de_france])

    response = moderator_client.get(f"/admin/gazette/{issue.pk}/")

    assert response.status_code == 200
    assert "2 destinataires" in response.text
    assert issue.deliveries.count() == 0

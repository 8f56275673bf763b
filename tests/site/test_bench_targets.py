import json

import pytest
from django.core.management import call_command

from members.models import User

pytestmark = pytest.mark.django_db


def test_every_load_run_target_answers_without_error(demo, client, capsys):
    """The load runner visits what the apps declare; a stale target would only show up
    as errors in a run, so each one is requested here, logged in as the runner's default
    account (whose conversations the messaging targets name)."""
    member = User.objects.get(email="claire.martin@exemple.fr")
    capsys.readouterr()
    call_command("bench_targets")
    targets = json.loads(capsys.readouterr().out)

    assert {"accueil", "annuaire"} <= {t["name"] for t in targets}
    for target in targets:
        if target.get("login"):
            client.force_login(member)
        else:
            client.logout()
        method = target.get("method", "GET").lower()
        response = getattr(client, method)(target["path"], target.get("data") or {})
        assert response.status_code < 400, (target, response.status_code)

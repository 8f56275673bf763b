import pytest
from django.core.management import call_command
from django.db import connection

from devtools.demo.members import ADMIN_EMAIL, DEMO_PASSWORD
from members.models import User

pytestmark = pytest.mark.django_db


def _row_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            if table.startswith(("django_session", "django_tasks")):
                continue
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def test_seed_demo_twice_creates_nothing_more(demo, capsys):
    first = _row_counts()
    call_command("seed_demo")
    second = {table: n for table, n in _row_counts().items() if n != first[table]}

    # Only Wagtail's revision history may grow, and the search index's log of edits
    # (`seed_demo` rebuilds the index, which logs its edits there); content must not be
    # duplicated.
    assert {t for t in second if not t.startswith("wagtailcore_revision")} <= {"search_searchedit"}
    assert "admin@maillage.localhost" in capsys.readouterr().out


def test_demo_administrator_can_log_in_to_the_wagtail_admin(demo, client):
    admin = User.objects.get(email=ADMIN_EMAIL)
    assert admin.check_password(DEMO_PASSWORD)
    client.post("/comptes/login/", {"login": ADMIN_EMAIL, "password": DEMO_PASSWORD})
    assert client.get("/admin/").status_code == 200

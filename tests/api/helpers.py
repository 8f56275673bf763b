"""What the API tests share: reading JSON pages, walking every page of a list, and a
personal token for a member."""

from api.models import ApiToken


def bearer(user, name="Essai"):
    """The Authorization header of a new token of `user`, for the test client."""
    _token, raw = ApiToken.objects.create_for(user, name)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def get(client, url, headers=None, **params):
    return client.get(url, params, **(headers or {}))


def walk(client, url, headers=None, **params):
    """Every row of a list, page after page; also returns the number of pages."""
    rows, pages, cursor = [], 0, None
    while True:
        query = {**params, **({"curseur": cursor} if cursor else {})}
        response = get(client, url, headers, **query)
        assert response.status_code == 200, response.content
        body = response.json()
        rows.extend(body["resultats"])
        pages += 1
        cursor = body["suivant"]
        if cursor is None:
            return rows, pages

"""The confirmation of a form sent without JavaScript, shown at the card it was sent from.

Without JavaScript a vote, a follow or a registration reloads the page at the card's anchor
(`#vote-12`, `#inscription`);
a message at the top of the page would be out of sight, on a phone above a long page. So
the view `send`s it: kept for that card (in the session, with the page's path and the
anchor) when the member goes back to the object's own page, which always renders the card;
the card takes it on that page (`take`) and shows it with role=status; elsewhere it goes
to the site's messages, as before. A notice is taken
once, and only on its page: it is never shown at another card or on another page."""

from urllib.parse import urlsplit

from django.contrib import messages

SESSION_KEY = "card_notice"
LEVELS = {"success": messages.SUCCESS, "info": messages.INFO, "error": messages.ERROR}


def send(request, back, page_url, anchor, text, level="success"):
    """`text` for the member going `back` (a safe `next`): at the card `anchor` when `back`
    is the object's page `page_url` (query and anchor aside), else in the site's messages."""
    path = urlsplit(back).path
    if page_url and path == urlsplit(page_url).path:
        request.session[SESSION_KEY] = {
            "path": path,
            "anchor": anchor,
            "text": str(text),
            "level": level,
        }
    else:
        messages.add_message(request, LEVELS[level], text)


def take(request, anchor):
    """The notice kept for this card on this page, removed from the session; else None.
    Only for a member (a visitor's page must not read the session: `Vary: Cookie`)."""
    if not request.user.is_authenticated:
        return None
    notice = request.session.get(SESSION_KEY)
    if not notice or notice["anchor"] != anchor or notice["path"] != request.path:
        return None
    del request.session[SESSION_KEY]
    return notice

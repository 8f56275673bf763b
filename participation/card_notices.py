"""The confirmation of a form sent without JavaScript, shown at the card it was sent from.

Without JavaScript a vote or a follow reloads the page at the card's anchor (`#vote-12`);
a message at the top of the page would be out of sight, on a phone above a long page. So
the view keeps the message for that card only when it sends the member back to the
object's own page, which always renders the card: `keep` (in the session, with the page's
path and the anchor); the card takes it on that page (`take`) and shows it with
role=status; elsewhere the view uses the site's messages, as before. A notice is taken
once, and only on its page: it is never shown at another card or on another page."""

from urllib.parse import urlsplit

SESSION_KEY = "card_notice"


def same_page(url, page_url):
    """Whether `url` (a safe `next`) is the page `page_url`, query and anchor aside."""
    return bool(page_url) and urlsplit(url).path == urlsplit(page_url).path


def keep(request, path, anchor, text, level="success"):
    request.session[SESSION_KEY] = {
        "path": urlsplit(path).path,
        "anchor": anchor,
        "text": str(text),
        "level": level,
    }


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

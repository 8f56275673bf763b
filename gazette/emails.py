"""An issue as an e-mail for one reader: HTML with its CSS inlined (css-inline: mail
clients ignore <style> blocks or strip them) and a plain-text part, with the one-click
unsubscribe headers of RFC 8058. No tracking pixel, no redirected links: every address
in the e-mail is the content's own."""

import css_inline
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from gazette.links import absolute_links
from participation.notifications.api import absolute_url

INLINER = css_inline.CSSInliner(load_remote_stylesheets=False)


def unsubscribe_headers(url):
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def build(issue, reader, address, unsubscribe_url, *, test=False):
    """The e-mail of `issue` for `reader` (a filled `gazette.personal.Reader`) sent to
    `address`; without `unsubscribe_url` (a preview, a test to an editor who is not
    subscribed) the footer points to the subscription page instead."""
    context = {
        "page": issue,
        "gazette_reader": reader,
        "unsubscribe_url": unsubscribe_url,
        "web_url": absolute_url(issue.url),
        "subscribe_url": absolute_url(reverse("gazette:subscribe")),
        "test": test,
    }
    context["text_blocks"] = [child.block.render_text(child.value, context) for child in issue.body]
    html = INLINER.inline(absolute_links(render_to_string("gazette/email/issue.html", context)))
    text = render_to_string("gazette/email/issue.txt", context)
    subject = issue.title
    if test:
        subject = _("[Test] %(subject)s") % {"subject": subject}
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[address],
        headers=unsubscribe_headers(unsubscribe_url) if unsubscribe_url else {},
    )
    message.attach_alternative(html, "text/html")
    return message

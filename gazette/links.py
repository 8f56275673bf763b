"""Addresses in an e-mail must be absolute: the rich text of Wagtail links pages by
their path on the site."""

import re

from participation.notifications.api import absolute_url

SITE_HREF = re.compile(r'href="(/[^"/][^"]*|/)"')


def site_url(url):
    """The absolute address of a path on the site; any other address as it is."""
    return absolute_url(url) if url.startswith("/") else url


def absolute_links(html):
    return SITE_HREF.sub(lambda match: f'href="{absolute_url(match[1])}"', html)

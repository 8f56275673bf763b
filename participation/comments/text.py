"""Comment text is plain: escaped, URLs turned into links (rel="nofollow"), newlines into
<br>."""

import re

from django.template.defaultfilters import linebreaksbr, urlize
from django.utils.html import escape

# What Django's urlize can turn into a link; text without any of these skips it, since
# urlize costs ten times the escaping on a long thread.
MAY_LINK = re.compile(r"://|www\.|@|\.(?:com|edu|gov|int|mil|net|org)\b", re.IGNORECASE)


def comment_text(value):
    html = urlize(value, autoescape=True) if MAY_LINK.search(value) else escape(value)
    return linebreaksbr(html, autoescape=True)

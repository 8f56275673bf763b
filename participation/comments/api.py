"""What other modules may use of participation.comments: post a comment, the `Comment`
model (to count or annotate comments of their objects), the signal sent when a comment
is edited, the comment section of a page, the safe rendering of plain text, and the
versions per author (`AUTHOR_VERSIONS`, `author_key`) that a cached list of one member's
comments notes instead of the comment tables."""

from participation.comments.models import AUTHOR_VERSIONS, Comment, Stance, author_key
from participation.comments.services import can_comment, comment_edited, post_comment
from participation.comments.text import comment_text
from participation.comments.thread import section_context

__all__ = [
    "AUTHOR_VERSIONS",
    "Comment",
    "Stance",
    "author_key",
    "can_comment",
    "comment_edited",
    "comment_text",
    "post_comment",
    "section_context",
]

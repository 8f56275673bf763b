"""What other modules may use of participation.comments: post a comment, the `Comment`
model (to count or annotate comments of their objects), the signal sent when a comment
is edited, the comment section of a page, and the safe rendering of plain text."""

from participation.comments.models import Comment, Stance
from participation.comments.services import can_comment, comment_edited, post_comment
from participation.comments.text import comment_text
from participation.comments.thread import section_context

__all__ = [
    "Comment",
    "Stance",
    "can_comment",
    "comment_edited",
    "comment_text",
    "post_comment",
    "section_context",
]

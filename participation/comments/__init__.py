"""Comments on anything declared commentable: threads, reactions and the comment text.
Public surface: `participation.comments.api`."""

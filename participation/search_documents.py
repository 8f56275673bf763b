"""The participation core's search documents, found by the search app's autodiscovery:
démarches (spaces) and comments."""

from participation.comments import search_documents as comments
from participation.spaces import search_documents as spaces

__all__ = ["comments", "spaces"]

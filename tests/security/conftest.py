"""The security tests reuse the participation fixtures (space, moderator)."""

from tests.participation.conftest import moderator, moderator_client, space  # noqa: F401

from tests.debates.conftest import debate_space, moderator, moderator_client  # noqa: F401

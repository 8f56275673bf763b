from tests.debates.conftest import debate_space  # noqa: F401

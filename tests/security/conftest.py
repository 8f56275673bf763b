"""The security tests reuse the fixtures of the apps they cover."""

from tests.debates.conftest import debate_space  # noqa: F401
from tests.participation.conftest import space  # noqa: F401

import pytest


@pytest.fixture(autouse=True)
def _own_media_root(settings, tmp_path):
    """Each test writes its open data files in its own folder: parallel test processes
    would otherwise share MEDIA_ROOT/donnees-ouvertes/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MAILLAGE_SEARCH_AUTO_INDEX = False  # nothing here searches: faster pages

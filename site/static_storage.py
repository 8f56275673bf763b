"""The static files storage of production: WhiteNoise's compressed manifest, with each
file's URL worked out once per process. The manifest is read when the process starts and
never changes while it runs, so the URL found for a name stays right; about ten `{% static %}`
per page were each a manifest lookup, a URL split and a join."""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

# More distinct names than the templates use means something asks with names it made up.
MAX_REMEMBERED = 4096


class CompressedManifestStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if settings.DEBUG or force:
            return super().url(name, force)
        found = self._urls.get(name)
        if found is None:
            found = super().url(name)
            if len(self._urls) < MAX_REMEMBERED:
                self._urls[name] = found
        return found

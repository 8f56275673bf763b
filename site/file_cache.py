"""Django's file-based cache, without listing its folder on every write.

Django's `FileBasedCache.set` culls first, and to know whether it must, it lists every
file of the folder (a glob and a path join per file): with the exact caches writing
fragments and pages, each write cost a walk of thousands of files (20,000 at
MAX_ENTRIES), the largest share of the cache's time under load. Here each cache object
(one per thread) counts the files only once every CHECK_EVERY writes, with `os.scandir`,
and culls as Django does when they reach MAX_ENTRIES: the folder may hold a few hundred
files more than MAX_ENTRIES between two checks, never without bound."""

import os

from django.core.cache.backends import filebased

CHECK_EVERY = 100


class FileBasedCache(filebased.FileBasedCache):
    _writes = 0

    def _cull(self):
        self._writes += 1
        if self._writes % CHECK_EVERY != 1:  # the first write checks, then one in CHECK_EVERY
            return
        try:
            with os.scandir(self._dir) as entries:
                count = sum(1 for entry in entries if entry.name.endswith(self.cache_suffix))
        except FileNotFoundError:
            return
        if count >= self._max_entries:
            super()._cull()


class RenditionsCache(FileBasedCache):
    """Wagtail's image renditions (the "renditions" alias): Wagtail writes back every
    rendition it reads, from the cache too, on each page that shows an image, a file
    written and renamed per image and request. The value under a key never changes while
    it is stored (the key names the image's file hash, its focal point and the filter;
    deleting a rendition deletes its key), so a key already present is left as it is."""

    def set(self, key, value, timeout=filebased.DEFAULT_TIMEOUT, version=None):
        if not self.has_key(key, version=version):
            super().set(key, value, timeout, version)

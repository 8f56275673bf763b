"""The production file cache: culling checked once every CHECK_EVERY writes, and
renditions never rewritten while stored."""

from maillage import file_cache


def _files(folder):
    return len(list(folder.glob("*.djcache")))


def test_the_folder_is_counted_once_every_hundred_writes_and_culled_past_its_bound(tmp_path):
    cache = file_cache.FileBasedCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 5}})
    for n in range(file_cache.CHECK_EVERY):
        cache.set(f"cle-{n}", n)
    assert _files(tmp_path) == file_cache.CHECK_EVERY  # no listing since the first write
    cache.set("cle-suivante", "valeur")
    assert _files(tmp_path) < file_cache.CHECK_EVERY  # counted, a third culled as Django does
    assert cache.get("cle-suivante") == "valeur"


def test_a_stored_rendition_is_not_rewritten_until_its_key_is_deleted(tmp_path):
    cache = file_cache.RenditionsCache(str(tmp_path), {})
    cache.set("wagtail-rendition-1-hash-fill", "premier")
    written = next(tmp_path.glob("*.djcache")).stat().st_mtime_ns
    cache.set_many({"wagtail-rendition-1-hash-fill": "premier"})
    assert next(tmp_path.glob("*.djcache")).stat().st_mtime_ns == written
    cache.delete("wagtail-rendition-1-hash-fill")
    cache.set("wagtail-rendition-1-hash-fill", "second")
    assert cache.get("wagtail-rendition-1-hash-fill") == "second"

"""The release fingerprint that prefixes production cache keys changes with the code, so
that a deploy never serves fragments rendered by the previous templates."""

import os

from maillage import release


def write(path, text, mtime_ns):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_a_changed_template_changes_the_fingerprint_and_tests_do_not(tmp_path):
    write(tmp_path / "manage.py", "", 1_000)
    write(tmp_path / "home" / "templates" / "home" / "page.html", "<p>avant</p>", 2_000)
    first = release.fingerprint(tmp_path)
    assert release.fingerprint(tmp_path) == first

    write(tmp_path / "tests" / "test_page.py", "", 3_000)
    write(tmp_path / "var" / "cache" / "entry.json", "{}", 3_000)
    assert release.fingerprint(tmp_path) == first

    write(tmp_path / "home" / "templates" / "home" / "page.html", "<p>après</p>", 4_000)
    assert release.fingerprint(tmp_path) != first


def test_an_installed_copy_without_a_checkout_is_not_walked(tmp_path):
    write(tmp_path / "home" / "templates" / "home" / "page.html", "<p>avant</p>", 2_000)
    first = release.fingerprint(tmp_path)
    write(tmp_path / "home" / "templates" / "home" / "page.html", "<p>après</p>", 4_000)
    assert release.fingerprint(tmp_path) == first

"""Package discovery for the wheel and `pip install .`; the rest lives in pyproject.toml.

Every folder with an `__init__.py` ships, so a new app or subpackage needs no edit here.
site/ installs as `maillage` with all its subpackages (settings, management.commands...);
tests/, bench/ and docs/ stay in the checkout.
"""

from setuptools import find_packages, setup

OUTSIDE_THE_WHEEL = ["site", "site.*", "tests", "tests.*", "bench", "bench.*", "build", "build.*"]

project = [
    "maillage" + name.removeprefix("site") for name in find_packages(include=["site", "site.*"])
]
apps = find_packages(exclude=OUTSIDE_THE_WHEEL)

setup(packages=project + apps)

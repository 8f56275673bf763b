"""Pages the load runner (bench/load.py) visits, one module per app, each with `targets()`
returning dicts: name, path, and optionally method, data, login (member only)."""

MODULES = [
    "home",
    "members",
    "participation",
    "library",
    "editorial",
    "proposals",
    "debates",
    "events",
    "structures",
    "messaging",
    "gazette",
    "surveys",
    "barcamp",
    "opendata",
    "accountability",
    "submissions",
    "search",
]

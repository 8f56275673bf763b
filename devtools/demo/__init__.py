"""Demo content, one module per app, each with `seed(stdout)` that may run again without
duplicates. `seed_demo` runs them in this order: each may rely on the ones before it."""

MODULES = [
    "home",
    "members",
    "participation",
    "library",  # before editorial: the demo news link documents
    "editorial",
    "proposals",
    "debates",
    "events",
    "structures",  # after members and events: attaches the demo members to theirs
    "messaging",
    "privacy",
    "gazette",
    "surveys",
    "barcamp",  # after events: barcamps are events' settings
    "accountability",  # after proposals: follows the answered proposals of a closed space
    "submissions",  # after members, library and editorial: members propose to both
    "opendata",  # last: builds the open data files from everything seeded before
]

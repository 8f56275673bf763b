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
    "submissions",  # after members, library and editorial: members propose to both
]

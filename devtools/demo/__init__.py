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
    "barcamp",  # after events: barcamps are events' settings
]

"""Load data at network scale, one module per app, each with `seed(ctx)` (a
devtools.bench_tools.BenchContext). `seed_bench` runs them in this order: members before
the spaces, proposals and comments that refer to them."""

MODULES = [
    "members",
    "participation",
    "library",
    "editorial",
    "proposals",
    "debates",
    "events",
    "accountability",
    "search",
]

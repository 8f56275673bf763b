"""In-process render of the long-thread pages right after a comment, with the thread cache
of `main` before per-object versions ("base"), with per-object versions only ("scope"),
and with per-comment fragments too ("new"), taken in turn in one campaign.

    MAILLAGE_VAR_DIR=var/bench DJANGO_SETTINGS_MODULE=maillage.settings.load \
    DJANGO_STATIC_ROOT=var/bench-static .venv/bin/python bench/thread_versions.py

Cases: a comment posted on another object just before each render, a comment on the
page's own proposal (deleted after the render), no write. "base" is emulated in the same
process: the thread notes the comment tables (no `scoped` block) under keys of its own,
and the comments' fragments are rendered every time. Environment: REPEAT (5), ROUNDS (2),
PAGES ("a|b" among bench/render_time.py's), MODES ("base|scope|new"). Writes comments to
the load database and deletes them. Not a test: figures depend on the machine.
"""

import contextlib
import os
import statistics
from types import SimpleNamespace

import load_database  # noqa: E402, F401  (first: Django on the load database)
import render_time as rt  # noqa: E402
from django.test import override_settings  # noqa: E402

from maillage.templatetags import maillage_tags  # noqa: E402
from members.models import User  # noqa: E402
from participation.comments import thread  # noqa: E402
from participation.models import Comment  # noqa: E402
from proposals.models import Proposal  # noqa: E402

REPEAT = int(os.environ.get("REPEAT", "5"))
ROUNDS = int(os.environ.get("ROUNDS", "2"))
names = os.environ.get(
    "PAGES", "proposition 50 commentaires|débat (long fil)|actualité|retour d’expérience"
).split("|")
found = rt.pages()
targets = {n: found[n] for n in names}
clients = rt.clients()
author = User.objects.get(email=rt.MEMBER)
discussed = rt.proposal_with(50)
elsewhere = Proposal.objects.exclude(pk=discussed.pk).order_by("pk").first()
real = thread.table_versions
orig_render = maillage_tags.ExactCacheNode.render


def nofrag(self, context):
    if self.name.resolve(context) == "comment":
        return self.nodelist.render(context)
    return orig_render(self, context)


def set_mode(mode):
    maillage_tags.ExactCacheNode.render = orig_render if mode == "new" else nofrag
    if mode == "base":
        thread.table_versions = SimpleNamespace(
            key=lambda name, *parts: real.key("base-" + name, *parts),
            cached=real.cached,
            scoped=lambda s, k: contextlib.nullcontext(),
        )
    else:
        thread.table_versions = real


def write(target):
    c = Comment(
        content_object=target,
        site_id=1,
        user=author,
        user_name="x",
        user_email=author.email,
        comment="Mesure sentinelle-threadver",
        parent_id=0,
    )
    c.save()
    return c


modes = os.environ.get("MODES", "base|scope|new").split("|")
cases = ["commentaire ailleurs", "commentaire sur la page", "sans écriture"]
results = {}
with override_settings(MAILLAGE_PAGE_CACHE_SECONDS=0):
    for rnd in range(ROUNDS):
        for mode in modes if rnd % 2 == 0 else modes[::-1]:
            set_mode(mode)
            for path in targets.values():
                for aud in ("membre", "anonyme"):
                    rt.fetch(clients[aud], path)
            for name, path in targets.items():
                obj = discussed if name.startswith("proposition") else None
                for aud in ("membre", "anonyme"):
                    for case in cases:
                        if case == "commentaire sur la page" and obj is None:
                            continue
                        for _ in range(REPEAT):
                            c = (
                                write(elsewhere if case == "commentaire ailleurs" else obj)
                                if case != "sans écriture"
                                else None
                            )
                            ms, _ = rt.fetch(clients[aud], path)
                            results.setdefault((name, aud, case, mode), []).append(ms)
                            if c is not None:
                                Comment.objects.filter(pk=c.pk).delete()
print(f"{'page':30} {'public':8} {'cas':26} " + " ".join(f"{m:>7}" for m in modes))
for name in names:
    for aud in ("membre", "anonyme"):
        for case in cases:
            if (name, aud, case, modes[0]) not in results:
                continue
            print(
                f"{name:30} {aud:8} {case:26} "
                + " ".join(
                    f"{statistics.median(results[(name, aud, case, m)]):7.1f}" for m in modes
                )
            )
print("load", os.getloadavg())

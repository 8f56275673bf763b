"""The PostgreSQL backend's index: one denormalised row per searchable object, and its
narrow side that finding, counting and ranking read."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

# Created by migration 0002: the French configuration with accents removed before stemming,
# so that "evaluation" and "évaluations" share a lexeme, at index and at query time.
TS_CONFIG = "french_unaccent"
# The kind registered with ``in_suggestions = False`` (participation.comments), left out of
# the suggestions' partial index. Should another kind be unsuggested, the suggestions' query
# still excludes it (and still implies this index's condition, so still uses it).
UNSUGGESTED_KIND = "commentaire"


class SearchEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(_("type"), max_length=40)
    title = models.CharField(_("titre"), max_length=300)
    title_plain = models.CharField(max_length=300, help_text="Lower case, no accents.")
    url = models.CharField(max_length=500)
    extra = models.TextField(blank=True)
    body = models.TextField(blank=True)
    date = models.DateTimeField(null=True)
    year = models.PositiveSmallIntegerField(null=True)
    thematiques = ArrayField(models.CharField(max_length=120), default=list)
    territories = ArrayField(models.CharField(max_length=20), default=list)
    principals = ArrayField(models.CharField(max_length=40), default=list)
    indexed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("entrée de l’index de recherche")
        verbose_name_plural = _("entrées de l’index de recherche")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_entry_unique_object"
            )
        ]
        indexes = [
            GinIndex(fields=["principals"], name="search_entry_principals"),
            GinIndex(fields=["title_plain"], opclasses=["gin_trgm_ops"], name="search_entry_trgm"),
            # The suggestions' titles: comments are not suggested ("Commentaire sur « … »"
            # repeats its object's words), and make up most of the index.
            GinIndex(
                fields=["title_plain"],
                opclasses=["gin_trgm_ops"],
                condition=~models.Q(kind=UNSUGGESTED_KIND),
                name="search_entry_suggest_trgm",
            ),
        ]

    def __str__(self):
        return self.title


# An entry's text as the search finds and ranks it: the title weighs most, then the extra
# line, then the body. Computed from the entry's columns when its match row is written.
VECTOR = (
    SearchVector("title", weight="A", config=TS_CONFIG)
    + SearchVector("extra", weight="B", config=TS_CONFIG)
    + SearchVector("body", weight="C", config=TS_CONFIG)
)


class SearchMatch(models.Model):
    """What a search reads of every entry it matches, and only that: its vector, its
    visibility and its facets' fields, about 650 bytes a row where the entry has 1.2 KB
    (title, url, body for the excerpts). A broad word ("quartiers") matches a quarter of
    the index: its total, facets and ranking read these rows, and only the page's 20
    entries are read in full. Written with its entry by the backend (same transaction).

    The vector is kept in the row, never in the TOAST table (migration 0004 sets the
    table's ``toast_tuple_target`` to a page): a resource's vector of 3 KB was otherwise
    fetched through the TOAST index for every match to rank it, which cost as much as
    ranking all the comments. Its GIN index is written at once (no pending list): a comment
    costs a millisecond more to index, and no search scans a list of recent entries.

    Two columns live outside the model (migration 0006, read by raw SQL only, filled by
    their defaults): ``tx``, the transaction that inserted the row, and ``seq``, its place
    in a sequence; with the log of updates and deletions that triggers keep
    (``search_searchedit``), they tell a cached search whether anything it could find was
    written since (see search.backends.postgres.IndexMark).
    """

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="match"
    )
    date = models.DateTimeField(null=True)
    year = models.PositiveSmallIntegerField(null=True)
    kind = models.CharField(max_length=40)
    principals = ArrayField(models.CharField(max_length=40), default=list)
    thematiques = ArrayField(models.CharField(max_length=120), default=list)
    territories = ArrayField(models.CharField(max_length=20), default=list)
    search_vector = SearchVectorField()

    class Meta:
        indexes = [
            GinIndex(fields=["search_vector"], name="search_match_vector", fastupdate=False),
            GinIndex(fields=["principals"], name="search_match_principals"),
            GinIndex(fields=["thematiques"], name="search_match_thematiques"),
            GinIndex(fields=["territories"], name="search_match_territories"),
            models.Index(fields=["kind"], name="search_match_kind"),
            models.Index(fields=["year"], name="search_match_year"),
            models.Index(fields=["-date"], name="search_match_date"),
        ]

    def __str__(self):
        return str(self.entry_id)


class SearchTerm(models.Model):
    """The words of indexed documents, for "Vouliez-vous dire" by trigram similarity."""

    term = models.CharField(max_length=60, primary_key=True, help_text="Lower case, no accents.")
    word = models.CharField(max_length=60, help_text="As written, in lower case.")

    class Meta:
        indexes = [GinIndex(fields=["term"], opclasses=["gin_trgm_ops"], name="search_term_trgm")]

    def __str__(self):
        return self.word

"""RSS and Atom feeds of the actualités, for the whole site or one thématique."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_types = {"rss": Rss201rev2Feed, "atom": Atom1Feed}

    def __init__(self, index, kind, thematique=None):
        super().__init__()
        self.index = index
        self.feed_type = self.feed_types[kind]
        self.thematique = thematique

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.thematique:
            return _("Maillage · Actualités · %(thematique)s") % {"thematique": self.thematique}
        return _("Maillage · Actualités")

    def description(self):
        return self.index.introduction or _("Les actualités du réseau de la politique de la ville.")

    subtitle = description

    def link(self):
        return self.index.get_full_url(self.request)

    def items(self):
        news = self.index.news()
        if self.thematique:
            news = news.filter(thematiques=self.thematique)
        return news.prefetch_related("thematiques")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(8)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [thematique.name for thematique in item.thematiques.all()]

"""factory-boy factories shared by every test module."""

import factory
from allauth.account.models import EmailAddress

from members.models import User
from taxonomy.models import Thematique

PASSWORD = "mot-de-passe-solide-42"


def reset_sequences():
    """Restart the numbering of every factory below, so that a test's titles and emails
    do not depend on the tests that ran before it (conftest calls it for each test)."""
    for value in globals().values():
        if isinstance(value, type) and issubclass(value, factory.Factory):
            if not value._meta.abstract:
                value.reset_sequence(force=True)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"membre{n}@exemple.fr")
    display_name = factory.Faker("name", locale="fr_FR")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Accounts made by tests have a confirmed email unless told otherwise."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()


class ThematiqueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thematique
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thématique {n}")
    slug = factory.Sequence(lambda n: f"thematique-{n}")


# --- Participation ----------------------------------------------------------------------
def make_space(title="Priorités du réseau", phases=None, memberships=(), **fields):
    """A published space under the home page; by default one current phase opening
    comments and proposals."""
    from datetime import timedelta

    from django.utils import timezone

    from home.models import HomePage
    from participation.models import SpaceMembership, SpacePage, SpacePhase

    today = timezone.localdate()
    if phases is None:
        phases = [
            {
                "title": "Contributions",
                "start_date": today - timedelta(days=5),
                "end_date": today + timedelta(days=5),
                "actions": ["propose", "comment"],
            }
        ]
    from django.utils.text import slugify

    fields.setdefault("slug", slugify(title))
    space = SpacePage(title=title, introduction="Une démarche du réseau.", **fields)
    space.phases = [SpacePhase(**phase) for phase in phases]
    HomePage.objects.first().add_child(instance=space)
    for user in memberships:
        SpaceMembership.objects.create(space=space, user=user)
    return SpacePage.objects.get(pk=space.pk)


class CommentFactory(factory.django.DjangoModelFactory):
    """A comment saved directly (no permission check); pass `content_object`."""

    class Meta:
        model = "participation.Comment"

    user = factory.SubFactory(UserFactory)
    user_name = factory.LazyAttribute(lambda o: o.user.display_name[:50])
    comment = factory.Faker("paragraph", locale="fr_FR")
    site_id = 1


# --- Editorial pages and library documents ------------------------------------------


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wagtailimages.Image"

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.django.ImageField(width=8, height=8, color="blue", filename="image.png")


class ResourceFactory(factory.django.DjangoModelFactory):
    """A library document; pass `thematiques=[...]` to classify it."""

    class Meta:
        model = "library.Resource"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Guide pratique {n}")
    file = factory.django.FileField(data=b"%PDF-1.4 demo", filename="guide.pdf")
    resource_type = "guide"
    year = 2025
    file_size = 13

    @factory.post_generation
    def thematiques(self, create, extracted, **kwargs):
        if create and extracted:
            self.thematiques.set(extracted)


class PageFactory(factory.django.DjangoModelFactory):
    """Wagtail pages are created published under `parent` (the home page by default);
    `thematiques=[...]` and `tags=[...]` are set before publishing."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, thematiques=(), tags=(), **kwargs):
        from home.models import HomePage

        page = model_class(*args, **kwargs)
        if thematiques:
            page.thematiques = list(thematiques)
        if tags:
            page.tags.add(*tags)
        (parent or HomePage.objects.get()).add_child(instance=page)
        page.save_revision().publish()
        return page


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = "editorial.NewsIndexPage"

    title = "Actualités"
    slug = "actualites"


class NewsPageFactory(PageFactory):
    class Meta:
        model = "editorial.NewsPage"

    title = factory.Sequence(lambda n: f"Actualité {n}")
    introduction = "Ce qui change pour les quartiers."


class ExperienceIndexPageFactory(PageFactory):
    class Meta:
        model = "editorial.ExperienceIndexPage"

    title = "Retours d’expérience"
    slug = "retours-experience"


class ExperiencePageFactory(PageFactory):
    class Meta:
        model = "editorial.ExperiencePage"

    title = factory.Sequence(lambda n: f"Retour d’expérience {n}")
    structure = "Centre social Les Tilleuls"
    year = 2024
    context = "<p>Un besoin constaté par les habitants.</p>"


class ThematiqueIndexPageFactory(PageFactory):
    class Meta:
        model = "editorial.ThematiqueIndexPage"

    title = "Thématiques"
    slug = "thematiques"


class ResourceIndexPageFactory(PageFactory):
    class Meta:
        model = "library.ResourceIndexPage"

    title = "Ressources"
    slug = "ressources"


class ThematiquePageFactory(PageFactory):
    class Meta:
        model = "editorial.ThematiquePage"


# --- Debates and agenda ---------------------------------------------------------------
def _now():
    from django.utils import timezone

    return timezone.now()


def _hours(hours):
    from datetime import timedelta

    return timedelta(hours=hours)


class DebateFactory(factory.django.DjangoModelFactory):
    """A debate; pass `space` (see make_space with modules=["debates"])."""

    class Meta:
        model = "debates.Debate"

    title = factory.Sequence(lambda n: f"Faut-il mutualiser les moyens n° {n} ?")
    description = factory.Faker("paragraph", locale="fr_FR")
    author = factory.SubFactory(UserFactory)


class EventFactory(factory.django.DjangoModelFactory):
    """A network-wide event in ten days, two hours long."""

    class Meta:
        model = "events.Event"

    title = factory.Sequence(lambda n: f"Rencontre trimestrielle n° {n}")
    description = factory.Faker("paragraph", locale="fr_FR")
    start_at = factory.LazyFunction(lambda: _now() + _hours(240))
    end_at = factory.LazyAttribute(lambda o: o.start_at + _hours(2))
    commune = "Marseille"


# --- Proposals ----------------------------------------------------------------------------
def _published_now():
    from django.utils import timezone

    return timezone.now()


class ProposalFactory(factory.django.DjangoModelFactory):
    """A published proposal whose author is its first, accepted, co-author; pass `space`."""

    class Meta:
        model = "proposals.Proposal"
        skip_postgeneration_save = True

    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Proposition du réseau numéro {n}")
    body = "Le constat, ce que nous proposons et pour qui."
    published_at = factory.LazyFunction(lambda: _published_now())

    @factory.post_generation
    def authorship(self, create, extracted, **kwargs):
        if create and self.author is not None:
            from proposals.models import Coauthorship

            Coauthorship.objects.create(
                proposal=self, user=self.author, accepted_at=self.published_at or self.created_at
            )


# --- Meetings: programme, workshops, registration questions --------------------------------
class WorkshopFactory(factory.django.DjangoModelFactory):
    """A workshop of `event`, an hour long from its start, for `capacity` people."""

    class Meta:
        model = "events.Workshop"

    title = factory.Sequence(lambda n: f"Atelier n° {n}")
    start_at = factory.LazyAttribute(lambda o: o.event.start_at)
    end_at = factory.LazyAttribute(lambda o: o.start_at + _hours(1))
    capacity = 10


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.ProgrammeItem"

    title = factory.Sequence(lambda n: f"Table ronde n° {n}")
    start_at = factory.LazyAttribute(lambda o: o.event.start_at)
    end_at = factory.LazyAttribute(lambda o: o.start_at + _hours(1))


class RegistrationQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.RegistrationQuestion"

    label = factory.Sequence(lambda n: f"Question n° {n}")
    kind = "text"

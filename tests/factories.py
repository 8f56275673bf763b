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


# --- Structures and the panorama ---------------------------------------------------------
class StructureFactory(factory.django.DjangoModelFactory):
    """A validated structure of the network."""

    class Meta:
        model = "structures.Structure"

    name = factory.Sequence(lambda n: f"Communauté d’agglomération n° {n}")
    type = "epci"
    validated = True


def panorama_member(departement_code=None, structure_type="epci", **profile):
    """A member counted in the panorama (and not in the directory unless told)."""
    from members.models import Profile
    from taxonomy.models import Departement

    user = UserFactory()
    fields = {"in_panorama": True, "structure_type": structure_type, **profile}
    if departement_code:
        departement = Departement.objects.get(code=departement_code)
        fields.update(departement=departement, region_id=departement.region_id)
    Profile.objects.filter(user=user).update(**fields)
    return user


# --- Messaging ----------------------------------------------------------------------------
def directory_member(**fields):
    """A member listed in the directory (whom others may write to), with a confirmed
    account older than the new-member limits of messaging unless `date_joined` is given."""
    from datetime import timedelta

    from django.utils import timezone

    fields.setdefault("date_joined", timezone.now() - timedelta(days=60))
    user = UserFactory(**fields)
    user.profile.in_directory = True
    user.profile.save(update_fields=["in_directory"])
    return user


def conversation_between(*users, body="Bonjour, pouvons-nous échanger ?"):
    """A conversation started by the first user with the others, all then listed in the
    directory (messaging's own service, so that participants, last message and
    notifications are what the site writes)."""
    from messaging.services import start_conversation

    for user in users:
        if not user.profile.in_directory:
            user.profile.in_directory = True
            user.profile.save(update_fields=["in_directory"])
    return start_conversation(users[0], list(users[1:]), body)


# --- Privacy -----------------------------------------------------------------------------
class LegalPageFactory(PageFactory):
    """A legal page; `document` is one of privacy.models.LegalDocument."""

    class Meta:
        model = "privacy.LegalPage"

    title = factory.LazyAttribute(lambda page: f"Document {page.document}")
    slug = factory.LazyAttribute(lambda page: page.document.replace("_", "-"))
    version = "1.0"


# --- Gazette ------------------------------------------------------------------------------
class GazetteIndexPageFactory(PageFactory):
    class Meta:
        model = "gazette.GazetteIndexPage"

    title = "La gazette"
    slug = "gazette"


class GazetteIssuePageFactory(PageFactory):
    """A published issue; pass `parent` (a GazetteIndexPage) and `body` as a list of
    (block name, value) pairs."""

    class Meta:
        model = "gazette.GazetteIssuePage"

    title = factory.Sequence(lambda n: f"La gazette n° {n}")
    introduction = "Les nouvelles du réseau."


class MemberSubscriberFactory(factory.django.DjangoModelFactory):
    """A member who said yes to the gazette."""

    class Meta:
        model = "gazette.Subscriber"

    user = factory.SubFactory(UserFactory)
    consented_at = factory.LazyFunction(lambda: _now())
    confirmed_at = factory.LazyFunction(lambda: _now())


class PartnerSubscriberFactory(factory.django.DjangoModelFactory):
    """A partner whose address is confirmed (pass confirmed_at=None for one who is not)."""

    class Meta:
        model = "gazette.Subscriber"

    email = factory.Sequence(lambda n: f"partenaire{n}@exemple.org")
    consented_at = factory.LazyFunction(lambda: _now())
    confirmed_at = factory.LazyFunction(lambda: _now())


# --- Surveys ------------------------------------------------------------------------------
def make_survey(questions, title="Besoins du réseau", **fields):
    """A published survey under the surveys index (created if missing); `questions` are
    the keyword arguments of each SurveyQuestion, in order."""
    from django.utils.text import slugify

    from home.models import HomePage
    from surveys.models import SurveyIndexPage, SurveyPage, SurveyQuestion

    index = SurveyIndexPage.objects.first()
    if index is None:
        index = HomePage.objects.get().add_child(
            instance=SurveyIndexPage(title="Enquêtes", slug="enquetes")
        )
    fields.setdefault("slug", slugify(title))
    survey = SurveyPage(title=title, **fields)
    survey.form_fields = [SurveyQuestion(**question) for question in questions]
    index.add_child(instance=survey)
    return SurveyPage.objects.get(pk=survey.pk)


# --- Barcamps -----------------------------------------------------------------------------
class BarcampFactory(factory.django.DjangoModelFactory):
    """A barcamp's settings on a network event in ten days (pitching and choices open)."""

    class Meta:
        model = "barcamp.BarcampSettings"

    event = factory.SubFactory(EventFactory, format="barcamp")
    vote_limit = 3

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Saving a barcamp event already gave it default settings (barcamp.signals)."""
        event = kwargs.pop("event")
        settings, _created = model_class.objects.update_or_create(event=event, defaults=kwargs)
        return settings


class BarcampRoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "barcamp.Room"

    name = factory.Sequence(lambda n: f"Salle {n}")
    capacity = 30


class BarcampSlotFactory(factory.django.DjangoModelFactory):
    """A 45-minute slot starting `hour` hours after the event's start (pass `barcamp`)."""

    class Meta:
        model = "barcamp.TimeSlot"
        exclude = ["hour"]

    hour = factory.Sequence(lambda n: n)
    starts_at = factory.LazyAttribute(lambda o: o.barcamp.event.start_at + _hours(o.hour))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + _hours(0.75))


class BarcampSessionFactory(factory.django.DjangoModelFactory):
    """A pitched session (pass `barcamp`)."""

    class Meta:
        model = "barcamp.Session"

    title = factory.Sequence(lambda n: f"Session ouverte numéro {n}")
    pitch = "Venez partager vos pratiques et vos questions."
    pitcher = factory.SubFactory(UserFactory)


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


# --- Follow-up of priorities (accountability) ---------------------------------------------
class AccountabilityStatusFactory(factory.django.DjangoModelFactory):
    """A status of `space`'s follow-up."""

    class Meta:
        model = "accountability.Status"

    name = factory.Sequence(lambda n: f"État {n}")
    progress = 50
    order = factory.Sequence(lambda n: n)


class ResultFactory(factory.django.DjangoModelFactory):
    """A result (chantier) of `space`, without status unless given."""

    class Meta:
        model = "accountability.Result"

    title = factory.Sequence(lambda n: f"Chantier numéro {n}")
    description = "Ce qui a été décidé et comment le réseau le met en œuvre."

"""Events of the agenda (the network's, and those of public spaces) and the resources of
the library outside restricted collections."""

from django.utils.translation import gettext_lazy as _

from events.models import Event
from library.models import Resource
from opendata.datasets.common import ANONYMOUS, CHUNK, absolute, moment, names, territory
from opendata.registry import Column

EVENT_COLUMNS = [
    Column("id", _("Identifiant de l’événement sur Maillage.")),
    Column("titre", _("Titre de l’événement.")),
    Column("format", _("Rencontre thématique, visite de site, webinaire, barcamp…")),
    Column("description", _("Programme, public attendu, intervenants (texte simple).")),
    Column("debut", _("Début (ISO 8601, avec le décalage horaire).")),
    Column("fin", _("Fin (ISO 8601, avec le décalage horaire).")),
    Column("adresse", _("Adresse du lieu, vide pour un événement en ligne.")),
    Column("commune", _("Commune du lieu.")),
    Column("departement", _("Département (nom et code).")),
    Column("region", _("Région.")),
    Column("demarche", _("Démarche participative de l’événement, vide pour tout le réseau.")),
    Column("thematiques", _("Thématiques, séparées par « ; ».")),
    Column("places", _("Nombre de places, vide si illimité.")),
    Column("inscrits", _("Nombre d’inscriptions confirmées.")),
    Column("archive", _("Vrai si l’événement a quitté l’agenda (sa page reste en ligne).")),
    Column("url", _("Adresse de l’événement sur Maillage.")),
]


def event_rows():
    events = (
        Event.objects.visible_to(ANONYMOUS)
        .select_related("departement__region", "space")
        .prefetch_related("thematiques")
        .with_registration_counts()
        .order_by("start_at", "pk")
    )
    for event in events.iterator(chunk_size=CHUNK):
        yield (
            event.pk,
            event.title,
            event.get_format_display(),
            event.description,
            moment(event.start_at),
            moment(event.end_at),
            event.address,
            event.commune,
            str(event.departement) if event.departement_id else "",
            event.departement.region.name if event.departement_id else "",
            event.space.title if event.space_id else "",
            names(event.thematiques.all()),
            event.capacity,
            event.confirmed_count,
            event.archived,
            absolute(event.get_absolute_url()),
        )


RESOURCE_COLUMNS = [
    Column("id", _("Identifiant de la ressource sur Maillage.")),
    Column("titre", _("Titre du document.")),
    Column("type", _("Type de ressource (guide, étude, fiche…).")),
    Column("annee", _("Année de publication du document.")),
    Column("source", _("Auteur ou structure source.")),
    Column("thematiques", _("Thématiques, séparées par « ; ».")),
    Column("region", _("Région concernée, vide si aucune.")),
    Column("departement", _("Département concerné (nom et code), vide si aucun.")),
    Column("format", _("Extension du fichier (pdf, docx, odt…).")),
    Column("taille_octets", _("Taille du fichier en octets.")),
    Column("ajoutee_le", _("Date d’ajout à la bibliothèque (ISO 8601).")),
    Column("telechargement", _("Adresse de téléchargement du document.")),
]


def resource_rows():
    resources = (
        Resource.objects.public()
        .select_related("region", "departement")
        .prefetch_related("thematiques")
        .order_by("pk")
    )
    for resource in resources.iterator(chunk_size=CHUNK):
        yield (
            resource.pk,
            resource.title,
            resource.get_resource_type_display(),
            resource.year,
            resource.source,
            names(resource.thematiques.all()),
            *territory(resource),
            resource.file_extension,
            resource.file_size,
            moment(resource.created_at),
            absolute(resource.url),
        )

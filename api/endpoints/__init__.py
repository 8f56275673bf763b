"""The endpoints the API itself publishes, in the order of the documentation; other apps
add theirs through `api.registry`."""

from api.endpoints.debates import debates
from api.endpoints.editorial import experiences, news
from api.endpoints.events import events
from api.endpoints.library import resources
from api.endpoints.panorama import panorama
from api.endpoints.proposals import proposals
from api.endpoints.spaces import spaces
from api.endpoints.structures import structures
from api.endpoints.taxonomy import territories, thematiques

ENDPOINTS = [
    ("actualites", news),
    ("retours-experience", experiences),
    ("ressources", resources),
    ("thematiques", thematiques),
    ("territoires", territories),
    ("demarches", spaces),
    ("propositions", proposals),
    ("debats", debates),
    ("evenements", events),
    ("structures", structures),
    ("panorama", panorama),
]

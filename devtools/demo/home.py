"""The home page's introduction and calls to action."""

from django.urls import reverse

from home.models import HomePage

INTRODUCTION = (
    "Centres de ressources, chefs de projet, délégués du préfet, collectivités et bailleurs : "
    "Maillage réunit le réseau de la politique de la ville pour s’informer, partager ses "
    "pratiques, décider ensemble de ses priorités et se rencontrer."
)


def seed(stdout):
    home = HomePage.objects.first()
    if home is None or home.calls_to_action:
        return
    home.introduction = INTRODUCTION
    home.calls_to_action = [
        (
            "call_to_action",
            {
                "title": "Trouver un pair",
                "text": "Cherchez dans l’annuaire les collègues qui travaillent sur les mêmes sujets que vous.",
                "button_label": "Ouvrir l’annuaire",
                "link": {"page": None, "url": reverse("members:directory")},
            },
        ),
        (
            "call_to_action",
            {
                "title": "Compléter mon profil",
                "text": "Votre structure, votre territoire, vos thématiques : une minute pour être trouvé.",
                "button_label": "Mon profil",
                "link": {"page": None, "url": reverse("members:profile_edit")},
            },
        ),
    ]
    home.save_revision().publish()
    stdout.write("Page d’accueil : introduction et appels à l’action.")

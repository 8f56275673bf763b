"""The events module's models, one file per concern; imported from here."""

from events.models.events import (
    DEPARTEMENT_TIME_ZONES,
    PARIS,
    TIME_ZONES,
    Event,
    EventFormat,
    EventQuerySet,
    Registration,
    RegistrationStatus,
)
from events.models.minutes import MinutesDebate, MinutesDocument, MinutesPhoto, MinutesProposal
from events.models.programme import ProgrammeItem, Workshop
from events.models.questions import (
    CHOICE_KINDS,
    QuestionKind,
    RegistrationAnswer,
    RegistrationQuestion,
)

__all__ = [
    "CHOICE_KINDS",
    "DEPARTEMENT_TIME_ZONES",
    "PARIS",
    "TIME_ZONES",
    "Event",
    "EventFormat",
    "EventQuerySet",
    "MinutesDebate",
    "MinutesDocument",
    "MinutesPhoto",
    "MinutesProposal",
    "ProgrammeItem",
    "QuestionKind",
    "Registration",
    "RegistrationAnswer",
    "RegistrationQuestion",
    "RegistrationStatus",
    "Workshop",
]

from proposals.models.proposals import (
    Attachment,
    AttachmentKind,
    Coauthorship,
    Proposal,
    ProposalQuerySet,
    State,
    Vote,
)
from proposals.models.settings import ProposalSettings

__all__ = [
    "Attachment",
    "AttachmentKind",
    "Coauthorship",
    "Proposal",
    "ProposalQuerySet",
    "ProposalSettings",
    "State",
    "Vote",
]

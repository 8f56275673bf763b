"""The gazette's models, one module per concern."""

from gazette.models.deliveries import Delivery, DeliveryStatus, Sending
from gazette.models.pages import GazetteIndexPage, GazetteIssuePage
from gazette.models.subscribers import Subscriber

__all__ = [
    "Delivery",
    "DeliveryStatus",
    "GazetteIndexPage",
    "GazetteIssuePage",
    "Sending",
    "Subscriber",
]

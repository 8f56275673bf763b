"""The members app's models: accounts, profiles, and the panorama built from profiles."""

from members.models.accounts import User, UserManager
from members.models.panorama import PanoramaPage, PanoramaSnapshot
from members.models.profiles import (
    Mission,
    Profile,
    ProfileQuerySet,
    StructureType,
    TeamSize,
    TimeShare,
    YearsInPost,
)

__all__ = [
    "Mission",
    "PanoramaPage",
    "PanoramaSnapshot",
    "Profile",
    "ProfileQuerySet",
    "StructureType",
    "TeamSize",
    "TimeShare",
    "User",
    "UserManager",
    "YearsInPost",
]

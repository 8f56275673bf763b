"""Editorial pages: actualités, retours d'expérience and thématique pages."""

from editorial.models.article import ArticlePage
from editorial.models.experience import ExperienceContact, ExperienceIndexPage, ExperiencePage
from editorial.models.news import NewsIndexPage, NewsPage, NewsPageTag
from editorial.models.thematique import ThematiqueIndexPage, ThematiquePage

__all__ = [
    "ArticlePage",
    "ExperienceContact",
    "ExperienceIndexPage",
    "ExperiencePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "ThematiqueIndexPage",
    "ThematiquePage",
]

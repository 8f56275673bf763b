"""The surveys app's models: its pages (pages.py) and what respondents leave (records.py)."""

from surveys.pages import SurveyIndexPage, SurveyPage, SurveyQuestion
from surveys.records import Answer, Invitation, Participation

__all__ = [
    "Answer",
    "Invitation",
    "Participation",
    "SurveyIndexPage",
    "SurveyPage",
    "SurveyQuestion",
]

"""Demo surveys: the 2017 survey on networking needs, closed, with answers that give
back its published results (98 % find the network useful or essential, 36 % name the
lack of time...), and an open survey on the next national gathering. Texts and figures
live in data/surveys/; the 2017 answers are laid out from the published counts, with no
randomness, so that every seed shows the same shares."""

import json
from datetime import datetime, timedelta
from pathlib import Path

from django.utils import timezone
from wagtail.contrib.forms.utils import get_field_clean_name

from home.models import HomePage
from members.models import User
from surveys import kinds
from surveys.models import Answer, SurveyIndexPage, SurveyPage, SurveyQuestion

DATA = json.loads((Path(__file__).parent / "data" / "surveys" / "surveys.json").read_text("utf-8"))
QUESTION_FIELDS = {
    "label",
    "field_type",
    "required",
    "choices",
    "rows",
    "other_choice",
    "max_choices",
    "condition_question",
    "condition_value",
    "profile_field",
}


def survey_index(home):
    index = SurveyIndexPage.objects.first()
    if index is None:
        spec = DATA["index"]
        index = home.add_child(instance=SurveyIndexPage(**spec))
        index.save_revision().publish()
    return index


def add_survey(index, spec, **fields):
    survey = SurveyPage(
        slug=spec["slug"], title=spec["title"], introduction=spec["introduction"], **fields
    )
    survey.form_fields = [
        SurveyQuestion(**{key: value for key, value in question.items() if key in QUESTION_FIELDS})
        for question in spec["questions"]
    ]
    index.add_child(instance=survey)
    survey.save_revision().publish()
    return survey


def options(question):
    choices = [line.strip() for line in question.get("choices", "").splitlines() if line.strip()]
    if question["field_type"] == kinds.SCALE:
        return kinds.SCALE_VALUES
    return choices + ([kinds.OTHER] if question.get("other_choice") else [])


def laid_out(question, respondents):
    """Each respondent's answer to `question` from its published counts: the options are
    laid end to end around the respondents, so a multiple-choice respondent gets two or
    three options, never one twice."""
    answers = [[] for _ in range(respondents)]
    position = 0
    for option, count in zip(options(question), question["counts"], strict=True):
        for step in range(count):
            answers[(position + step) % respondents].append(option)
        position += count
    if question["field_type"] == kinds.MULTIPLE:
        return answers
    return [values[0] if values else None for values in answers]


def networking_answers(spec):
    """The 2017 answers (`form_data` of each respondent)."""
    respondents = spec["respondents"]
    answers = [{} for _ in range(respondents)]
    for question in spec["questions"]:
        name = get_field_clean_name(question["label"])
        if "counts" in question:
            for data, value in zip(answers, laid_out(question, respondents), strict=True):
                if value not in (None, []):
                    data[name] = value
        for number, text in enumerate(question.get("texts", [])):
            answers[number][name] = text
        others = question.get("others")
        if others:
            chose_other = [data for data in answers if kinds.OTHER in data.get(name, [])]
            for number, data in enumerate(chose_other):
                data[f"{name}__autre"] = others[number % len(others)]
    return answers


def seed_networking_2017(index):
    spec = DATA["networking_2017"]
    if SurveyPage.objects.filter(slug=spec["slug"]).exists():
        return 0
    answers = networking_answers(spec)
    survey = add_survey(
        index,
        spec,
        opens_at=datetime.fromisoformat(spec["opens_at"]),
        closes_at=datetime.fromisoformat(spec["closes_at"]),
        anonymous=True,
        results_visibility=SurveyPage.ResultsVisibility.PUBLIC,
        results_summary=spec["results_summary"],
    )
    answers = Answer.objects.bulk_create(Answer(page=survey, form_data=data) for data in answers)
    # Anonymous answers are dated to the day, here within the survey's weeks.
    start = datetime.fromisoformat(spec["opens_at"])
    for number, answer in enumerate(answers):
        Answer.objects.filter(pk=answer.pk).update(submit_time=start + timedelta(days=number))
    return 1


def seed_national_gathering(index):
    spec = DATA["national_gathering"]
    if SurveyPage.objects.filter(slug=spec["slug"]).exists():
        return 0
    now = timezone.now()
    survey = add_survey(
        index,
        spec,
        opens_at=now - timedelta(days=spec["opened_days_ago"]),
        closes_at=now + timedelta(days=spec["closes_in_days"]),
        open_to_invited=True,
        results_visibility=SurveyPage.ResultsVisibility.RESPONDENTS,
        thank_you_text=spec["thank_you_text"],
    )
    members = User.objects.in_bulk(
        [answer["member"] for answer in spec["answers"]], field_name="email"
    )
    Answer.objects.bulk_create(
        Answer(
            page=survey,
            user=members[answer["member"]],
            form_data={
                get_field_clean_name(label): value for label, value in answer["data"].items()
            },
        )
        for answer in spec["answers"]
        if answer["member"] in members
    )
    return 1


def seed(stdout):
    home = HomePage.objects.first()
    if home is None:
        stdout.write("Enquêtes : page d’accueil absente, enquêtes non créées.")
        return
    index = survey_index(home)
    created = seed_networking_2017(index) + seed_national_gathering(index)
    stdout.write(f"Enquêtes : {created} enquête(s) ajoutée(s).")

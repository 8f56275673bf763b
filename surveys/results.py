"""A survey's results: one chart per counted question (a grid: one per row), computed
from the stored answers in one query whatever their number; free answers (texts, dates,
numbers, "Autre" details) gathered for the editors; the rows of the CSV exports."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from content.charts import BarChart, csv_header, csv_rows
from surveys import kinds


@dataclass
class QuestionResult:
    question: object
    respondents: int
    charts: list = field(default_factory=list)
    free_answers: list = field(default_factory=list)


def _description(question, respondents):
    return ngettext(
        "%(count)d personne a répondu à cette question.",
        "%(count)d personnes ont répondu à cette question.",
        respondents,
    ) % {"count": respondents}


def _label(value):
    return _("Autre") if value == kinds.OTHER else str(value)


def _chart(title, description, options, counter, respondents):
    rows = [(_label(option), counter.get(option, 0)) for option in options]
    return BarChart(title, description, rows, total=respondents)


def question_result(question, values, others):
    """`values`: the answers to the question, one per respondent who answered it;
    `others`: the texts given for "Autre"."""
    respondents = len(values)
    result = QuestionResult(question, respondents)
    description = _description(question, respondents)
    if question.kind in (kinds.SINGLE, kinds.MULTIPLE):
        counter = Counter()
        for value in values:
            counter.update(value if isinstance(value, list) else [value])
        options = [choice for choice, _label in question.option_choices()]
        result.charts.append(_chart(question.label, description, options, counter, respondents))
        result.free_answers = others
    elif question.kind == kinds.SCALE:
        counter = Counter(values)
        result.charts.append(
            _chart(question.label, description, kinds.SCALE_VALUES, counter, respondents)
        )
    elif question.kind == kinds.RANKING:
        counter = Counter(value[0] for value in values if value)
        title = _("%(question)s — classé en premier") % {"question": question.label}
        result.charts.append(_chart(title, description, question.choices, counter, respondents))
    elif question.kind == kinds.MATRIX:
        for row in question.rows:
            row_values = [value[row] for value in values if row in value]
            counter = Counter(row_values)
            title = f"{question.label} — {row}"
            result.charts.append(
                _chart(
                    title,
                    _description(question, len(row_values)),
                    question.choices,
                    counter,
                    len(row_values),
                )
            )
    else:
        result.free_answers = [str(value) for value in values]
    return result


def survey_results(questions, answers):
    """The results of every question, from the `form_data` of each answer."""
    results = []
    for question in questions:
        if question.is_section:
            continue
        values = [data[question.name] for data in answers if question.name in data]
        others = [data[question.other_name] for data in answers if data.get(question.other_name)]
        results.append(question_result(question, values, others))
    return results


def results_csv_rows(results):
    """The figures of every chart (small counts hidden, as on the page)."""
    for result in results:
        for chart in result.charts:
            for row in csv_rows(chart):
                yield [chart.title, *row]


def results_csv_header():
    return [_("Question"), *csv_header()]


def _cell(question, data):
    value = data.get(question.name)
    if isinstance(value, dict):
        return " ; ".join(f"{row} : {column}" for row, column in value.items())
    if isinstance(value, list):
        return " ; ".join(_label(item) for item in value)
    return "" if value is None else _label(value)


def answers_csv_header(questions, with_member):
    header = [_("Date")] + ([_("Membre")] if with_member else [])
    for question in questions:
        if question.is_section:
            continue
        header.append(question.label)
        if question.other:
            header.append(_("%(question)s — autre") % {"question": question.label})
    return header


def answers_csv_rows(questions, answers, with_member):
    """One row per answer (`answers`: Answer rows, with their member when not anonymous)."""
    for answer in answers:
        data = answer.form_data
        row = [answer.submit_time.date().isoformat()]
        if with_member:
            row.append(answer.user.email if answer.user_id else "")
        for question in questions:
            if question.is_section:
                continue
            row.append(_cell(question, data))
            if question.other:
                row.append(data.get(question.other_name, ""))
        yield row

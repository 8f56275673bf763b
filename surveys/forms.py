"""The answering form, built by a subclass of Wagtail's form builder from the questions
an editor wrote, and the admin's checks on those questions.

Every Django field is optional: whether a question must be answered depends on whether it
is shown, which depends on earlier answers, so `SurveyForm.clean()` decides it, on the
server, with or without JavaScript. A hidden question's answer is dropped."""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

from surveys import kinds

PROFILE_UPDATE = "mettre_a_jour_mon_profil"


def split_lines(text):
    """Options typed one per line (or, on a single line, separated by commas, as Wagtail
    reads its choices)."""
    lines = [line.strip() for line in (text or "").strip().splitlines()]
    if len(lines) == 1:
        lines = [part.strip() for part in lines[0].split(",")]
    return [line for line in lines if line]


@dataclass
class Question:
    """What the form and the results need of one question, read once from its row."""

    name: str
    kind: str
    label: str
    help_text: str = ""
    required: bool = False
    choices: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    other: bool = False
    max_choices: int | None = None
    condition_name: str = ""
    condition_label: str = ""
    condition_value: str = ""
    profile_field: str = ""

    @classmethod
    def from_row(cls, row, names_by_label):
        condition_label = (row.condition_question or "").strip()
        return cls(
            name=row.clean_name or row.get_field_clean_name(),
            kind=row.field_type,
            label=row.label,
            help_text=row.help_text,
            required=row.required and row.field_type != kinds.SECTION,
            choices=split_lines(row.choices) if row.field_type in kinds.WITH_CHOICES else [],
            rows=split_lines(row.rows) if row.field_type == kinds.MATRIX else [],
            other=row.other_choice and row.field_type in kinds.WITH_OTHER,
            max_choices=row.max_choices if row.field_type == kinds.MULTIPLE else None,
            condition_name=names_by_label.get(condition_label.casefold(), ""),
            condition_label=condition_label,
            condition_value=(row.condition_value or "").strip(),
            profile_field=row.profile_field or "",
        )

    @property
    def is_section(self):
        return self.kind == kinds.SECTION

    @property
    def other_name(self):
        return f"{self.name}__autre"

    def part_name(self, index):
        return f"{self.name}__{index}"

    def field_names(self):
        if self.kind in (kinds.RANKING, kinds.MATRIX):
            parts = self.choices if self.kind == kinds.RANKING else self.rows
            return [self.part_name(i) for i in range(len(parts))]
        if self.is_section:
            return []
        return [self.name, *([self.other_name] if self.other else [])]

    def option_choices(self):
        options = [(choice, choice) for choice in self.choices]
        return [*options, (kinds.OTHER, _("Autre"))] if self.other else options


def matches(answer, expected):
    """Whether an earlier answer shows a conditional question: the expected value is the
    answer, one of the chosen options, or one of a grid's chosen columns."""
    expected = expected.casefold()
    if isinstance(answer, dict):
        answer = list(answer.values())
    if isinstance(answer, list):
        return any(str(item).casefold() == expected for item in answer)
    return answer is not None and str(answer).casefold() == expected


class SurveyFormBuilder(FormBuilder):
    """Wagtail's form builder, one or more Django fields per question (a ranking has a
    field per option, a grid one per row, a choice with "Autre" a text field for it)."""

    def __init__(self, fields):
        super().__init__(fields)
        rows = list(fields)
        names = {
            row.label.strip().casefold(): row.clean_name or row.get_field_clean_name()
            for row in rows
        }
        self.questions = [Question.from_row(row, names) for row in rows]

    @property
    def formfields(self):
        formfields = {}
        for question in self.questions:
            formfields.update(self.question_fields(question))
        return formfields

    def question_fields(self, question):
        # The help text is shown by the survey's own template (escaped), not by the field.
        options = {"label": question.label, "required": False}
        if question.kind == kinds.SHORT:
            return {question.name: forms.CharField(max_length=255, **options)}
        if question.kind == kinds.LONG:
            return {
                question.name: forms.CharField(
                    max_length=5000, widget=forms.Textarea(attrs={"rows": 4}), **options
                )
            }
        if question.kind == kinds.DATE:
            return {question.name: forms.DateField(widget=DateInput, **options)}
        if question.kind == kinds.NUMBER:
            return {question.name: forms.DecimalField(max_digits=12, decimal_places=2, **options)}
        if question.kind == kinds.SCALE:
            scale = [(value, str(value)) for value in kinds.SCALE_VALUES]
            return {
                question.name: forms.TypedChoiceField(
                    choices=scale, coerce=int, widget=forms.RadioSelect, **options
                )
            }
        if question.kind in kinds.WITH_OTHER:
            field_class, widget = (
                (forms.ChoiceField, forms.RadioSelect)
                if question.kind == kinds.SINGLE
                else (forms.MultipleChoiceField, forms.CheckboxSelectMultiple)
            )
            fields = {
                question.name: field_class(
                    choices=question.option_choices(), widget=widget, **options
                )
            }
            if question.other:
                fields[question.other_name] = forms.CharField(
                    label=_("Précisez votre réponse « Autre »"), max_length=255, required=False
                )
            return fields
        if question.kind == kinds.RANKING:
            ranks = [("", "—")] + [(n, str(n)) for n in range(1, len(question.choices) + 1)]
            return {
                question.part_name(i): forms.TypedChoiceField(
                    label=choice, choices=ranks, coerce=int, empty_value=None, required=False
                )
                for i, choice in enumerate(question.choices)
            }
        if question.kind == kinds.MATRIX:
            columns = [(column, column) for column in question.choices]
            return {
                question.part_name(i): forms.ChoiceField(
                    label=row, choices=columns, widget=forms.RadioSelect, required=False
                )
                for i, row in enumerate(question.rows)
            }
        return {}

    def get_form_class(self):
        attrs = {**self.formfields, "questions": self.questions}
        return type("SurveyAnswerForm", (SurveyForm,), attrs)


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


class SurveyForm(BaseForm):
    """The answering form; `answers` (after validation) holds one JSON-ready value per
    question shown and answered: text, number, list of options, {row: column}..."""

    questions = []

    def __init__(self, *args, offer_profile_update=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = {}
        if offer_profile_update:
            self.fields[PROFILE_UPDATE] = forms.BooleanField(
                label=_("Mettre à jour mon profil avec mes réponses"),
                help_text=_(
                    "Les réponses signalées « reprise dans votre profil » y remplacent "
                    "ce qui y figure."
                ),
                required=False,
            )

    @classmethod
    def initial_from(cls, answers):
        """The form's initial data from a stored answer (to edit it)."""
        initial = {}
        for question in cls.questions:
            value = answers.get(question.name)
            if value is None:
                continue
            if question.kind == kinds.RANKING:
                for rank, choice in enumerate(value, start=1):
                    if choice in question.choices:
                        initial[question.part_name(question.choices.index(choice))] = rank
            elif question.kind == kinds.MATRIX:
                for i, row in enumerate(question.rows):
                    initial[question.part_name(i)] = value.get(row)
            else:
                initial[question.name] = value
            if question.other and answers.get(question.other_name):
                initial[question.other_name] = answers[question.other_name]
        return initial

    def items(self):
        """Each question with its bound fields, for the template."""
        for question in self.questions:
            yield question, [self[name] for name in question.field_names()]

    def wants_profile_update(self):
        return bool(self.cleaned_data.get(PROFILE_UPDATE))

    def profile_values(self):
        """{profile field: answer} for the questions that fill a profile field."""
        return {
            question.profile_field: self.answers[question.name]
            for question in self.questions
            if question.profile_field and question.name in self.answers
        }

    def clean(self):
        cleaned = super().clean()
        raw = {question.name: self._value(question, cleaned) for question in self.questions}
        by_name = {question.name: question for question in self.questions}
        shown = {}

        def is_shown(question, seen=()):
            if question.name in shown:
                return shown[question.name]
            result = True
            if question.condition_label:
                parent = by_name.get(question.condition_name)
                result = (
                    parent is not None
                    and parent.name not in seen
                    and is_shown(parent, (*seen, question.name))
                    and matches(raw.get(parent.name), question.condition_value)
                )
            shown[question.name] = result
            return result

        for question in self.questions:
            if question.is_section or not is_shown(question):
                continue
            value = raw[question.name]
            if self._check(question, value, cleaned) and value not in (None, "", [], {}):
                self.answers[question.name] = value
                if question.other and self._chose_other(value):
                    self.answers[question.other_name] = cleaned.get(question.other_name, "")
        return cleaned

    @staticmethod
    def _chose_other(value):
        return value == kinds.OTHER or (isinstance(value, list) and kinds.OTHER in value)

    def _value(self, question, cleaned):
        if question.kind == kinds.RANKING:
            ranks = {
                choice: cleaned.get(question.part_name(i))
                for i, choice in enumerate(question.choices)
            }
            ranked = [(rank, choice) for choice, rank in ranks.items() if rank]
            return [choice for _rank, choice in sorted(ranked)]
        if question.kind == kinds.MATRIX:
            return {
                row: cleaned[question.part_name(i)]
                for i, row in enumerate(question.rows)
                if cleaned.get(question.part_name(i))
            }
        value = cleaned.get(question.name)
        if question.kind == kinds.DATE and value:
            return value.isoformat()
        if question.kind == kinds.NUMBER and value is not None:
            return format(value.normalize(), "f")
        if isinstance(value, str):
            return value.strip()
        return value

    def _check(self, question, value, cleaned):
        """Add the errors of a shown question; True when its answer may be kept."""
        names = question.field_names()
        if any(name in self.errors for name in names):
            return False
        first = names[0]
        errors = []
        if question.required and value in (None, "", [], {}):
            errors.append(_("Cette question demande une réponse."))
        if (
            question.kind == kinds.MATRIX
            and question.required
            and 0 < len(value) < len(question.rows)
        ):
            errors.append(_("Répondez pour chaque ligne de la grille."))
        if question.kind == kinds.RANKING:
            ranks = [cleaned.get(name) for name in names if cleaned.get(name)]
            if len(ranks) != len(set(ranks)):
                errors.append(_("Chaque rang ne peut être donné qu’une fois."))
            elif question.required and len(ranks) < len(names):
                errors.append(_("Classez toutes les propositions."))
        if question.max_choices and isinstance(value, list) and len(value) > question.max_choices:
            errors.append(
                ngettext(
                    "Choisissez au plus %(count)d réponse.",
                    "Choisissez au plus %(count)d réponses.",
                    question.max_choices,
                )
                % {"count": question.max_choices}
            )
        if question.other and self._chose_other(value) and not cleaned.get(question.other_name):
            first = question.other_name
            errors.append(_("Précisez votre réponse « Autre »."))
        for error in errors:
            self.add_error(first, error)
        return not errors


class SurveyPageAdminForm(WagtailAdminFormPageForm):
    """Wagtail's checks on form fields, plus the survey's own: options where a kind needs
    them, and conditions that name another question of the survey."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned
        rows = [
            form
            for form in formset.forms
            if form.is_valid() and not form.cleaned_data.get("DELETE", False)
        ]
        labels = {(form.cleaned_data.get("label") or "").strip().casefold() for form in rows}
        for form in rows:
            data = form.cleaned_data
            kind = data.get("field_type")
            if kind in kinds.WITH_CHOICES and not split_lines(data.get("choices")):
                form.add_error("choices", gettext_lazy("Ce type de question demande des choix."))
            if kind == kinds.MATRIX and not split_lines(data.get("rows")):
                form.add_error("rows", gettext_lazy("Une grille demande au moins une ligne."))
            condition = (data.get("condition_question") or "").strip()
            if condition and (
                condition.casefold() not in labels
                or condition.casefold() == (data.get("label") or "").strip().casefold()
            ):
                form.add_error(
                    "condition_question",
                    gettext_lazy("Recopiez l’intitulé exact d’une autre question de l’enquête."),
                )
            if condition and not (data.get("condition_value") or "").strip():
                form.add_error(
                    "condition_value", gettext_lazy("Indiquez la réponse qui affiche la question.")
                )
        return cleaned


class InvitationForm(forms.Form):
    emails = forms.CharField(
        label=gettext_lazy("Adresses e-mail"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Une adresse par ligne (ou séparées par des virgules)."),
    )

    def clean_emails(self):
        validator = forms.EmailField()
        addresses, wrong = [], []
        for part in self.cleaned_data["emails"].replace(",", "\n").splitlines():
            address = part.strip()
            if not address:
                continue
            try:
                addresses.append(validator.clean(address).lower())
            except forms.ValidationError:
                wrong.append(address)
        if wrong:
            raise forms.ValidationError(
                _("Adresses invalides : %(list)s") % {"list": ", ".join(wrong)}
            )
        if not addresses:
            raise forms.ValidationError(_("Indiquez au moins une adresse."))
        return list(dict.fromkeys(addresses))

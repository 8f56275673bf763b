"""The filters of the network's agenda."""

import calendar
from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.filters import ThematiqueFilter
from events.models import EventFormat
from taxonomy.models import Departement, Region


class AgendaFilterSet(django_filters.FilterSet):
    """Events by period, type, thematique, région and département. The period is a filter even when
    nothing is chosen (upcoming events), so the set is always bound."""

    when = django_filters.ChoiceFilter(
        label=_("Période"),
        choices=[("past", _("Passés"))],
        empty_label=_("À venir"),
        method="within_period",
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=EventFormat.choices, empty_label=_("Tous")
    )
    thematique = ThematiqueFilter(empty_label=_("Toutes"))
    region = django_filters.ModelChoiceFilter(
        field_name="departement__region",
        label=_("Région"),
        queryset=Region.objects.all(),
        empty_label=_("Toutes"),
    )
    departement = django_filters.ModelChoiceFilter(
        label=_("Département"),
        queryset=Departement.objects.order_by("code"),
        empty_label=_("Tous"),
    )
    month = django_filters.DateFilter(
        label=_("Mois"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month", "placeholder": "2026-03"}, format="%Y-%m"),
        help_text=_("Au format AAAA-MM, par exemple 2026-03."),
        method="within_period",
    )

    def __init__(self, data=None, *args, now=None, **kwargs):
        super().__init__(data or {}, *args, **kwargs)
        # The minute, not the microsecond: the same list for a minute has the same query,
        # so the agenda's cached results (its fragment is renewed each minute) serve it.
        self.now = now or timezone.now().replace(second=0, microsecond=0)

    def filter_queryset(self, queryset):
        """A chosen month shows that month in order; otherwise upcoming events come
        first and past ones are one choice away."""
        data = self.form.cleaned_data
        if data.get("month"):
            month = data["month"]
            queryset = queryset.filter(
                start_at__gte=_month_start(month), start_at__lt=_month_start(_next_month(month))
            ).order_by("start_at", "pk")
        elif data.get("when") == "past":
            queryset = queryset.past(self.now)
        else:
            queryset = queryset.upcoming(self.now)
        return super().filter_queryset(queryset)

    def within_period(self, queryset, name, value):
        """The period and the month are applied together, by `filter_queryset`."""
        return queryset

    @property
    def showing_past(self):
        return self.form.is_valid() and self.form.cleaned_data["when"] == "past"


def _month_start(day):
    return timezone.make_aware(datetime.combine(date(day.year, day.month, 1), time.min))


def _next_month(day):
    last = calendar.monthrange(day.year, day.month)[1]
    return date(day.year, day.month, last) + timedelta(days=1)

"""Debates in the Wagtail admin: moderators open, edit and close them (filling in the
conclusions closes the debate and tells its followers); the list filters by space,
status and thématique."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from debates import services
from debates.models import Debate, DebateStatus
from participation.spaces.api import SpacePage


class DebateAdminFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("État"), choices=DebateStatus.choices, method="with_status"
    )
    space = django_filters.ModelChoiceFilter(
        label=_("Démarche"),
        queryset=SpacePage.objects.filter(modules__contains=["debates"]).order_by("title"),
    )
    is_hidden = django_filters.BooleanFilter(label=_("Masqué par la modération"))

    class Meta:
        model = Debate
        fields = []

    def with_status(self, queryset, name, value):
        return queryset.with_status(value)


class DebateAdminForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        space = data.get("space")
        if space is not None and not space.specific.uses("debates"):
            self.add_error("space", _("Cette démarche n’utilise pas les débats."))
        start, end = data.get("start_at"), data.get("end_at")
        if start and end and end <= start:
            self.add_error("end_at", _("La clôture doit suivre l’ouverture."))
        return data


class DebateIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("space", "author")


class DebateCreateView(CreateView):
    def save_instance(self):
        debate = self.form.save(commit=False)
        return services.open_debate(
            self.request.user,
            debate.space,
            debate,
            self.form.cleaned_data["thematiques"],
            conclusions=self.form.cleaned_data["conclusions"],
        )


class DebateEditView(EditView):
    def save_instance(self):
        debate = super().save_instance()
        if debate.conclusions and debate.closed_at is None:
            services.close_debate(self.request.user, debate, debate.conclusions)
        return debate


class DebateViewSet(SnippetViewSet):
    model = Debate
    icon = "group"
    menu_label = _("Débats")
    menu_order = 110
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = DebateIndexView
    add_view_class = DebateCreateView
    edit_view_class = DebateEditView
    filterset_class = DebateAdminFilterSet
    search_fields = ["title", "description"]
    search_backend_name = None
    list_display = ["title", "space", "author", "created_at", "closed_at"]
    list_per_page = 50
    ordering = ["-created_at"]

    edit_handler = ObjectList(
        [
            FieldPanel("space", help_text=_("Une démarche qui utilise les débats.")),
            FieldPanel("title"),
            FieldPanel("description"),
            FieldPanel("instructions"),
            FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")]),
            FieldPanel("thematiques", widget=forms.CheckboxSelectMultiple),
            MultiFieldPanel(
                [FieldPanel("conclusions")],
                heading=_("Clôture"),
                help_text=_(
                    "Écrire les conclusions clôt le débat ; les personnes qui le suivent sont "
                    "prévenues."
                ),
            ),
        ],
        base_form_class=DebateAdminForm,
    )

"""The panorama pages: live figures (filterable, CSV), and the frozen snapshots."""

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.charts import csv_header, csv_rows
from maillage.csv_export import csv_response
from members.models import PanoramaPage, PanoramaSnapshot, StructureType
from members.panorama.charts import build_panorama
from members.panorama.figures import live_figures
from members.panorama.map import choropleth
from taxonomy.models import Region


class PanoramaFilterForm(forms.Form):
    """The GET form of the panorama; an unknown value is ignored with its error shown."""

    region = forms.ModelChoiceField(
        label=gettext_lazy("Région"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=gettext_lazy("Toutes"),
    )
    structure_type = forms.ChoiceField(
        label=gettext_lazy("Type de structure"),
        choices=[("", gettext_lazy("Tous")), *StructureType.choices],
        required=False,
    )

    def filters(self):
        """(région or None, structure type or "") from the valid fields only."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("region"), data.get("structure_type", "")


def _filters(request):
    form = PanoramaFilterForm(request.GET or None)
    region, structure_type = form.filters() if form.is_bound else (None, "")
    return form, region, structure_type


def panorama(request):
    form, region, structure_type = _filters(request)
    figures = live_figures(region, structure_type)
    params = request.GET.copy()
    context = {
        "filter_form": form,
        "query_string": params.urlencode(),
        "page": PanoramaPage.objects.live().public().first(),
        "snapshots": PanoramaSnapshot.objects.only("pk", "title", "taken_at"),
        "region": region,
        "structure_type_label": dict(StructureType.choices).get(structure_type, ""),
    }
    context.update(_panorama_context(figures))
    return render(request, "members/panorama.html", context)


def _panorama_context(figures):
    result = build_panorama(figures)
    return {
        "panorama": result,
        "map": choropleth(result.departements, result.departement_codes),
    }


def panorama_csv(request):
    """Every aggregate of the panorama, filtered as the page, small counts hidden."""
    _form, region, structure_type = _filters(request)
    result = build_panorama(live_figures(region, structure_type))
    return csv_download(result, f"panorama-{timezone.localdate():%Y-%m-%d}.csv")


def csv_download(result, filename):
    """The CSV of a panorama: one line per cell of every chart, as hidden as on the page."""
    rows = [[chart.title, *row] for chart in result.all_charts() for row in csv_rows(chart)]
    total = [
        str(_("Ensemble")),
        str(_("Membres du panorama")),
        result.departements.total_display,
        "",
    ]
    return csv_response(filename, [str(_("Indicateur")), *csv_header()], [total, *rows])


def snapshot_detail(request, pk):
    snapshot = get_object_or_404(PanoramaSnapshot, pk=pk)
    context = {"snapshot": snapshot, "snapshots": PanoramaSnapshot.objects.exclude(pk=pk)}
    context.update(_panorama_context(snapshot.figures))
    return render(request, "members/panorama_snapshot.html", context)


def snapshot_csv(request, pk):
    snapshot = get_object_or_404(PanoramaSnapshot, pk=pk)
    return csv_download(
        build_panorama(snapshot.figures), f"panorama-{snapshot.taken_at:%Y-%m-%d}.csv"
    )

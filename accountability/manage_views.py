"""The moderators' pages of the follow-up: write a result, add a timeline entry, create
results from accepted proposals, import and export CSV. Each checks `can_manage` on the
server; a member or a visitor gets a page saying why, never a bare 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accountability import csv_import, services
from accountability.forms import EntryForm, FromProposalsForm, ImportForm, ResultForm
from accountability.models import Result
from accountability.progress import ProgressTree
from accountability.rules import can_manage
from accountability.views import visible_result, visible_space
from maillage.csv_export import csv_response


def _refused(request, space):
    return render(request, "accountability/refused.html", {"space": space}, status=403)


@login_required
def result_form(request, space_id=None, pk=None):
    result = visible_result(request, pk) if pk else None
    space = result.space.specific if result else visible_space(request, space_id)
    if not can_manage(request.user, space):
        return _refused(request, space)
    services.statuses(space)
    previous_status = result.status_id if result else None
    form = ResultForm(request.POST or None, instance=result, space=space)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = services.save_result(
            request.user,
            form.save(commit=False),
            thematiques=data["thematiques"],
            proposals=data.get("proposals"),
            debates=data.get("debates"),
            events=data.get("events"),
            resources=data.get("resources"),
            previous_status_id=previous_status,
        )
        messages.success(request, _("Le chantier est enregistré."))
        return redirect(result)
    return render(
        request, "accountability/result_form.html", {"form": form, "space": space, "result": result}
    )


@login_required
def entry_create(request, pk):
    result = visible_result(request, pk)
    space = result.space.specific
    if not can_manage(request.user, space):
        return _refused(request, space)
    form = EntryForm(
        request.POST or None,
        request.FILES or None,
        result=result,
        initial={"date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_entry(
            request.user,
            result,
            data["text"],
            date=data["date"],
            status=data["status"],
            attachment=data["attachment"],
            document=data["document"],
        )
        messages.success(
            request, _("L’étape est ajoutée au suivi ; les personnes concernées sont prévenues.")
        )
        return redirect(result)
    return render(request, "accountability/entry_form.html", {"form": form, "result": result})


@login_required
def from_proposals(request, space_id):
    space = visible_space(request, space_id)
    if not can_manage(request.user, space):
        return _refused(request, space)
    form = FromProposalsForm(request.POST or None, space=space)
    if request.method == "POST" and form.is_valid():
        results = services.create_from_proposals(
            request.user, space, [p.pk for p in form.cleaned_data["proposals"]]
        )
        messages.success(
            request,
            ngettext("%(count)d chantier créé.", "%(count)d chantiers créés.", len(results))
            % {"count": len(results)},
        )
        return redirect("accountability:list", space.pk)
    return render(request, "accountability/from_proposals.html", {"form": form, "space": space})


@login_required
def import_csv(request, space_id):
    space = visible_space(request, space_id)
    if not can_manage(request.user, space):
        return _refused(request, space)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = csv_import.import_results(request.user, space, form.cleaned_data["file"])
        if report.ok:
            messages.success(
                request,
                _("Import terminé : %(created)d créé(s), %(updated)d mis à jour.")
                % {"created": report.created, "updated": report.updated},
            )
            return redirect("accountability:list", space.pk)
    return render(
        request,
        "accountability/import.html",
        {"form": form, "space": space, "report": report, "columns": csv_import.COLUMNS},
    )


@login_required
def export_csv(request, space_id):
    space = visible_space(request, space_id)
    if not can_manage(request.user, space):
        return _refused(request, space)
    tree = ProgressTree.for_space(space)
    results = (
        Result.objects.of_space(space)
        .for_cards()
        .select_related("parent")
        .prefetch_related("proposals")
        .order_by("pk")
    )
    header = [name for name, _help in csv_import.COLUMNS] + ["avancement_calcule"]
    return csv_response(
        f"suivi-{space.slug}.csv", header, csv_import.export_rows(results.iterator(2000), tree)
    )

from django.db import migrations

WORKFLOW = "Relecture"


def create_relecture_workflow(apps, schema_editor):
    """Éditeurs submit, Modérateurs approve: the "Relecture" workflow on the whole tree,
    replacing the "Moderators approval" workflow Wagtail creates by default."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")

    # On a fresh database Wagtail's "Moderators" group is renamed "Modérateurs" only after
    # migrate (members.signals); either name is the same group.
    moderators = Group.objects.filter(name__in=["Modérateurs", "Moderators"]).first()
    root = Page.objects.filter(depth=1).first()
    if moderators is None or root is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=WORKFLOW, defaults={"content_type": content_type, "active": True}
    )
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    previous = WorkflowPage.objects.filter(page=root).exclude(workflow=workflow)
    Workflow.objects.filter(pk__in=previous.values("workflow")).update(active=False)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]
    operations = [migrations.RunPython(create_relecture_workflow, migrations.RunPython.noop)]

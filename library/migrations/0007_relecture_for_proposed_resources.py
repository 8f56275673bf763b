from django.db import migrations

WORKFLOW = "Relecture"


def assign_relecture(apps, schema_editor):
    """Resources members propose go through the same "Relecture" workflow as pages
    (editorial/migrations/0002): a snippet's workflow is assigned by content type. Its
    reviewers' permissions are granted with the roles (members/roles.py)."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")

    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="library", model="resourcesubmission"
    )
    WorkflowContentType.objects.update_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0006_resource_contributed_by_resourcesubmission_and_more"),
        ("editorial", "0002_relecture_workflow"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]
    operations = [migrations.RunPython(assign_relecture, migrations.RunPython.noop)]

"""The search's narrow side table (search.models.SearchMatch), filled from the entries,
whose vector and indexes it takes over; its vectors kept in the row (toast_tuple_target)."""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_suggestion_index'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchMatch',
            fields=[
                ('entry', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='match', serialize=False, to='search.searchentry')),
                ('date', models.DateTimeField(null=True)),
                ('year', models.PositiveSmallIntegerField(null=True)),
                ('kind', models.CharField(max_length=40)),
                ('principals', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=40), default=list, size=None)),
                ('thematiques', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=120), default=list, size=None)),
                ('territories', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=20), default=list, size=None)),
                ('search_vector', django.contrib.postgres.search.SearchVectorField()),
            ],
        ),
        migrations.RunSQL(
            "ALTER TABLE search_searchmatch SET (toast_tuple_target = 8160)",
            migrations.RunSQL.noop,
        ),
        # The entries' stored vectors copied as they are (same expression, see VECTOR),
        # before the indexes are built on the filled table.
        migrations.RunSQL(
            "INSERT INTO search_searchmatch"
            " (entry_id, date, year, kind, principals, thematiques, territories, search_vector)"
            " SELECT id, date, year, kind, principals, thematiques, territories, search_vector"
            " FROM search_searchentry ORDER BY id",
            migrations.RunSQL.noop,
        ),
        migrations.RemoveIndex(
            model_name='searchentry',
            name='search_entry_vector',
        ),
        migrations.RemoveIndex(
            model_name='searchentry',
            name='search_entry_thematiques',
        ),
        migrations.RemoveIndex(
            model_name='searchentry',
            name='search_entry_territories',
        ),
        migrations.RemoveIndex(
            model_name='searchentry',
            name='search_entry_kind',
        ),
        migrations.RemoveIndex(
            model_name='searchentry',
            name='search_entry_year',
        ),
        migrations.RemoveIndex(
            model_name='searchentry',
            name='search_entry_date',
        ),
        migrations.RemoveField(
            model_name='searchentry',
            name='search_vector',
        ),
        migrations.AddIndex(
            model_name='searchmatch',
            index=django.contrib.postgres.indexes.GinIndex(fastupdate=False, fields=['search_vector'], name='search_match_vector'),
        ),
        migrations.AddIndex(
            model_name='searchmatch',
            index=django.contrib.postgres.indexes.GinIndex(fields=['principals'], name='search_match_principals'),
        ),
        migrations.AddIndex(
            model_name='searchmatch',
            index=django.contrib.postgres.indexes.GinIndex(fields=['thematiques'], name='search_match_thematiques'),
        ),
        migrations.AddIndex(
            model_name='searchmatch',
            index=django.contrib.postgres.indexes.GinIndex(fields=['territories'], name='search_match_territories'),
        ),
        migrations.AddIndex(
            model_name='searchmatch',
            index=models.Index(fields=['kind'], name='search_match_kind'),
        ),
        migrations.AddIndex(
            model_name='searchmatch',
            index=models.Index(fields=['year'], name='search_match_year'),
        ),
        migrations.AddIndex(
            model_name='searchmatch',
            index=models.Index(fields=['-date'], name='search_match_date'),
        ),
    ]

"""Wagtail's list of a form's submissions, whose CSV export does not guard against
formulas: the surveys' version writes every cell through the site's neutraliser."""

from wagtail.contrib.forms.views import SubmissionsListView

from maillage.csv_export import neutralise


class SafeSubmissionsListView(SubmissionsListView):
    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

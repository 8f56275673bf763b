from django import forms

from participation.notifications.models import NotificationSettings


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["email_frequency"]
        widgets = {"email_frequency": forms.RadioSelect}

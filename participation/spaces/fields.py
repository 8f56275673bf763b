"""A list of codes (the modules a space uses, the actions a phase opens) whose choices
come from the registry when a form is built, so that a new module shows up in the admin
without a migration of participation."""

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.text import capfirst

from participation import registry

CODE_LENGTH = 40


class _CodesField(ArrayField):
    def __init__(self, verbose_name=None, **kwargs):
        kwargs.setdefault("base_field", models.CharField(max_length=CODE_LENGTH))
        super().__init__(verbose_name=verbose_name, **kwargs)

    @staticmethod
    def registered_choices():
        raise NotImplementedError

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            choices=self.registered_choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )


class ModuleCodesField(_CodesField):
    """The modules a space uses (codes given to `registry.register_module`)."""

    registered_choices = staticmethod(registry.module_choices)


class ActionCodesField(_CodesField):
    """The actions a phase opens (codes given to `registry.register_action` or declared
    by a module)."""

    registered_choices = staticmethod(registry.action_choices)

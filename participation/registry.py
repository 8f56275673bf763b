"""How modules (proposals, debates, events, and any later one) plug into participation
without editing it. Everything here is declared by the modules, from their
`AppConfig.ready()`; participation refuses what nobody declared.

- `register_action(code, label=...)`: an action a space's phases may open ("comment" is
  participation's own; modules declare theirs with `register_module`).
- `register_module(code, label=..., actions=..., section=...)`: a module a space may use,
  the actions its phases may open, and the section it adds to the space page.
- `register_content(Model, space=..., ...)`: objects of `Model` may be commented, followed,
  reported or hidden by moderation; `space(obj)` names the owning space (None outside any
  space), whose visibility decides who sees the object.
- `register_notification_kind(code, label=..., urgent=...)`: what modules notify about; an
  urgent kind is e-mailed at once to every member who did not refuse e-mails.
- `register_object_panel(Model, template=..., get_context=...)`: a module adds a panel to
  the page of another module's object (the follow-up of a proposal) without that module
  importing it: the object's template calls `{% object_panels obj %}` once.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps

COMMENT = "comment"
FOLLOW = "follow"
REPORT = "report"


@dataclass(frozen=True)
class SpaceSection:
    title: str
    template: str
    get_context: Callable[[Any, Any], dict | None]
    order: int = 100


@dataclass(frozen=True)
class Module:
    code: str
    label: str
    actions: dict[str, str] = field(default_factory=dict)
    section: SpaceSection | None = None
    default: bool = False


@dataclass(frozen=True)
class Content:
    """How participation treats the objects of one model."""

    model: str
    space: Callable[[Any], Any]
    is_visible_to: Callable[[Any, Any], bool] | None
    capabilities: frozenset
    moderatable: bool


@dataclass(frozen=True)
class ObjectPanel:
    template: str
    get_context: Callable[[Any, Any], dict | None]
    order: int = 100


@dataclass(frozen=True)
class NotificationKind:
    code: str
    label: str
    urgent: bool = False


_actions: dict[str, str] = {}
_default_actions: list[str] = []
_modules: dict[str, Module] = {}
_contents: dict[str, Content] = {}
_notification_kinds: dict[str, NotificationKind] = {}
_object_panels: dict[str, list[ObjectPanel]] = {}


# --- Actions and modules ---------------------------------------------------------------
def register_action(code, *, label, default=False):
    """An action of participation itself (not of a module), e.g. commenting; `default`:
    a new phase opens it."""
    _actions[code] = label
    if default and code not in _default_actions:
        _default_actions.append(code)


def register_module(code, *, label, actions=None, section=None, default=False):
    """`actions` maps each action code the module's phases may open to its label;
    `section` (a `SpaceSection`) is shown on the page of the spaces that use the module;
    `default`: a new space uses the module."""
    _modules[code] = Module(code, label, dict(actions or {}), section, default)


def default_modules():
    """The modules a new space uses (the default of `SpacePage.modules`)."""
    return [module.code for module in _modules.values() if module.default]


def default_actions():
    """The actions a new phase opens (the default of `SpacePhase.actions`)."""
    return list(_default_actions)


def module_choices():
    """(code, label) of every module, for the space's "modules used" field."""
    return [(module.code, module.label) for module in _modules.values()]


def action_choices():
    """(code, label) of every action a phase may open."""
    choices = list(_actions.items())
    for module in _modules.values():
        choices.extend(module.actions.items())
    return choices


def module_of_action(action):
    """The code of the module `action` belongs to, or None for participation's own."""
    for module in _modules.values():
        if action in module.actions:
            return module.code
    return None


def space_sections(space, request):
    sections = []
    modules = [m for m in _modules.values() if m.section is not None]
    for module in sorted(modules, key=lambda m: m.section.order):
        if not space.uses(module.code):
            continue
        context = module.section.get_context(space, request)
        if context is not None:
            sections.append(
                {"title": module.section.title, "template": module.section.template, **context}
            )
    return sections


# --- Contents ----------------------------------------------------------------------------
def register_content(
    model,
    *,
    space,
    is_visible_to=None,
    commentable=False,
    followable=False,
    reportable=False,
    moderatable=False,
):
    """Declare what members may do with objects of `model`. `space(obj)` returns the
    space that owns the object (None outside any space); `is_visible_to(obj, user)` is
    the object's own rule (a draft seen by its authors only), checked on top of its
    space's visibility. A moderatable model (a `Moderatable`) is also reportable."""
    capabilities = {
        name
        for name, wanted in (
            (COMMENT, commentable),
            (FOLLOW, followable),
            (REPORT, reportable or moderatable),
        )
        if wanted
    }
    _contents[model._meta.label] = Content(
        model._meta.label, space, is_visible_to, frozenset(capabilities), moderatable
    )
    return model


def content_of(model):
    """The declaration of `model` (a class), or None when no module declared it."""
    meta = getattr(model, "_meta", None)
    return _contents.get(meta.label) if meta is not None else None


def accepts(model, capability):
    """Whether `model` was declared commentable, followable or reportable."""
    content = content_of(model)
    return content is not None and capability in content.capabilities


def moderatable_models():
    return [apps.get_model(c.model) for c in _contents.values() if c.moderatable]


def reportable_models():
    return [apps.get_model(c.model) for c in _contents.values() if REPORT in c.capabilities]


# --- Notification kinds ------------------------------------------------------------------
def register_notification_kind(code, *, label, urgent=False):
    _notification_kinds[code] = NotificationKind(code, label, urgent)


def notification_kind(code):
    return _notification_kinds[code]


# --- Panels on other modules' pages ------------------------------------------------------
def register_object_panel(model, *, template, get_context, order=100):
    """Show `template` on the page of each `model` object, with the context
    `get_context(obj, request)` returns (None: no panel for this object)."""
    panels = _object_panels.setdefault(model._meta.label, [])
    panels.append(ObjectPanel(template, get_context, order))
    panels.sort(key=lambda panel: panel.order)


def object_panels(obj, request):
    """[(template, context)] of the panels other modules show on `obj`'s page."""
    panels = []
    for panel in _object_panels.get(obj._meta.label, ()):
        context = panel.get_context(obj, request)
        if context is not None:
            panels.append((panel.template, context))
    return panels

"""Migration 0002 turns the `<module>_enabled` and `opens_<action>` columns into lists of
codes: every space keeps its modules and every phase its openings, in the tables and in
the revisions the admin edits."""

from importlib import import_module

migration = import_module("participation.migrations.0002_modules_and_actions_as_codes")


def test_each_space_keeps_its_modules():
    row = {"proposals_enabled": False, "debates_enabled": True, "events_enabled": True}
    assert migration.modules_from(row) == ["debates", "events"]
    assert migration.modules_from({"proposals_enabled": True}) == ["proposals"]


def test_each_phase_keeps_its_openings_including_a_closed_comment_phase():
    vote = {"opens_vote": True, "opens_comment": False, "opens_propose": False}
    assert migration.actions_from(vote) == ["vote"]
    everything = {f"opens_{action}": True for action in migration.OLD_ACTIONS}
    assert migration.actions_from(everything) == list(migration.OLD_ACTIONS)


def test_revisions_are_converted_so_the_admin_edits_what_is_live():
    content = {
        "title": "Priorités",
        "proposals_enabled": True,
        "debates_enabled": False,
        "events_enabled": True,
        "phases": [{"pk": 3, "title": "Vote", "opens_vote": True, "opens_comment": True}],
    }
    converted = migration.convert_revision(content)
    assert converted["modules"] == ["proposals", "events"]
    assert "proposals_enabled" not in converted
    assert converted["phases"] == [{"pk": 3, "title": "Vote", "actions": ["comment", "vote"]}]
    assert migration.convert_revision(converted) == converted  # already converted: unchanged

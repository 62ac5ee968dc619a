"""The credential profile in words (ui/profile_view.py): every rule of the registry shown."""

from __future__ import annotations

from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.profiles import RULES
from supervisor_app.ui.profile_view import ProfileView


def test_the_profile_view_shows_every_rule_of_the_registry(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ProfileView()
    qtbot.addWidget(view)
    for profile in ProfileRegistry.load():
        view.show_profile(profile)
        text = view.toPlainText()
        for spec in RULES:
            assert spec.label in text, (profile.code, spec.label)
            rule = spec.of(profile)
            if rule is not None:
                assert rule.source in text, (profile.code, spec.label)
    lcpc = ProfileRegistry.load().get("LCPC")
    view.show_profile(lcpc)
    text = view.toPlainText()
    # The board's own rules read in words: ways that count, the yearly cap, the area minimum.
    assert "in-person, video" in text
    assert "1680.00 h" in text or "1,680.00 h" in text
    assert "1920.00 h" in text or "1,920.00 h" in text

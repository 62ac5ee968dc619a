"""A credential profile in words: every rule with its value, its source and whether ICB still
has to confirm it."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from supervisor_app import i18n
from supervisor_app.labels import domain_label
from supervisor_app.services.profiles import SUPERVISION, CredentialProfile, Rule
from supervisor_app.storage import user_data_dir
from supervisor_app.units import hours


class ProfileView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile_view")
        self.setAccessibleName(self.tr("Credential profile rules"))
        self.setOpenLinks(False)

    def show_profile(self, profile: CredentialProfile) -> None:
        none = escape(self.tr("none"))
        verify_with_icb = escape(self.tr("verify with ICB"))

        def rule_row(name: str, rule: Rule[Any] | None, shown: str) -> str:
            if rule is None:
                return f"<tr><td>{escape(name)}</td><td>{none}</td><td></td><td></td></tr>"
            verify = f"<b style='color:#a40000'>{verify_with_icb}</b>" if rule.verify else ""
            note = f"<br><i>{escape(rule.note)}</i>" if rule.note else ""
            return (
                f"<tr><td>{escape(name)}</td><td><b>{escape(shown)}</b></td>"
                f"<td>{escape(rule.source)}{note}</td><td>{verify}</td></tr>"
            )

        # Every rule of the registry, supervision first (a rule the profile does not state: "none").
        rows = [
            rule_row(i18n._(spec.label), rule, self._shown(profile, spec.unit, rule.value) if rule else "")
            for spec, rule in sorted(profile.rules(), key=lambda item: item[0].part != SUPERVISION)
        ]
        domains = "".join(f"<li>{escape(domain_label(d.label))}</li>" for d in profile.domains)
        who = profile.who_may_supervise
        supervisors = ""
        if who is not None:
            verify = escape(self.tr("verify"))
            kinds = "".join(
                f"<li><b>{escape(k.kind)}</b> ({escape(k.label)}): {escape(k.source)}"
                + (f" <b style='color:#a40000'>{verify}</b>" if k.verify else "")
                + "</li>"
                for k in who.kinds
            )
            added = (
                self.tr("Your agency may add kinds (Settings, Agency: Also qualify a supervisor).")
                if who.agency_may_add
                else self.tr("Set by rule: your agency cannot add kinds.")
            )
            who_may = escape(self.tr("Who may supervise"))
            held = escape(self.tr("a credential held on the date of each record signed"))
            supervisors = f"<p><b>{who_may}</b> ({held})</p><ul>{kinds}</ul><p>{escape(added)}</p>"
        sources = "".join(f"<li>{escape(s)}</li>" for s in profile.sources)
        notes = "".join(f"<li>{escape(n)}</li>" for n in profile.verify_notes)
        education = self.tr("{h} hours: {detail} ({source})").format(
            h=profile.education.total_hours, detail=profile.education.detail, source=profile.education.source
        )
        where = (
            self.tr("Overridden by your agency's copy: {path}")
            if profile.overridden
            else self.tr("Shipped with the app: {path}")
        )
        version = escape(self.tr("version"))
        effective = escape(self.tr("effective"))
        performance_domains = escape(self.tr("Performance domains"))
        rule_word, value_word, source_word = (
            escape(self.tr("Rule")),
            escape(self.tr("Value")),
            escape(self.tr("Source")),
        )
        education_word = escape(self.tr("Education"))
        to_confirm = escape(self.tr("To confirm with ICB"))
        sources_word = escape(self.tr("Sources"))
        to_change = escape(
            self.tr(
                "To change a rule for your agency, copy the profile file into {folder} (same code) "
                "and edit the copy; restart the app."
            ).format(folder=user_data_dir() / "credentials")
        )
        html = f"""
        <h3>{escape(profile.code)}: {escape(profile.name)}</h3>
        <p>{escape(profile.board)} · {version} {escape(profile.version)},
        {effective} {profile.effective.isoformat()}<br>
        <span style='color:#555'>{escape(where.format(path=profile.path))}</span></p>
        <p><b>{performance_domains}</b></p><ul>{domains}</ul>
        <table border='1' cellspacing='0' cellpadding='4' width='100%'>
        <tr><th align='left'>{rule_word}</th><th align='left'>{value_word}</th>
        <th align='left'>{source_word}</th><th></th></tr>
        {"".join(rows)}
        </table>
        {supervisors}
        <p><b>{education_word}</b>: {escape(education)}</p>
        {f"<p><b>{to_confirm}</b></p><ul>{notes}</ul>" if notes else ""}
        <p><b>{sources_word}</b></p><ul>{sources}</ul>
        <p style='color:#555'>{to_change}</p>
        """
        self.setHtml(html)

    def _shown(self, profile: CredentialProfile, unit: str, value: Any) -> str:
        """A rule's value in words, by its unit (:attr:`RuleSpec.unit`)."""
        if unit == "hours":
            return self.tr("{h} h").format(h=hours(value))
        if unit == "minutes":
            return self.tr("{n} min").format(n=value)
        if unit == "months":
            return self.tr("%n month(s)", "", value)
        if unit == "years":
            return self.tr("%n year(s)", "", value)
        if unit == "supervisees":
            return self.tr("%n supervisee(s)", "", value)
        if unit == "yes-no":
            return self.tr("yes") if value else self.tr("no")
        if unit == "fraction":
            return f"{value:.0%}"
        if unit == "modalities":
            return ", ".join(value)
        if unit == "hours-by-area":
            return "; ".join(
                self.tr("{area}: {h} h").format(area=profile.label(code), h=hours(minutes))
                for code, minutes in value.items()
            )
        return str(value)

"""A credential profile in words: every rule with its value, its source and whether ICB still
has to confirm it."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from supervisor_app.services.profiles import CredentialProfile, Rule
from supervisor_app.services.progress import hours
from supervisor_app.storage import user_data_dir


class ProfileView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile_view")
        self.setAccessibleName(self.tr("Credential profile rules"))
        self.setOpenLinks(False)

    def show_profile(self, profile: CredentialProfile) -> None:
        sup, exp = profile.supervision, profile.experience
        yes, no = self.tr("yes"), self.tr("no")

        def rule_row(name: str, rule: Rule[Any] | None, shown: str) -> str:
            if rule is None:
                return f"<tr><td>{escape(name)}</td><td>{escape(self.tr('none'))}</td><td></td><td></td></tr>"
            verify = (
                f"<b style='color:#a40000'>{escape(self.tr('verify with ICB'))}</b>" if rule.verify else ""
            )
            note = f"<br><i>{escape(rule.note)}</i>" if rule.note else ""
            return (
                f"<tr><td>{escape(name)}</td><td><b>{escape(shown)}</b></td>"
                f"<td>{escape(rule.source)}{note}</td><td>{verify}</td></tr>"
            )

        rows = [
            rule_row(
                self.tr("Supervision hours"),
                sup.total_minutes,
                self.tr("{h} h").format(h=hours(sup.total_minutes.value)),
            ),
            rule_row(
                self.tr("Supervision hours per domain (minimum)"),
                sup.domain_min_minutes,
                self.tr("{h} h").format(h=hours(sup.domain_min_minutes.value)),
            ),
            rule_row(
                self.tr("Every domain covered"),
                sup.cover_every_domain,
                yes if sup.cover_every_domain.value else no,
            ),
            rule_row(
                self.tr("Supervision spread over at least"),
                sup.min_span_months,
                self.tr("%n month(s)", "", sup.min_span_months.value),
            ),
            rule_row(
                self.tr("Minutes recorded in steps of"),
                sup.minute_increment,
                self.tr("{n} min").format(n=sup.minute_increment.value),
            ),
            rule_row(
                self.tr("Time outside the domains allowed"),
                sup.allow_general,
                yes if sup.allow_general.value else no,
            ),
            rule_row(
                self.tr("Group supervision counts at most"),
                sup.group_cap_fraction,
                f"{sup.group_cap_fraction.value:.0%}" if sup.group_cap_fraction else "",
            ),
            rule_row(
                self.tr("Largest group"),
                sup.max_group_size,
                self.tr("%n supervisee(s)", "", sup.max_group_size.value) if sup.max_group_size else "",
            ),
            rule_row(
                self.tr("Supervised experience hours"),
                exp.total_minutes,
                self.tr("{h} h").format(h=hours(exp.total_minutes.value)),
            ),
            rule_row(
                self.tr("Experience counts if within the last"),
                exp.window_years,
                self.tr("%n year(s)", "", exp.window_years.value) if exp.window_years else "",
            ),
            rule_row(
                self.tr("Experience hours per domain (minimum)"),
                exp.domain_min_minutes,
                self.tr("{h} h").format(h=hours(exp.domain_min_minutes.value)),
            ),
        ]
        domains = "".join(f"<li>{escape(d.label)}</li>" for d in profile.domains)
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
            supervisors = (
                f"<p><b>{escape(self.tr('Who may supervise'))}</b> "
                f"({escape(self.tr('a credential held on the date of each record signed'))})</p>"
                f"<ul>{kinds}</ul><p>{escape(added)}</p>"
            )
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
        html = f"""
        <h3>{escape(profile.code)}: {escape(profile.name)}</h3>
        <p>{escape(profile.board)} · {escape(self.tr("version"))} {escape(profile.version)},
        {escape(self.tr("effective"))} {profile.effective.isoformat()}<br>
        <span style='color:#555'>{escape(where.format(path=profile.path))}</span></p>
        <p><b>{escape(self.tr("Performance domains"))}</b></p><ul>{domains}</ul>
        <table border='1' cellspacing='0' cellpadding='4' width='100%'>
        <tr><th align='left'>{escape(self.tr("Rule"))}</th><th align='left'>{escape(self.tr("Value"))}</th>
        <th align='left'>{escape(self.tr("Source"))}</th><th></th></tr>
        {"".join(rows)}
        </table>
        {supervisors}
        <p><b>{escape(self.tr("Education"))}</b>: {escape(education)}</p>
        {f"<p><b>{escape(self.tr('To confirm with ICB'))}</b></p><ul>{notes}</ul>" if notes else ""}
        <p><b>{escape(self.tr("Sources"))}</b></p><ul>{sources}</ul>
        <p style='color:#555'>{escape(self.tr("To change a rule for your agency, copy the profile file into {folder} (same code) and edit the copy; restart the app.").format(folder=user_data_dir() / "credentials"))}</p>
        """
        self.setHtml(html)

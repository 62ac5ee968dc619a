"""Names of the boards' performance domains as people read them (issue 21).

The credential profiles (resources/credentials/*.toml) name each domain in the board's own
English words; a reader in another language sees the board's name followed by their own in
parentheses ("Advocacy (Defensa)"), so it still matches what the board prints. Only for
display (the statement, the app's panels): stored records, exports and the board's form keep
the profile's English label. Beside :mod:`supervisor_app.units` (not in the services): the
reports use it too, and import nothing from the services.
"""

from __future__ import annotations

from supervisor_app.i18n import N_, _

GENERAL_LABEL = N_("General (not domain-specific)")
"""The profiles' label of minutes not tied to a domain (:data:`profiles.GENERAL_DOMAIN`)."""

DOMAIN_NAMES: tuple[str, ...] = (
    # CRSS
    N_("Advocacy"),
    N_("Professional Responsibility"),
    N_("Mentoring"),
    N_("Recovery Support"),
    # CPRS
    N_("Mentoring and Education"),
    N_("Recovery/Wellness Support"),
    N_("Ethical Responsibility"),
    # CADC
    N_("Screening"),
    N_("Intake"),
    N_("Orientation"),
    N_("Assessment"),
    N_("Treatment Planning"),
    N_("Counseling"),
    N_("Case Management"),
    N_("Crisis Intervention"),
    N_("Client Education"),
    N_("Referral"),
    N_("Reports and Record Keeping"),
    N_("Consultation"),
    # LCPC
    N_("Direct face-to-face service"),
    N_("Other professional work"),
    # QMHP
    N_("Direct mental health services"),
    N_("Other practicum activities"),
    GENERAL_LABEL,
)
"""Every domain label of the shipped profiles (a test keeps this list complete)."""


def domain_label(name: str) -> str:
    """A domain's label in the current language: the board's English name, with the reader's
    own after it where the catalogue has one. A label the catalogue does not know (a profile
    an agency added) is shown as written."""
    return _(name) if name else name


__all__ = ["DOMAIN_NAMES", "GENERAL_LABEL", "domain_label"]

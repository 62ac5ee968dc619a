"""The credential profiles in force: the shipped ones (``resources/credentials``), replaced by
code by the user's own files. One profile's format and its reading are in :mod:`profiles`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from supervisor_app.i18n import _
from supervisor_app.resources import resource_path
from supervisor_app.services.profiles import CredentialProfile, ProfileError, load_profile


def shipped_profiles_dir() -> Path:
    return resource_path("credentials")


class ProfileRegistry:
    """All credential profiles in force: the shipped ones, overridden by the user's."""

    def __init__(self, profiles: Iterable[CredentialProfile]) -> None:
        self._profiles = {p.code: p for p in profiles}

    @classmethod
    def load(cls, *, user_dir: Path | None = None, shipped_dir: Path | None = None) -> ProfileRegistry:
        """Load shipped profiles, then let files in ``user_dir`` replace them by code."""
        profiles: dict[str, CredentialProfile] = {}
        for path in sorted((shipped_dir or shipped_profiles_dir()).glob("*.toml")):
            profile = load_profile(path)
            if profile.code in profiles:
                raise ProfileError(path, "code", _("{code} is defined twice").format(code=profile.code))
            profiles[profile.code] = profile
        if user_dir is not None and user_dir.is_dir():
            shipped = set(profiles)
            from_user: set[str] = set()
            for path in sorted(user_dir.glob("*.toml")):
                profile = load_profile(path)
                if profile.code in from_user:
                    raise ProfileError(
                        path,
                        "code",
                        _("{code} is defined twice in {folder}").format(code=profile.code, folder=user_dir),
                    )
                from_user.add(profile.code)
                profiles[profile.code] = _replace(profile, overridden=profile.code in shipped)
        return cls(profiles.values())

    def get(self, code: str) -> CredentialProfile:
        try:
            return self._profiles[code.upper()]
        except KeyError:
            known = ", ".join(sorted(self._profiles))
            raise KeyError(f"unknown credential {code!r} (known: {known})") from None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.upper() in self._profiles

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self._profiles.values(), key=lambda p: p.code))

    def codes(self) -> list[str]:
        return sorted(self._profiles)


def _replace(profile: CredentialProfile, **changes: Any) -> CredentialProfile:
    from dataclasses import replace

    return replace(profile, **changes)

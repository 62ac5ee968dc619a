"""The domain: plain functions taking a unit of work and keyword-only plain values.

Nothing here imports PySide6. Errors a user can cause are :class:`DomainError`.
"""

from supervisor_app.services.errors import DomainError

__all__ = ["DomainError"]

"""PDF rendering with reportlab: data in, PDF bytes out. Nothing here reads the database.

- :func:`render_verification`: the supervision verification form and its session log.
- :func:`render_statement`: the supervisee's progress statement.

Both are deterministic: the same data, serial, date and version give byte-identical PDFs.
"""

from __future__ import annotations

from supervisor_app.reports.statement import render_statement
from supervisor_app.reports.verification import render_verification

__all__ = ["render_statement", "render_verification"]

"""One function per user action, called by both the command line and the app.

A use case opens the unit of work, calls the services (which validate, change and flush but
never commit), commits once, and returns a plain result. The CLI and the Qt screens are thin
callers: they collect input, call the use case, and show its result or its
:class:`~supervisor_app.services.errors.DomainError`. No Qt here.
"""

"""Who may use each portfolio URL; merged into tests/test_permissions.py's table.

ACCESS maps a URL name to (method, kwargs, {role: outcome}); see test_permissions.py for
the outcomes. Upper-case string kwargs are placeholders that world() fills in.
"""

ACCESS: dict = {}


def world(people, org, other_org) -> dict:
    """Create what this app's URLs point at; return placeholder → value."""
    return {}

"""Assemble the API. Each app that has `peerpath/<app>/api.py` with a `router` is mounted
at /api/<app>/. Operations require a token or a session unless declared `auth=None`;
tests/test_api.py lists every public operation, so none becomes public by accident.
"""

import importlib

from ninja import NinjaAPI

from .auth import SIGNED_IN

API_APPS = ["accounts", "frameworks", "assessments", "portfolio", "programmes", "badges",
            "mentoring"]  # fmt: skip

api = NinjaAPI(
    title="Peerpath API",
    version="1",
    description="Read and write Peerpath data as JSON. Authenticate with a personal token "
    "(Authorization: Bearer …) made on your API tokens page.",
    auth=SIGNED_IN,
    urls_namespace="api",
    docs_url="/docs",
)

for app in API_APPS:
    try:
        module = importlib.import_module(f"peerpath.{app}.api")
    except ModuleNotFoundError as error:
        if error.name != f"peerpath.{app}.api":
            raise
        continue
    api.add_router(f"/{app}/", module.router)

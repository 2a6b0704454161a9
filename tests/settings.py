"""Test settings: the real settings with fast password hashing and no outside effects."""

import os

os.environ.setdefault(
    "PEERPATH_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "test")
)

from peerpath.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Tasks run as soon as they are enqueued, inside the test's transaction.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

"""Settings read from the environment with safe defaults."""

import os
import stat
import subprocess
import sys

import pytest

from peerpath.lib.env import env_bool, env_int, persistent_secret_key


def test_a_secret_key_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("SECRET_KEY_FILE", raising=False)
    first = persistent_secret_key(tmp_path)
    assert len(first) >= 50
    assert persistent_secret_key(tmp_path) == first
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_a_secret_key_can_come_from_a_file(tmp_path, monkeypatch):
    secret = tmp_path / "key"
    secret.write_text("from-a-docker-secret\n")
    monkeypatch.setenv("SECRET_KEY_FILE", str(secret))
    assert persistent_secret_key(tmp_path / "data") == "from-a-docker-secret"


def test_booleans_and_numbers_are_parsed_strictly(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ValueError, match="X_FLAG must be true or false"):
        env_bool("X_FLAG")
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ValueError, match="X_NUM must be a whole number"):
        env_int("X_NUM", 1)


def settings_in_subprocess(tmp_path, **env) -> str:
    code = (
        "import django.conf, os; os.environ['DJANGO_SETTINGS_MODULE']='peerpath.settings';"
        "from django.conf import settings as s;"
        "db=s.DATABASES['default'];"
        "print(s.DEBUG, s.TIME_ZONE, db['ENGINE'], db.get('OPTIONS',{}).get('transaction_mode'),"
        " [c for c,_ in s.LANGUAGES])"
    )
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    environ.update({"PEERPATH_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_defaults_are_sqlite_with_immediate_transactions_debug_off_and_london_time(tmp_path):
    assert settings_in_subprocess(tmp_path) == (
        "False Europe/London django.db.backends.sqlite3 IMMEDIATE ['en-gb', 'cy']"
    )


def test_database_url_switches_to_postgresql(tmp_path):
    out = settings_in_subprocess(tmp_path, DATABASE_URL="postgres://u:p@localhost:5432/pp")
    assert "django.db.backends.postgresql" in out


def test_the_deploy_checklist_is_clean_under_production_settings(tmp_path):
    skip = {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the last is for Playwright
    environ = {k: v for k, v in os.environ.items() if k not in skip}
    environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "peerpath.settings",
            "PEERPATH_DATA_DIR": str(tmp_path),
            "SECRET_KEY": "p" * 30 + "-not-a-real-key-but-long-and-varied-0123456789",
            "ALLOWED_HOSTS": "peerpath.example.org",
            "SECURE_SSL_REDIRECT": "true",
            "SECURE_HSTS_SECONDS": "31536000",
            "SECURE_HSTS_PRELOAD": "true",
            "EMAIL_HOST": "smtp.example.org",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "peerpath", "check", "--deploy", "--fail-level", "WARNING"],
        env=environ,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_static_files_collect_for_production(tmp_path):
    """Whitenoise's manifest storage refuses CSS that points at missing files."""
    skip = {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environ = {k: v for k, v in os.environ.items() if k not in skip}
    environ.update(
        {"DJANGO_SETTINGS_MODULE": "peerpath.settings", "PEERPATH_DATA_DIR": str(tmp_path)}
    )
    result = subprocess.run(
        [sys.executable, "-m", "peerpath", "collectstatic", "--noinput"],
        env=environ,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert "build/peerpath.css" in manifest and "govuk-crest" not in manifest

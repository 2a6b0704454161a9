"""Conformance to 1EdTech's published OB 3.0 JSON Schema (shipped in data/schema/)."""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft201909Validator

SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "schema"


@cache
def _validator(name: str) -> Draft201909Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


def credential_problems(credential: dict, limit: int = 5) -> list[str]:
    """Where `credential` breaks the AchievementCredential schema (empty when it conforms)."""
    errors = sorted(
        _validator("ob_v3p0_achievementcredential_schema.json").iter_errors(credential),
        key=lambda error: list(error.absolute_path),
    )
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(top level)'}: "
        f"{error.message[:200]}"
        for error in errors[:limit]
    ]


def profile_problems(profile: dict) -> list[str]:
    return [
        error.message for error in _validator("ob_v3p0_profile_schema.json").iter_errors(profile)
    ]

"""Fixtures for self-evaluation and 360° tests: the shipped frameworks by name."""

import pytest


@pytest.fixture
def cld(shipped_frameworks):
    """The CLD peer support self-evaluation: 8 domains, 50 statements, 4 confidence levels."""
    return shipped_frameworks["cld-peer-self-evaluation"]


@pytest.fixture
def six(shipped_frameworks):
    """The six leadership capabilities, 22 elements: the default for 360° feedback."""
    return shipped_frameworks["six-leadership-capabilities"]

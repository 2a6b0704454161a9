"""Mentoring pages: participants (participant.py), pairs (pairs.py, sessions.py) and the
people who run schemes (coordinator.py, matching.py)."""

"""The JSON API: one NinjaAPI, one router per app (peerpath/<app>/api.py)."""

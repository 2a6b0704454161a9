"""Helpers with no models: settings parsing, tokens, text."""

"""Errors raised by vanban."""

from __future__ import annotations


class ReadError(ValueError):
    """A file cannot be read. The message is for the user: Vietnamese first, English after."""

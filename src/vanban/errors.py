"""Errors raised by vanban."""

from __future__ import annotations


class ReadError(ValueError):
    """A file cannot be read. The message is for the user: Vietnamese first, English after."""


class ScannedError(ReadError):
    """The file is a scan (an image, or a PDF without a text layer): its text needs OCR
    (:mod:`vanban.ocr`), which :func:`vanban.read` never starts by itself."""

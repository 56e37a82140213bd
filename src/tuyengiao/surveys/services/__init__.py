"""The survey and suggestion-box rules, by topic: ``builder`` (surveys, questions, templates,
copies, opening and closing), ``responding`` (the audience, one-time tokens, batches and the
coarse unit), ``results`` (aggregates with the k rule) and ``suggestions`` (the box, answers and
the published questions and answers)."""

from __future__ import annotations


class SurveyError(Exception):
    """A refused action; the message is Vietnamese and shown as is."""

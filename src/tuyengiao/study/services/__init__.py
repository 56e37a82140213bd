"""Business rules of study rounds, one module per topic.

* ``rounds``      opening a round, its member list and exemptions,
* ``rates``       per-unit tallies and the attendance rates (what the reports app reads),
* ``attendance``  ticked lists, self check-in, imported sign-in sheets,
* ``quizzes``     comprehension tests: question bank, attempts, paper scores, results,
* ``essays``      essays, their privacy and rubric grading.

``StudyError`` lives here so that every topic raises the same error and views catch one type.
"""

from __future__ import annotations


class StudyError(ValueError):
    """A rule was broken; the message is in Vietnamese, ready for the user."""

"""Business rules of the speakers' network, one module per topic.

* ``rosters``    appointments, the term change of a whole list, roll-ups, import,
* ``training``   courses on study rounds, enrolment, completion, hours against the requirement,
* ``briefings``  periodic briefings on study rounds and the talks that follow,
* ``contests``   rubric scoring by independent jurors, spread flags and the ranking.
"""

from __future__ import annotations


class SpeakersError(ValueError):
    """A rule was broken; the message is in Vietnamese, ready for the user."""

"""The dashboard's building blocks: what each app says the signed-in user has to do this week.

An app contributes ``dashboard_sections(user, today) -> list[Section]`` on its AppConfig (the
shell never names it). A section is either work of the user's own unit (``behind=False``: reports
to submit, tasks due, plans to carry out, sessions coming …) or, for a superior, the units below
that are behind (``behind=True``: counts with a link to the filtered page that lists them). Every
item is a link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# How far ahead "this week" looks: due dates up to 7 days ahead, overdue ones always.
WEEK_DAYS = 7
# Items shown per section before "Xem tất cả".
SECTION_LIMIT = 8


@dataclass(frozen=True)
class Item:
    text: str
    url: str
    when: date | None = None  # the date that matters (deadline, session day)
    badge: str = ""  # a short state ("Quá hạn", "Bị trả lại" …)
    badge_class: str = ""  # "", "ok", "warn", "bad"
    note: str = ""


@dataclass
class Section:
    title: str
    order: int
    items: list[Item] = field(default_factory=list)
    empty: str = "Không có việc nào."
    more_url: str = ""
    more_label: str = "Xem tất cả"
    behind: bool = False
    total: int | None = None  # when more exist than the items shown

    @property
    def hidden(self) -> int:
        return max(0, (self.total or 0) - len(self.items))

"""Dates printed in the seed content.

The texts were written for this site on 25 November 2026. Keeping the date fixed means every
load produces the same pages: a fresh install does not make the news story look new or move
the accessibility statement's preparation date.
"""

import datetime

WRITTEN_ON = datetime.date(2026, 11, 25)
WRITTEN_ON_TEXT = "25 November 2026"

"""The labelled set of need descriptions that the similarity engine (issue 15) is measured on.

Each group is one need as a Resource Panel would name it, described six times in different
words, as different practitioners would write it on the gap form. Groups come in families that
share themes, barrier and some vocabulary but that a panel treats as different needs (a child's
bereavement support and a parent's own grief counselling), so the structured fields alone
cannot find a group.

The engine is tuned on DEV_GROUPS only; HELD_OUT_GROUPS gives the honest figure. The texts are
written for this set, not taken from the synthetic data, so the engine cannot have seen them.

As on the form, `barrier_detail` is kept only when the barrier is "Something else": the form
throws it away for any other barrier.
"""

from __future__ import annotations

from .dev import DEV_GROUPS
from .held_out import HELD_OUT_GROUPS
from .model import Need, NeedGroup

ALL_GROUPS: tuple[NeedGroup, ...] = DEV_GROUPS + HELD_OUT_GROUPS

__all__ = ["ALL_GROUPS", "DEV_GROUPS", "HELD_OUT_GROUPS", "Need", "NeedGroup"]

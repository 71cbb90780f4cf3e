"""Realistic synthetic casework, for benchmarks, reports and trying the admin with a full
database.

`generate_casework(count)` makes `count` submissions across all 12 districts (two gaps for
each CAF escalation), sent over the three financial years (1 April to 31 March) that end
today, busier in term time and in the bigger districts. Each case is walked through its state
machine to today (`walk.py`): signposting, panel decisions of every outcome, deferrals,
Sub Group and Trust Board escalations and decisions, referrals to the county CAF group,
declines, withdrawals and reopened cases, with skewed, varied times between steps and
decisions dated on the day of their meeting. Spot purchases stay within each district's
panel maximum and yearly budget. What the casework refers to, and the database lacks, is
made first (`world.py`): synthetic staff, a small synthetic directory, example CYPP
priorities, monthly meetings, quarterly Trust Board dates, budgets.

Rows are written with `bulk_create` in batches, so 100,000 take a few minutes, not the days
the one-by-one services would. Field history (simple-history) and the audit log are not
written for synthetic rows; the review history is, step by step.

Never run against real data: the command that calls this refuses unless demo data is allowed
in the settings (PEI_ALLOW_DEMO_ACCOUNTS).
"""

from .generate import generate_casework, period

__all__ = ["generate_casework", "period"]

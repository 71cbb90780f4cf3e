"""Meetings, agendas, panel membership and budgets in the Wagtail admin."""

"""The evidence reports for the Sub Group and the Trust Board: what was sent, decided, spent,
escalated and achieved in a district or the county over a period.

- `periods`: the period a report covers (a financial year, a quarter or two dates) and the
  one before it.
- `database`: the SQL the figures need that Django does not give: days between two times and
  percentiles, on PostgreSQL and SQLite alike.
- `figures` and its neighbours: each section's figures, counted by the database, from the
  submissions `selectors.reported_submissions` gives.
"""

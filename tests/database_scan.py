"""Find a phrase anywhere in the database: every column of every table, read as text.

The tables and columns come from the database itself (`connection.introspection`), not from
Django's models, so a table no model describes (a many-to-many table, SQLite's full-text
index, a migration another app added) is read too. Every column is cast to text, whatever
its type, so JSON, text and char columns are covered and nothing is missed because the
introspection named a type oddly. The match ignores case (SQLite's LIKE does for ASCII;
PostgreSQL's ILIKE does), and also looks for the phrase as JSON writes it (SQLite keeps JSON
as text with non-ASCII letters escaped).
"""

import json
from dataclasses import dataclass

from django.db import connection


@dataclass(frozen=True)
class Found:
    table: str
    column: str
    rows: int

    def __str__(self) -> str:
        return f"{self.table}.{self.column} ({self.rows} rows)"


def _like_pattern(phrase: str) -> str:
    escaped = phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def columns_of_every_table() -> list[tuple[str, list[str]]]:
    """Every table (not view) and its columns, as the database describes them."""
    with connection.cursor() as cursor:
        tables = [
            info.name
            for info in connection.introspection.get_table_list(cursor)
            if info.type == "t"
        ]
        return [
            (
                table,
                [c.name for c in connection.introspection.get_table_description(cursor, table)],
            )
            for table in sorted(tables)
        ]


def find_everywhere(phrase: str) -> list[Found]:
    """Every table and column that holds `phrase`, with how many rows do."""
    forms = {phrase, json.dumps(phrase)[1:-1]}
    like = "ILIKE" if connection.vendor == "postgresql" else "LIKE"
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table, columns in columns_of_every_table():
            for column in columns:
                conditions = " OR ".join(
                    f"CAST({quote(column)} AS TEXT) {like} %s ESCAPE '\\'" for _ in forms
                )
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} WHERE {conditions}",  # noqa: S608
                    [_like_pattern(form) for form in forms],
                )
                (count,) = cursor.fetchone()
                if count:
                    found.append(Found(table, column, count))
    return found


def tables_holding(phrase: str) -> set[str]:
    return {place.table for place in find_everywhere(phrase)}

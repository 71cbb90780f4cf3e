"""Fast inserts for synthetic rows: one COPY (PostgreSQL) or `executemany` (SQLite) per
batch, each value prepared by its field only where the database needs it (dates, money,
JSON), and ids taken up front so the review history can point at its submission without
reading the rows back.

Django's `bulk_create` compiles every value of every row through the field and the SQL
compiler; at half a million history rows that is most of the time the command takes. The
rows written here skip model signals and `save()`, as `bulk_create` does.
"""

import datetime

from django.db import connection, models

_PREPARED = (
    models.DateField,
    models.DecimalField,
    models.JSONField,
)


def take_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` new primary keys for `model`, taken from its sequence on PostgreSQL (so no
    other writer can take them), or after the highest one on SQLite (whose write lock the
    surrounding transaction already holds)."""
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT COALESCE(MAX({quote(column)}), 0) FROM {quote(table)}")  # noqa: S608
        top = cursor.fetchone()[0]
    return list(range(top + 1, top + count + 1))


def _converter(field):
    if isinstance(field, models.DateTimeField):
        if connection.vendor == "postgresql":
            return None  # psycopg sends an aware datetime as it is
        # As Django's SQLite backend stores it: UTC, without the offset.
        return lambda value: str(value.astimezone(datetime.UTC).replace(tzinfo=None))
    if isinstance(field, _PREPARED):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def insert(model: type[models.Model], names: list[str], rows: list[tuple]) -> None:
    """Insert `rows`, tuples of the values of the fields `names` (attribute names, such as
    `district_id`), into `model`'s table."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in names]  # attnames are found too
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
    converters = [_converter(field) for field in fields]
    if any(converters):
        rows = [
            tuple(
                value if convert is None or value is None else convert(value)
                for convert, value in zip(converters, row, strict=True)
            )
            for row in rows
        ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: the server neither parses nor plans an INSERT per row.
            table = quote(model._meta.db_table)
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(sql, rows)


def insert_instances(model: type[models.Model], instances: list[models.Model]) -> None:
    """Give each unsaved instance an id and insert them all, every concrete field."""
    if not instances:
        return
    for instance, pk in zip(instances, take_ids(model, len(instances)), strict=True):
        instance.pk = pk
    names = [field.attname for field in model._meta.concrete_fields]
    insert(model, names, [tuple(getattr(i, name) for name in names) for i in instances])
    for instance in instances:
        instance._state.adding = False

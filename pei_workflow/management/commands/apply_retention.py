"""`manage.py apply_retention [--dry-run]`: remove the practitioner's contact details and the
free text of cases whose retention period has passed (pei_workflow.services.retention).

Run it daily from cron; running it twice does no more than running it once. It prints what
it did by kind and by reference, never a removed value.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from ...services.retention import RetentionRun, apply_retention


def _cases(references: list[str]) -> str:
    count = len(references)
    listed = f": {', '.join(references)}" if references else ""
    return f"{count} {'case' if count == 1 else 'cases'}{listed}"


def report_lines(run: RetentionRun) -> list[str]:
    """What the run did (or would do), one line per kind, references only."""
    periods, verb = run.periods, "Would remove" if run.dry_run else "Removed"
    lines = ["Dry run: nothing has been changed."] if run.dry_run else []
    lines += [
        f"{verb} contact details ({periods.contact_details_years} years after the case "
        f"ended): {_cases(run.contact_details)}",
        f"{verb} free text ({periods.free_text_years} years after the case ended): "
        f"{_cases(run.free_text)}",
    ]
    if not run.dry_run:
        lines.append(f"Rewritten: {run.removed.summary()}")
    if run.no_end_recorded:
        lines.append("Left alone, ended with no record of when: " + _cases(run.no_end_recorded))
    return lines


class Command(BaseCommand):
    help = (
        "Remove the practitioner's contact details and the free text of closed, declined and "
        "withdrawn cases once their retention period (settings.PEI_RETENTION) has passed."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        # argparse prints its usage before the error; an operator reading cron mail wants
        # the one line that says what was wrong.
        def one_line_error(message):
            if parser.called_from_command_line:
                parser.exit(2, f"apply_retention: {message} (try --help)\n")
            raise CommandError(f"Error: {message}")

        parser.error = one_line_error
        return parser

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be removed, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        try:
            run = apply_retention(dry_run=dry_run)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        for line in report_lines(run):
            self.stdout.write(line)

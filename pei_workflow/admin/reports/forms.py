"""The period a report covers, as the person asks for it: a financial year and, if they
like, one of its quarters; or any two dates."""

from django import forms
from django.utils import timezone

from ...models import financial_year_label, financial_year_of
from ...reports import periods

#: How many financial years back the year list goes.
YEARS_BACK = 6
#: The longest period of two dates a report covers.
LONGEST_PERIOD_DAYS = 366 * 10


def year_choices() -> list[tuple[str, str]]:
    this_year = financial_year_of(timezone.localdate())
    return [
        (str(year), financial_year_label(year))
        for year in range(this_year, this_year - YEARS_BACK, -1)
    ]


class PeriodForm(forms.Form):
    year = forms.TypedChoiceField(label="Financial year", coerce=int, required=False)
    quarter = forms.TypedChoiceField(
        label="Quarter",
        coerce=int,
        required=False,
        choices=[("", "The whole year")]
        + [(str(n), f"Quarter {n}: {name}") for n, name in periods.QUARTER_NAMES.items()],
    )
    start = forms.DateField(
        label="From",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label="To",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if self.errors:
            return data
        if bool(start) != bool(end):
            missing = "end" if start else "start"
            self.add_error(missing, "Give both dates, or neither to report on a financial year.")
        elif start and end:
            if end < start:
                self.add_error("end", "The end date must be the same as or after the start date.")
            elif (end - start).days > LONGEST_PERIOD_DAYS:
                self.add_error("end", "A report covers at most 10 years.")
        return data

    def period(self) -> periods.Period:
        """The period asked for (call once the form is valid)."""
        data = self.cleaned_data
        if data.get("start"):
            return periods.between(data["start"], data["end"])
        year = data.get("year")
        if year in (None, ""):
            return periods.this_financial_year()
        if data.get("quarter"):
            return periods.quarter_of(year, data["quarter"])
        return periods.financial_year(year)


def dates_of(period: periods.Period) -> dict:
    """The query string that asks for `period` again (for links and downloads)."""
    if period.quarter:
        return {"year": period.year, "quarter": period.quarter}
    if period.year is not None:
        return {"year": period.year}
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}

"""The casework reports in the admin (Reports > Casework reports): a page per district for
those who read its reports, and the county's page for county leads, for a period, each
section a table and its chart; every section downloadable as CSV or XLSX.

Like every casework screen they read only the query parameters they declare and answer any
other with a 400; a district the person may not read is a 404, the county page a 403 for
anyone but a county lead.
"""

from urllib.parse import urlencode

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from ... import audit
from ...charts import format_number, grouped_bar_chart
from ...models import District, pounds
from ...permissions import is_county_lead
from ...reports import periods
from ...reports.report import Report, county_report, district_report
from ...selectors import report_districts_visible_to
from .. import urls
from ..base import bad_request, refused
from . import spreadsheets
from .forms import PeriodForm, dates_of

PARAMETERS = frozenset({"year", "quarter", "start", "end", "export", "section"})
NO_REPORTS = "Only EIDOs, panel and Sub Group members and county leads can read reports."
COUNTY_ONLY = "Only county leads can read the county's report."
TARGET_LABELS = {"spend": "Budget"}


@require_safe
def reports_index(request):
    districts = list(report_districts_visible_to(request.user).order_by("name"))
    if not districts:
        return refused(request, NO_REPORTS)
    context = {
        "districts": [(d, urls.district_report_url(d)) for d in districts],
        "county_url": urls.county_report_url() if is_county_lead(request.user) else "",
    }
    return TemplateResponse(request, "pei_workflow/reports/index.html", context)


@require_safe
def district_report_view(request, code):
    district = get_object_or_404(report_districts_visible_to(request.user), code=code.upper())
    return _report_page(
        request,
        lambda period: district_report(request.user, district, period),
        district=district,
    )


@require_safe
def county_report_view(request):
    if not is_county_lead(request.user):
        return refused(request, COUNTY_ONLY, back_url=urls.reports_url())
    ids = list(District.objects.values_list("pk", flat=True))
    return _report_page(request, lambda period: county_report(request.user, ids, period))


def _report_page(request, build, district=None):
    for name in request.GET:
        if name not in PARAMETERS:
            return bad_request(
                request, f"A report cannot be filtered by “{name[:40]}”.", back_url=request.path
            )
    form = PeriodForm(request.GET or None)
    if request.GET and not form.is_valid():
        if "export" in request.GET:
            return bad_request(request, "The period of the download is not valid.")
        return _render(request, None, form, district, status=400)
    report = build(form.period() if form.is_bound else periods.this_financial_year())
    export = request.GET.get("export")
    if export is not None:
        return _download(request, report, export, request.GET.get("section", ""), district)
    if "section" in request.GET:
        return bad_request(request, "Choose a section only to download it.", back_url=request.path)
    audit.record_report_view(
        request,
        District,
        report.title,
        district=district,
        data=dates_of(report.scope.period),
    )
    return _render(request, report, form, district)


def _download(request, report: Report, export: str, key: str, district):
    if export not in spreadsheets.FORMATS:
        return bad_request(request, "A report downloads as CSV or XLSX only.")
    sections = report.sections
    if key:
        section = report.section(key)
        if section is None:
            return bad_request(request, "The report has no such section.")
        sections = [section]
    elif export == "csv":
        return bad_request(request, "Choose a section to download as CSV.")
    audit.record_export(
        request,
        District,
        export,
        district=district,
        data={"report": report.title, "section": key or "all", **dates_of(report.scope.period)},
    )
    return spreadsheets.download(report, sections, export)


def _render(request, report, form, district, status=200):
    period = report.scope.period if report else None
    query = urlencode(dates_of(period)) if period else ""
    sections = []
    for section in report.sections if report else []:
        money = section.money
        sections.append(
            {
                "section": section,
                "rows": [
                    [_cell(value, index, money) for index, value in enumerate(row)]
                    for row in section.rows
                ],
                "chart": grouped_bar_chart(
                    section.finding,
                    section.chart_rows(),
                    chart_id=f"pei-chart-{section.key}",
                    series=section.series,
                    unit=section.unit,
                    target_label=TARGET_LABELS.get(section.key, "Target"),
                    format_value=pounds if money & set(section.charted) else None,
                ),
                "csv_url": f"?{query}&export=csv&section={section.key}",
                "xlsx_url": f"?{query}&export=xlsx&section={section.key}",
            }
        )
    context = {
        "report": report,
        "title": report.title if report else _title(district),
        "form": form,
        "sections": sections,
        "period": period,
        "previous": report.scope.previous if report else None,
        "xlsx_url": f"?{query}&export=xlsx" if report else "",
        "reports_url": urls.reports_url(),
    }
    return TemplateResponse(request, "pei_workflow/reports/report.html", context, status=status)


def _title(district) -> str:
    return f"{district.name}: casework report" if district else "Lancashire: casework report"


def _cell(value, index: int, money: frozenset[int]):
    """How a table cell reads: money in pounds, numbers with commas, none as "none"."""
    if index == 0:
        return {"text": value, "numeric": False}
    if isinstance(value, str):
        return {"text": value, "numeric": False}
    text = pounds(value) if index in money else format_number(value)
    return {"text": text, "numeric": True}

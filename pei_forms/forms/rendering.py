"""Turns a step form into what the GOV.UK templates draw: one plain dict per question, with
its ids, hint, error and options already worked out, so the templates hold no logic."""

from .base import StepForm


def field_views(form: StepForm) -> list[dict]:
    """The step's questions, top level only; revealed questions sit inside their option."""
    nested = form.revealed_fields()
    views = [_view(form, name) for name in form.fields if name not in nested]
    if len(views) == 1:
        # A page with one question uses the question as its heading (GOV.UK pattern).
        views[0]["is_heading"] = True
    return views


def error_summary(form: StepForm) -> list[dict]:
    """Each error once, in the order of the questions, linking to the field's id."""
    concealed = form.concealed_fields()
    items = [
        {"href": f"#{name}", "message": form.errors[name][0]}
        for name in form.fields
        if name in form.errors and name not in concealed
    ]
    items += [{"href": "", "message": message} for message in form.non_field_errors()]
    return items


def _view(form: StepForm, name: str) -> dict:
    field = form.fields[name]
    bound = form[name]
    error = form.errors[name][0] if form.is_bound and name in form.errors else ""
    hint = str(field.help_text or "")
    view = {
        "kind": field.kind,
        "name": name,
        "id": name,
        "label": field.label,
        "hint": hint,
        "error": error,
        "is_heading": False,
        "described_by": " ".join(
            part for part, present in ((f"{name}-hint", hint), (f"{name}-error", error)) if present
        ),
    }
    value = bound.value()
    if field.kind == "radios":
        view.update(_radios(form, name, field, "" if value is None else str(value)))
    elif field.kind == "checkbox":
        view.update(item_label=field.item_label, checked=bool(value))
    else:
        view.update(
            value="" if value is None else str(value),
            input_type=field.input_type,
            input_mode=field.input_mode,
            autocomplete=field.autocomplete,
            spellcheck=field.spellcheck,
            width_class=field.width_class,
            prefix=field.prefix,
            max_length=field.max_length if field.kind == "textarea" else None,
            max_length_text=f"{field.max_length:,}" if field.kind == "textarea" else "",
            rows=getattr(field, "rows", None),
        )
    return view


def _radios(form: StepForm, name: str, field, chosen: str) -> dict:
    reveals = form.conditionals.get(name, {})
    items = []
    for position, (value, label) in enumerate(field.choices, start=1):
        value = str(value)
        item_id = name if position == 1 else f"{name}-{position}"
        checked = value == chosen
        revealed = [_view(form, revealed_name) for revealed_name in reveals.get(value, ())]
        items.append(
            {
                "id": item_id,
                "value": value,
                "label": label,
                "hint": field.item_hints.get(value, ""),
                "checked": checked,
                "divider": value == field.divider_before,
                "conditional": revealed,
            }
        )
    return {"items": items, "inline": field.inline, "has_conditionals": bool(reveals)}

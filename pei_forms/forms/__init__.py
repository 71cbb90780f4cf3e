"""The two public forms, each a journey of step forms (one module per form)."""

from .base import FormDefinition, Step, StepForm
from .caf import CAF_FORM
from .gap import GAP_FORM

__all__ = ["CAF_FORM", "GAP_FORM", "FormDefinition", "Step", "StepForm"]

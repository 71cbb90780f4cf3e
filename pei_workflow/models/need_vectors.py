"""A gap's need as the meaning model reads it (`pei_workflow.similarity`), so that finding
the similar past gaps compares stored vectors and runs no model.

A vector is made when a gap is sent and again whenever its words change. The database itself
deletes a vector when the unmet need, what has been tried, the barrier's detail or the
district of its gap changes (triggers, migration 0020): a vector can never outlive the words
it was made from, whatever code changed them, and a redacted passage leaves nothing behind.
A vector is never updated in place, only deleted and made anew, so the newest id tells every
server's copy of the vectors what it has not yet read (`similarity.index`).

Not kept in the history tables: it is derived from the words, which are.
"""

import numpy as np
from django.db import models

from .gaps import GapInService


class NeedVector(models.Model):
    gap = models.OneToOneField(GapInService, on_delete=models.CASCADE, related_name="+")
    vector = models.BinaryField(help_text="float32 values, little-endian")
    model_name = models.CharField(max_length=60)
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "need vector"

    def __str__(self) -> str:
        return f"The need of gap {self.gap_id}, read by {self.model_name}"

    @staticmethod
    def pack(vector: np.ndarray) -> bytes:
        return np.asarray(vector, dtype="<f4").tobytes()

    @staticmethod
    def unpack(data) -> np.ndarray:
        return np.frombuffer(bytes(data), dtype="<f4")

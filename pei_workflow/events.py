"""What the casework tells the rest of the site once a step has been committed.

pei_workflow cannot import pei_forms (dependencies point the other way), yet the practitioner's
emails belong to pei_forms. So each committed transition is announced here, after the commit,
and pei_forms listens. A listener must only queue work (a durable task): the step is already
saved, and nothing a listener does can undo it.
"""

from django.dispatch import Signal

#: Sent after the transaction that made a step commits, with `submission` (the saved
#: instance) and `log` (its TransitionLog row).
transition_committed = Signal()

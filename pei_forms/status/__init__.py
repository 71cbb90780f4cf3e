"""The practitioner's private status page: the link emailed on submission opens it.

Nobody signs in: whoever holds the link can read the state of the submission, answer an
information request and withdraw it. So the link is treated like a password: it is looked up
by hash only, every failure looks the same, and it is kept out of other sites' referrers,
caches and logs. It stops working a set time after the case ends, and when the email address
it was sent to is corrected (pei_workflow.tokens).
"""

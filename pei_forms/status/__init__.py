"""The practitioner's private status page: the link emailed on submission opens it.

Nobody signs in: whoever holds the link can read the state of the submission, answer an
information request and withdraw it. So the link is treated like a password: it is looked up
by hash only, every failure looks the same, and it is kept out of referrers, caches and logs.
"""

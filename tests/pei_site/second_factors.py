"""Helpers for the second-factor tests: an app's code computed as the phone would (django-otp's
`TOTP` from the device's key), and a person with an app and backup codes set up."""

import time

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from pei_site.second_factor import devices

SET_UP = reverse("pei_second_factor_set_up")
CHECK = reverse("pei_second_factor_check")
BACKUP_CODES = reverse("pei_second_factor_backup_codes")
HOME = reverse("wagtailadmin_home")


def app_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the phone's app shows now, or `steps_ahead` 30-second steps later (a code is
    taken once, so a second sign-in within the same step needs the next one)."""
    device.refresh_from_db()
    clock = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    clock.time = time.time() + steps_ahead * device.step
    return f"{clock.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    """Six digits that are none of the codes the device would take now."""
    right = {app_code(device, steps) for steps in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in right)


def with_second_factor(user) -> tuple[TOTPDevice, list[str]]:
    """Give `user` a confirmed app and ten backup codes, as setting up would."""
    device = devices.app_being_set_up(user)
    device.confirmed = True
    device.save()
    return device, devices.new_backup_codes(user)


def signed_in(user) -> Client:
    """A session that has given the password, and no code yet."""
    client = Client()
    client.force_login(user)
    return client

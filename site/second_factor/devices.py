"""A person's second factor, as django-otp devices: one authenticator app (`TOTPDevice`) and
one set of backup codes (`StaticDevice`, its tokens each used once).

A code is checked against one device, chosen by its shape: six digits are the app's, anything
else is a backup code. Trying every device in turn (django-otp's `match_token`) would count a
wrong guess against each, throttling the backup codes of someone who mistyped an app code.
Each device throttles on its own: after n wrong codes in a row it refuses the next for
2^(n-1) seconds (settings.OTP_*_THROTTLE_FACTOR), whether it is right or not.
"""

import datetime
import math
import re
from base64 import b32encode
from dataclasses import dataclass

import segno
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import mark_safe
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP, BACKUP = "app", "backup"
BACKUP_CODE_COUNT = 10
APP_CODE = re.compile(r"\d{6}")
# django-otp's backup codes: 8 characters of lower-case base32 (a to z, 2 to 7).
BACKUP_CODE = re.compile(r"[a-z2-7]{8}")
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


@dataclass(frozen=True)
class Outcome:
    """What checking a code found: the device that took it, or when trying again is allowed
    (`wait_until`, set when the device refused to check because of earlier wrong codes)."""

    kind: str
    device: object = None
    wait_until: datetime.datetime | None = None

    @property
    def passed(self) -> bool:
        return self.device is not None


def has_second_factor(user) -> bool:
    """Whether the person has set one up (their codes are asked for, not a new set-up)."""
    return user.is_authenticated and user_has_device(user, confirmed=True)


def normalised(typed: str) -> str:
    """A code as typed, without the spaces and dashes people copy with it."""
    return re.sub(r"[\s-]", "", typed or "").lower()


def kind_of(code: str) -> str | None:
    """APP, BACKUP, or None for something that is neither, which no device is asked about."""
    if APP_CODE.fullmatch(code):
        return APP
    if BACKUP_CODE.fullmatch(code):
        return BACKUP
    return None


def app_being_set_up(user) -> TOTPDevice:
    """The person's authenticator app not yet confirmed, made the first time they are asked:
    the same key on every visit, so a page reloaded after scanning still matches the app."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def key_in_groups(device: TOTPDevice) -> str:
    """The secret key as an app asks for it to be typed: base32, in groups of four."""
    key = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The key's QR code as inline SVG, drawn here (no script, nothing fetched), dark on a
    white ground so that it scans in the admin's dark theme too."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, dark="#0b0c0c", light="#ffffff", svgclass="pei-qr-code"
    )
    # Named for screen readers; the key is written out beside it for whoever cannot scan.
    named = svg.replace("<svg ", '<svg role="img" aria-label="QR code for your app" ', 1)
    return mark_safe(named)  # noqa: S308 (segno's drawing of our own key: no text of anyone's)


def _refused_until(device) -> datetime.datetime | None:
    allowed, extra = device.verify_is_allowed()
    if allowed:
        return None
    return (extra or {}).get("locked_until") or timezone.now()


def confirm_app(*, user, code: str) -> Outcome:
    """Check a code from the app being set up; if it is right, the app is the person's."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None:
            return Outcome(APP)
        wait_until = _refused_until(device)
        if wait_until is not None:
            return Outcome(APP, wait_until=wait_until)
        if not device.verify_token(code):
            return Outcome(APP)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # Any other set-up left half done (two tabs) is no use now.
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return Outcome(APP, device=device)


def check_code(*, user, code: str) -> Outcome:
    """Check a code against the one device its shape belongs to (see the module's doc)."""
    kind = kind_of(code)
    if kind is None:
        return Outcome(kind)
    model = TOTPDevice if kind == APP else StaticDevice
    with transaction.atomic():
        device = (
            model.objects.devices_for_user(user, confirmed=True)
            .select_for_update()
            .order_by("pk")
            .first()
        )
        if device is None:
            return Outcome(kind)
        wait_until = _refused_until(device)
        if wait_until is not None:
            return Outcome(kind, wait_until=wait_until)
        return Outcome(kind, device=device if device.verify_token(code) else None)


def new_backup_codes(user) -> list[str]:
    """Ten new backup codes for the person, in place of any they had (those stop working)."""
    with transaction.atomic():
        device = StaticDevice.objects.select_for_update().filter(user=user).order_by("pk").first()
        if device is None:
            device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME)
        device.token_set.all().delete()
        codes: set[str] = set()
        while len(codes) < BACKUP_CODE_COUNT:
            codes.add(StaticToken.random_token())
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
        # New codes start with a clean slate, whatever was typed wrong before.
        device.throttle_reset()
    return sorted(codes)


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def in_groups_of_four(code: str) -> str:
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def wait_words(until: datetime.datetime) -> str:
    """How long until `until`, rounded up: "1 second", "40 seconds", "9 minutes", "3 hours"."""
    seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
    count, unit = (
        (seconds, "second")
        if seconds < 60
        else (math.ceil(seconds / 60), "minute")
        if seconds < 3600
        else (math.ceil(seconds / 3600), "hour")
    )
    return f"{count} {unit}{'' if count == 1 else 's'}"

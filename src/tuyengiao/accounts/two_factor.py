"""The second factor of administrators: authenticator apps (TOTP) first, backup codes as fallback.

Rules kept here so that views stay thin:

* a session may add a device only once it is verified, or when the user has no confirmed device
  at all (the first sign-in, or after a system administrator reset the second factor);
* confirming the first authenticator app also issues backup codes, so that losing the phone does
  not lock the user out;
* backup codes are one-time; when ``LOW_BACKUP_CODES`` or fewer are left the user is warned, and a
  verified session may replace them all;
* a system administrator may delete another user's devices; that is written to the audit log.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User

BACKUP_CODE_COUNT = 10
LOW_BACKUP_CODES = 2
BACKUP_DEVICE_NAME = "Mã dự phòng"
TOTP_DEVICE_NAME = "Ứng dụng xác thực"
# Letters and digits that cannot be mistaken for one another when read off paper.
_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_CODE_LENGTH = 8


@dataclass(frozen=True)
class SecondFactorStatus:
    """What the user has: shown on the verify and security pages."""

    authenticator_apps: int
    backup_codes_left: int
    has_backup_device: bool

    @property
    def enrolled(self) -> bool:
        return self.authenticator_apps > 0 or self.has_backup_device

    @property
    def backup_codes_low(self) -> bool:
        """Time to print new codes: few left, or none while they are the only way in."""
        return self.has_backup_device and self.backup_codes_left <= LOW_BACKUP_CODES


def status(user: User) -> SecondFactorStatus:
    apps = TOTPDevice.objects.filter(user=user, confirmed=True).count()
    backup_devices = StaticDevice.objects.filter(user=user, confirmed=True)
    codes = StaticToken.objects.filter(device__in=backup_devices).count()
    return SecondFactorStatus(
        authenticator_apps=apps,
        backup_codes_left=codes,
        has_backup_device=backup_devices.exists(),
    )


def has_confirmed_device(user: User) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def users_with_devices(user_ids: list[int]) -> set[int]:
    """Which of these users have any second-factor device (for the user list)."""
    found: set[int] = set()
    for model in (TOTPDevice, StaticDevice):
        found.update(model.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True))
    return found


def may_enrol(user: User, session_verified: bool) -> bool:
    """A password alone never adds a device to an account that already has one: that would let
    a stolen password replace the second factor."""
    if not user.must_use_two_factor:
        return False
    return session_verified or not has_confirmed_device(user)


def pending_totp_device(user: User) -> TOTPDevice:
    """A fresh, unconfirmed TOTP device (earlier unconfirmed ones are dropped: their secret may
    have been shown to someone else)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


def confirm_totp_device(device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm ``device`` with a code from the app. Returns the backup codes issued with a first
    device (empty when the user already had codes), or ``None`` when the code is wrong."""
    if not device.verify_token(token):
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        user = device.user
        if StaticDevice.objects.filter(user=user, confirmed=True).exists():
            return []
        return issue_backup_codes(user)


def _new_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))


def issue_backup_codes(user: User, count: int = BACKUP_CODE_COUNT) -> list[str]:
    """Replace every backup code of ``user`` with ``count`` new ones (shown once, stored as
    django-otp static tokens)."""
    codes = [_new_code() for _ in range(count)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def normalise_token(raw: str) -> str:
    """Codes are typed from paper or phones: spaces and letter case do not matter."""
    return "".join(raw.split()).lower()


def reset_second_factor(target: User, actor: User) -> int:
    """Delete all of ``target``'s devices (its next sign-in enrols a first one); audit-logged."""
    with transaction.atomic():
        count = 0
        for model in (TOTPDevice, StaticDevice):
            _, per_model = model.objects.filter(user=target).delete()
            count += per_model.get(model._meta.label, 0)  # not the cascaded backup codes
        LogEntry.objects.log_create(
            target,
            action=LogEntry.Action.UPDATE,
            changes={"xác thực hai lớp": [f"{count} thiết bị", "đã đặt lại (xóa hết thiết bị)"]},
            actor=actor,
            additional_data={**target.get_additional_data(), "event": "second_factor_reset"},
        )
    return count

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from tuyengiao.orgs.picker import UnitPickField

from .models import Role, User
from .two_factor import normalise_token


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý chữ hoa, chữ thường.",
        "inactive": "Tài khoản này đã bị khóa.",
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Mã xác thực",
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text="Mã 6 số trong ứng dụng xác thực (hoặc một mã dự phòng).",
        error_messages={"required": "Hãy nhập mã xác thực."},
    )

    def clean_token(self) -> str:
        token = normalise_token(self.cleaned_data["token"])
        if not token:
            raise forms.ValidationError("Hãy nhập mã xác thực.")
        return token


class AppTokenForm(TokenForm):
    """The first code of a newly scanned authenticator app (backup codes do not confirm it)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["token"].help_text = "Mã 6 số đang hiện trong ứng dụng vừa quét."

    def clean_token(self) -> str:
        token = super().clean_token()
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError("Mã của ứng dụng xác thực gồm đúng 6 chữ số.")
        return token


class PasswordAgainForm(forms.Form):
    """The user's password, asked again before the second factor changes."""

    password = forms.CharField(
        label="Mật khẩu hiện tại",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
        help_text="Nhập lại mật khẩu để xác nhận chính bạn đang thao tác.",
        error_messages={"required": "Hãy nhập mật khẩu hiện tại."},
    )

    def __init__(self, *args: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        # Through authenticate(), not check_password(): django-axes counts the failures, so this
        # form is no unthrottled way to guess the password of a session left open.
        if authenticate(self.request, username=self.user.get_username(), password=password) is None:
            raise forms.ValidationError("Mật khẩu không đúng.")
        return password


class UserForm(forms.ModelForm):
    """Create or edit a user inside the manager's subtree."""

    password = forms.CharField(
        label="Mật khẩu",
        required=False,
        widget=forms.PasswordInput,
        help_text="Để trống khi sửa nếu không đổi mật khẩu. Tối thiểu 10 ký tự.",
    )

    class Meta:
        model = User
        # Vietnamese order: the family name (họ) before the middle and given names.
        fields = ["username", "last_name", "first_name", "email", "unit", "role", "is_active"]
        labels = {
            "username": "Tên đăng nhập",
            "first_name": "Tên đệm và tên",
            "last_name": "Họ",
            "email": "Thư điện tử",
            "is_active": "Đang hoạt động",
        }

    def __init__(self, *args: Any, manager: User, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.manager = manager
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["unit"].required = True
        if self.instance.person_id:
            self.fields["person_number"].initial = self.instance.person_id
        if not manager.is_system_admin:
            choices = [c for c in Role.choices if c[0] != Role.SYSTEM_ADMIN]
            self.fields["role"].choices = choices  # type: ignore[attr-defined]

    person_number = forms.IntegerField(
        label="Mã hồ sơ nhân sự",
        required=False,
        min_value=1,
        help_text=(
            "Bắt buộc với tài khoản đảng viên: số ở cuối địa chỉ trang của người đó trong Nhân sự "
            "(/don-vi/nhan-su/<số>/)."
        ),
    )

    def clean(self) -> dict[str, Any]:
        """A member's account is tied to their own person, who must be in the manager's reach and
        in the account's unit subtree."""
        from tuyengiao.orgs.models import Person

        from .scoping import Action, scoped

        data = super().clean() or {}
        number = data.get("person_number")
        if number:
            person = scoped(Person, self.manager, Action.MANAGE).filter(pk=number).first()
            if person is None:
                self.add_error("person_number", "Không có hồ sơ này trong phạm vi của đồng chí.")
            elif data.get("unit") is not None and not data["unit"].contains(person.unit):
                self.add_error("person_number", "Người này không thuộc đơn vị của tài khoản.")
            else:
                self.instance.person = person
        elif data.get("role") == Role.MEMBER and self.instance.person_id is None:
            self.add_error("person_number", "Tài khoản đảng viên phải gắn với hồ sơ của người đó.")
        return data

    def clean_password(self) -> str:
        password: str = self.cleaned_data.get("password", "")
        if not self.instance.pk and not password:
            raise forms.ValidationError("Cần đặt mật khẩu cho tài khoản mới.")
        if password:
            from django.contrib.auth.password_validation import validate_password

            validate_password(password, self.instance)
        return password

    def save(self, commit: bool = True) -> User:
        user: User = super().save(commit=False)
        if self.cleaned_data.get("password"):
            user.set_password(self.cleaned_data["password"])
        if commit:
            user.save()
        return user


class AuditFilterForm(forms.Form):
    """Filters of a log page (the change log here, the access log of ``privacy``)."""

    q = forms.CharField(label="Tìm", required=False)
    unit = UnitPickField(label="Đơn vị", required=False)
    date_from = forms.DateField(label="Từ ngày", required=False)
    date_to = forms.DateField(label="Đến ngày", required=False)

    def filter(self, entries: QuerySet[LogEntry]) -> QuerySet[LogEntry]:
        """The entries the filters keep; none for filters that do not validate (the page shows why)."""
        if not self.is_valid():
            return entries.none() if self.is_bound else entries
        data = self.cleaned_data
        if data["q"]:
            entries = entries.filter(
                Q(object_repr__icontains=data["q"]) | Q(actor__username__icontains=data["q"])
            )
        if data["unit"]:
            entries = entries.filter(additional_data__unit_path__startswith=data["unit"].path)
        if data["date_from"]:
            entries = entries.filter(timestamp__date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(timestamp__date__lte=data["date_to"])
        return entries

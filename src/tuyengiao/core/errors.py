"""The "bad request" page (``handler400`` in the root URLconf).

Django answers a post it refuses before any view runs — more files than
``DATA_UPLOAD_MAX_NUMBER_FILES``, too many fields, a malformed body — with a bare English "Bad
Request (400)". This says in Vietnamese what happened and what to do; the upload page's script
gets the same message as JSON, as it does for the view's own errors.
"""

from __future__ import annotations

from django.core.exceptions import TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from .uploads import too_many_files_text

GENERIC = (
    "Yêu cầu gửi lên không hợp lệ nên chưa được xử lý; không có gì bị thay đổi. "
    "Hãy tải lại trang và thử lần nữa."
)
TOO_MANY_FIELDS = (
    "Biểu mẫu gửi lên có quá nhiều trường nên chưa được xử lý; không có gì bị thay đổi. "
    "Hãy chia thành nhiều lần gửi."
)


def bad_request_message(exception: BaseException | None) -> str:
    if isinstance(exception, TooManyFilesSent):
        return too_many_files_text()
    if isinstance(exception, TooManyFieldsSent):
        return TOO_MANY_FIELDS
    return GENERIC


def bad_request(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    message = bad_request_message(exception)
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return JsonResponse({"errors": [message]}, status=400)
    # The page the post came from shows its form again (never request.POST: reading it would
    # raise the same error again).
    context = {"message": message, "back_url": request.path}
    return render(request, "400.html", context, status=400)

"""Personal data of the shell: background jobs keep the uploaded file (people lists, sign-in
sheets) and the outcome of each import (see core/personal_data_spec.py, privacy/legal.py)."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

# Uploaded import files (people lists, signed attendance sheets) are kept this long, then the
# purge (``tuyengiao purge_personal_data``) deletes the file; the job's counts stay.
IMPORT_FILE_DAYS = 30

DECLARATIONS = [
    Declaration(
        model="core.Job",
        person_paths=("started_by__person",),
        fields=("started_by", "file", "filename", "result"),
        purpose=(
            "Tác vụ nền của người dùng: tệp đã tải lên (danh sách nhân sự, bảng ký tên điểm "
            "danh) và kết quả nhập."
        ),
        legal_basis=legal.PARTY_WORK,
        retention=f"Tệp tải lên: {IMPORT_FILE_DAYS} ngày; bản ghi tác vụ: đến khi xóa theo yêu cầu.",
        erasure=Erasure.ERASE,
        files=("file",),
        retention_days=IMPORT_FILE_DAYS,
        retention_from="created_at",
        purge_fields=("file",),
    ),
]

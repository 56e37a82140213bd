"""The national list of anniversaries seeded into every installation (migration 0002).

Sources, for each date below (``source`` is stored with the row and shown on the list):

* ``ND145`` — Nghị định 145/2013/NĐ-CP ngày 29/10/2013 của Chính phủ quy định về tổ chức ngày kỷ
  niệm …, Chương 2 "Kỷ niệm những ngày lễ lớn trong nước", Điều 4 "Các ngày lễ lớn": Tết
  Nguyên đán; Ngày thành lập Đảng Cộng sản Việt Nam 03/02/1930; Giỗ Tổ Hùng Vương 10/3 âm lịch;
  Ngày Giải phóng miền Nam, thống nhất đất nước 30/4/1975; Ngày Chiến thắng Điện Biên Phủ
  07/5/1954; Ngày sinh Chủ tịch Hồ Chí Minh 19/5/1890; Ngày Cách mạng Tháng Tám 19/8/1945 và
  Quốc khánh 02/9/1945.
* ``BLLD`` — Bộ luật Lao động 2019 (45/2019/QH14), Điều 112: the paid holidays (1/5, 30/4, 2/9,
  Giỗ Tổ) — the same list ``privacy/deadlines.py`` reads through the ``holidays`` package.
* The other days are the traditional days that every year's "Hướng dẫn tuyên truyền các ngày lễ
  lớn, sự kiện lịch sử" of the Ban Tuyên giáo Trung ương lists; their line names the event the
  date commemorates (and the act instituting the day where it is certain). The list is a starting
  point: system administrators edit it on the page "Ngày kỷ niệm".

The article was read (stop 29) in a stored copy of the decree's Chapter 2
(hethongphapluat.com, "Chương 2 Nghị định 145/2013/NĐ-CP"): Điều 4 lists the seven great days
above with these dates, and Điều 6 onwards set the ceremonies "năm chẵn" / "năm lẻ 5, năm khác"
(round anniversaries: multiples of 10; năm lẻ 5: 5, 15, 25 …), the vocabulary used here.
"""

from __future__ import annotations

from typing import NamedTuple

ND145 = "Nghị định 145/2013/NĐ-CP, Điều 4 (các ngày lễ lớn)"
BLLD = "Bộ luật Lao động 2019, Điều 112 (ngày nghỉ lễ)"


class Seed(NamedTuple):
    title: str
    category: str  # events.models.Category value
    day: int
    month: int
    year: int | None
    source: str
    lunar: bool = False


NATIONAL: list[Seed] = [
    Seed("Ngày thành lập Đảng Cộng sản Việt Nam", "dang", 3, 2, 1930, ND145),
    Seed(
        "Ngày Thầy thuốc Việt Nam",
        "nganh",
        27,
        2,
        1955,
        "Thư của Chủ tịch Hồ Chí Minh gửi Hội nghị cán bộ y tế ngày 27/2/1955",
    ),
    Seed(
        "Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        "dang",
        26,
        3,
        1931,
        "Hội nghị lần thứ hai Ban Chấp hành Trung ương Đảng (3/1931)",
    ),
    Seed("Giỗ Tổ Hùng Vương", "quoc-gia", 10, 3, None, f"{ND145}; {BLLD}", lunar=True),
    Seed("Ngày Giải phóng miền Nam, thống nhất đất nước", "quoc-gia", 30, 4, 1975, ND145),
    Seed("Ngày Quốc tế Lao động", "quoc-gia", 1, 5, 1886, BLLD),
    Seed("Ngày Chiến thắng Điện Biên Phủ", "quoc-gia", 7, 5, 1954, ND145),
    Seed("Ngày sinh Chủ tịch Hồ Chí Minh", "quoc-gia", 19, 5, 1890, ND145),
    Seed(
        "Ngày Báo chí cách mạng Việt Nam",
        "nganh",
        21,
        6,
        1925,
        "Báo Thanh Niên ra số đầu ngày 21/6/1925",
    ),
    Seed(
        "Ngày Thương binh – Liệt sĩ",
        "quoc-gia",
        27,
        7,
        1947,
        "Ngày Thương binh toàn quốc lần đầu 27/7/1947 (Hội nghị ở Đại Từ, Thái Nguyên, 6/1947)",
    ),
    Seed("Ngày Cách mạng Tháng Tám", "quoc-gia", 19, 8, 1945, ND145),
    Seed("Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", "quoc-gia", 2, 9, 1945, ND145),
    Seed(
        "Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (Ngày Phụ nữ Việt Nam)",
        "dang",
        20,
        10,
        1930,
        "Hội Phụ nữ phản đế Việt Nam thành lập ngày 20/10/1930",
    ),
    Seed(
        "Ngày Nhà giáo Việt Nam",
        "nganh",
        20,
        11,
        1982,
        "Pháp lệnh của Hội đồng Nhà nước (Quyết định 167-HĐNN7 ngày 28/9/1982)",
    ),
    Seed(
        "Ngày thành lập Mặt trận Dân tộc thống nhất Việt Nam (Ngày hội Đại đoàn kết toàn dân tộc)",
        "dang",
        18,
        11,
        1930,
        "Hội Phản đế đồng minh thành lập ngày 18/11/1930",
    ),
    Seed(
        "Ngày Văn hóa Việt Nam",
        "quoc-gia",
        24,
        11,
        1946,
        "Hội nghị Văn hóa toàn quốc lần thứ nhất 24/11/1946; ngày nghỉ lễ từ 2026 (xem "
        "privacy/deadlines.py)",
    ),
    Seed(
        "Ngày thành lập Quân đội nhân dân Việt Nam, Ngày hội Quốc phòng toàn dân",
        "quoc-gia",
        22,
        12,
        1944,
        "Đội Việt Nam Tuyên truyền Giải phóng quân thành lập 22/12/1944; Chỉ thị 381-CT/TW (1989)",
    ),
]

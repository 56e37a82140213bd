"""Where the rules were read: the pages and public files actually consulted (see
docs/the-thuc.md). A rule cites one of these in ``Rule.via``."""

from __future__ import annotations

# Hướng dẫn 36-HD/VPTW, điểm 1.7.1 (quyền hạn ký: T/M, K/T), quoted verbatim.
TVPL_36_SIGNATURE = (
    "https://thuvienphapluat.vn/hoi-dap-phap-luat/40E6A-hd-cach-trinh-bay-quyen-han-chuc-vu-"
    "ho-ten-va-chu-ky-cua-nguoi-co-tham-quyen-trong-van-ban-cua-dang.html"
)
# Hướng dẫn 36-HD/VPTW, điểm 1.3.1 (số văn bản), quoted verbatim.
TVPL_36_NUMBER = (
    "https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/40E5A-hd-cach-trinh-bay-so-va-ky-hieu-"
    "van-ban-trong-van-ban-cua-dang.html"
)
# A party office's summary of 36-HD/VPTW: the mandatory components, font charset, paper size.
VINHUNI_36_SUMMARY = (
    "https://vpdangdoan.vinhuni.edu.vn/thong-bao-van-ban/seo/huong-dan-ve-the-thuc-va-ky-thuat-"
    "trinh-bay-van-ban-cua-dang-86250"
)
# The first page of 36-HD/VPTW itself (its own header prints "Số 36-HD/VPTW", no colon).
DOCPLAYER_36_HEADER = "https://docplayer.vn/amp/146735479 (36-HD/VPTW, first page)"
# Quy định 399-QĐ/TW: header, Điều 1-2, date and signer ("Số 399-QĐ/TW", no colon).
NHANSU_399 = (
    "https://nhansu.vn/van-ban-phap-luat/Quy-dinh-399-QD-TW-2026-the-loai-tham-quyen-ban-hanh-"
    "va-the-thuc-van-ban-cua-Dang-690017.html"
)
# A report on 399-QĐ/TW: 5 parts, 19 articles, the list of document types.
LSVN_399 = (
    "https://lsvn.vn/thong-nhat-he-thong-van-ban-cua-dang-theo-quy-dinh-moi-cua-ban-bi-thu-"
    "a168642.html"
)
# Quy định 66-QĐ/TW (2017): header ("Số: 66-QĐ/TW" on a type "QUY ĐỊNH") and Điều 1-2.
TVPL_66 = "https://thuvienphapluat.vn/documents/law.aspx?id=M%3DpReU9URTTX (66-QĐ/TW)"
# A party handbook (Đảng ủy Khối Bình Thuận): margins 25/25/35/15 mm, page numbers, font; it
# does not say which guide it follows.
BINHTHUAN_HANDBOOK = (
    "https://stdt.danguykhoibinhthuan.vn/sotay/cong-tac-van-phong-cap-uy/the-thuc-van-ban/"
    "yeu-cau-ky%CC%83-thua%CC%A3t-trinh-bay-van-ba%CC%89n"
)
# Public repository that restates 36-HD/VPTW and NĐ 30/2020 (secondary; codes, margins, sizes).
SKILL_36 = "github:crazykid95/Van-ban-hanh-chinh-AI-Agent-Skill references/huong-dan-36.md"
SKILL_30 = "github:crazykid95/Van-ban-hanh-chinh-AI-Agent-Skill references/nghi-dinh-30.md"
# Public files (code search corpus, file ids; repository not shown) that state 05-HD/VPTW and
# 399-QĐ/TW rules: a drafting guide citing 399 Điều 11, 13 and 05-HD (id 70900120406); a
# party-document renderer "chuẩn Hướng dẫn 05-HD/VPTW" (id 59864881826); a rule list
# (id 55900714647).
CODE_05_GUIDE = "code corpus file 70900120406 (drafting guide citing 399-QĐ/TW, 05-HD/VPTW)"
CODE_05_RENDERER = "code corpus file 59864881826 (renderer 'chuẩn Hướng dẫn 05-HD/VPTW')"
CODE_05_RULES = "code corpus file 55900714647 (rule list '05-HD/VPTW (2026)')"
# Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II, khoản 3 (số, ký hiệu), quoted.
LUATVIETNAM_30_NUMBER = (
    "https://luatvietnam.vn/hanh-chinh/cach-ghi-so-va-ky-hieu-van-ban-dung-chuan-nghi-dinh-30-"
    "570-25261-article.html"
)
# Nghị định 30/2020/NĐ-CP, Điều 13 and Phụ lục I Mục II khoản 7 (TM., KT.), quoted.
LUTRADER_30_SIGNATURE = "https://lutrader.com/khi-nao-ki-thu-truong-khi-nao-ki-giam-doc-nam-2024"
# Reports of NĐ 30 margins (20-25 / 20-25 / 30-35 / 15-20 mm).
FINALBLADE_30_MARGINS = (
    "https://final-blade.com/cach-can-le-chuan-trong-van-ban-hanh-chinh-1666727210; "
    "https://amvietnam.com/faqs/standard-margin-and-line-spacing-regulations-in-"
    "administrative-documents-of-vietnam"
)
# Hướng dẫn 36-HD/VPTW, điểm 1.2.1 (tên cơ quan ban hành), quoted verbatim from its opening:
# "Ghi chính xác, đầy đủ tên cơ quan ban hành văn bản theo quy định của Điều lệ Đảng hoặc văn
# bản thành lập …" (the examples further down were cut off).
TVPL_36_ISSUER = (
    "https://thuvienphapluat.vn/hoi-dap-phap-luat/40E57-hd-cach-trinh-bay-ten-co-quan-ban-hanh-"
    "van-ban-trong-van-ban-cua-dang.html"
)
# The presentation table of 36-HD/VPTW (mẫu trình bày: loại chữ, cỡ chữ, kiểu chữ of each
# component, with examples "ĐẢNG BỘ TỈNH THÁI NGUYÊN" / "HUYỆN UỶ ĐỊNH HOÁ" / "Số 127-QĐ/TW"),
# reproduced by a page that names the Văn phòng Trung ương's guide; cut off after "Điều".
BIQUYET_36_TABLE = "https://biquyetxaynha.com/cac-mau-van-ban-cua-dang-cong-san-viet-nam-nam-2024"
# Public files stating 05-HD/VPTW rules (code corpus ids; secondary): a party công văn builder
# "deterministic 05-HD/VPTW layout rules" (superior / issuer / "*" / "Số …-CV/…" / "V/v …",
# Nơi nhận underlined, page number in the header from page 2) (id 69888936476); a drafting
# prompt "theo Hướng dẫn 05" (header parent organisation "TỈNH ỦY LÂM ĐỒNG" over a board, K/T
# TRƯỞNG BAN, T/L BAN THƯỜNG VỤ, no academic titles before the signer's name) (id 67116623905).
CODE_05_REPLY = "code corpus file 69888936476 (party công văn builder '05-HD/VPTW layout rules')"
CODE_05_PROMPT = "code corpus file 67116623905 (drafting prompt 'theo Hướng dẫn 05')"

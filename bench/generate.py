#!/usr/bin/env python3
"""Generate a complete bangvang site of N realistic profiles, for benchmarks.

    python3 bench/generate.py N OUTDIR [--seed S] [--mixed] [--force]

writes OUTDIR/content/: site.toml, units.toml (20 to 40 units of a provincial
Department of Construction), one folder per year 2015..2025 with its _plan.toml (the
structure and criteria of content/2024/_plan.toml, years adapted) and the N profiles
spread over the years: collectives about 10 %, leaders about 10 %, staff the rest.

Names follow the real distribution of Vietnamese family names; stories are 300 to 600
words of Vietnamese-looking text with `##` headings, lists and links, assembled from a
phrase bank (not meaningful, but valid Markdown, with nothing that looks like a phone
number, an ID number or an e-mail address). Every profile passes `bangvang check`.
By default every profile is recognised; `--mixed` makes about 2 % pending, 2 % not
recognised (a warning) and 2 % revoked.

Deterministic: the same N, seed and flags give a byte-identical tree.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import os
import random
import shutil
import sys
import time
import unicodedata

YEARS = list(range(2015, 2026))
ORG = "Sở Xây dựng tỉnh Bình Phước"
ORG_SHORT = "Sở Xây dựng"


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


_SLUGS: dict[str, str] = {}


def slugify(text: str) -> str:
    """Like bangvang's: tones dropped, đ as d, lowercase, words joined by '-'."""
    s = _SLUGS.get(text)
    if s is None:
        s = _SLUGS[text] = _slugify(text)
    return s


def _slugify(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    out = []
    dash = False
    for c in text:
        if unicodedata.combining(c):
            continue
        if c.isascii() and c.isalnum():
            if dash and out:
                out.append("-")
            dash = False
            out.append(c.lower())
        else:
            dash = True
    return "".join(out)


def tq(s: str) -> str:
    """A TOML basic string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --------------------------------------------------------------------------------------
# Names

# (family name, share in %): the usual estimates for Vietnam; "others" share the rest.
FAMILY = [
    ("Nguyễn", 38.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0),
    ("Hoàng", 3.0), ("Huỳnh", 2.0), ("Phan", 4.5), ("Vũ", 2.0), ("Võ", 1.9),
    ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3),
    ("Dương", 1.0), ("Lý", 0.5),
]
FAMILY_OTHERS = [
    "Trương", "Đinh", "Mai", "Lương", "Đoàn", "Lâm", "Trịnh", "Cao", "Lưu", "Tạ",
    "Hà", "Châu", "Phùng", "Tô", "Quách", "Kiều", "Thái", "La", "Mạc", "Triệu",
    "Vương", "Tăng", "Khúc", "Doãn", "Chu", "Giang", "Văn", "Lại", "Thân", "Ông",
]

MIDDLE_M = [
    "Văn", "Văn", "Văn", "Minh", "Quang", "Đức", "Hữu", "Công", "Thanh", "Ngọc",
    "Xuân", "Hoàng", "Tuấn", "Duy", "Quốc", "Thành", "Trọng", "Anh", "Bá", "Đình",
    "Hải", "Mạnh", "Tiến", "Việt", "Kim", "Phước", "Tấn", "Chí", "Gia", "Đăng",
]
MIDDLE_F = [
    "Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Kim", "Phương", "Minh",
    "Hồng", "Bích", "Mỹ", "Diệu", "Khánh", "Hoài", "Thùy", "Hải", "Mai", "Lan",
    "Tuyết", "Bảo", "Quỳnh", "Hoàng", "Thảo", "Xuân", "Cẩm", "Ánh", "Vân", "Hà",
]
GIVEN_M = [
    "An", "Bình", "Cường", "Dũng", "Đức", "Hùng", "Huy", "Khang", "Khoa", "Long",
    "Minh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Tiến",
    "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Hải", "Hiếu", "Hoàng", "Lâm", "Lộc",
    "Nghĩa", "Nhân", "Quang", "Tâm", "Thịnh", "Trí", "Tú", "Vũ", "Khải", "Hưng",
    "Đạt", "Duy", "Hào", "Kiên", "Lực", "Mạnh", "Nhật", "Phát", "Quý", "Sang",
    "Thái", "Thiện", "Thuận", "Trọng", "Tường", "Vĩnh", "Hòa", "Đông", "Bảo", "Cảnh",
]
GIVEN_F = [
    "Anh", "Châu", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
    "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc",
    "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Trinh",
    "Tuyết", "Vân", "Yến", "Uyên", "Hồng", "Liên", "Lý", "Nhi", "Quỳnh", "Thư",
    "Thơ", "Diễm", "Duyên", "Hậu", "Hiền", "Khuê", "Lệ", "Nguyệt", "Nhàn", "Phượng",
    "Sương", "Thắm", "Thanh", "Trâm", "Vy", "Xuân", "Ánh", "Đào", "Hảo", "Ly",
]
# Two-word given names, for which a profile says `given_name`.
GIVEN2_M = ["Bình Minh", "Quốc Bảo", "Minh Khôi", "Thanh Tùng", "Hoàng Long", "Đức Anh"]
GIVEN2_F = ["Thu Hà", "Minh Anh", "Bảo Ngọc", "Thanh Tâm", "Phương Thảo", "Ngọc Ánh"]


def make_picker(rng: random.Random, items: list[str], weights: list[float]):
    cum = []
    t = 0.0
    for w in weights:
        t += w
        cum.append(t)
    def pick() -> str:
        return items[bisect.bisect_right(cum, rng.random() * t)]

    return pick


# --------------------------------------------------------------------------------------
# Units of a provincial Department of Construction (after the 2025 merger with Transport).

UNIT_BANK = [
    # (name, type, description)
    ("Văn phòng Sở", "office", "Tham mưu cho Giám đốc Sở về tổ chức cán bộ, thi đua, khen thưởng, hành chính, văn thư, lưu trữ và tài chính; là đầu mối tiếp nhận hồ sơ thủ tục hành chính của Sở."),
    ("Thanh tra Sở", "office", "Thực hiện thanh tra hành chính, thanh tra chuyên ngành; tiếp công dân, giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng theo quy định."),
    ("Phòng Kế hoạch - Tài chính", "office", "Tham mưu xây dựng kế hoạch, quản lý tài chính, tài sản công và theo dõi tình hình thực hiện kế hoạch đầu tư công của ngành."),
    ("Phòng Quản lý xây dựng", "office", "Tham mưu quản lý hoạt động đầu tư xây dựng, thẩm định dự án và thiết kế, cấp giấy phép xây dựng, quản lý chất lượng công trình."),
    ("Phòng Quản lý nhà và thị trường bất động sản", "office", "Tham mưu thực hiện chính sách nhà ở, phát triển nhà ở xã hội, quản lý công sở và theo dõi thị trường bất động sản."),
    ("Phòng Kinh tế - Vật liệu xây dựng", "office", "Tham mưu quản lý chi phí đầu tư xây dựng, công bố giá vật liệu và chỉ số giá xây dựng, quản lý phát triển vật liệu xây dựng."),
    ("Phòng Quy hoạch - Kiến trúc", "office", "Tham mưu quản lý nhà nước về quy hoạch xây dựng, quy hoạch đô thị và kiến trúc; thẩm định nhiệm vụ và đồ án quy hoạch."),
    ("Phòng Hạ tầng kỹ thuật", "office", "Tham mưu quản lý cấp nước, thoát nước, chiếu sáng, cây xanh đô thị, nghĩa trang và quản lý chất thải rắn xây dựng."),
    ("Phòng Phát triển đô thị", "office", "Tham mưu về phát triển đô thị, phân loại đô thị, quản lý đầu tư phát triển đô thị và khu đô thị mới."),
    ("Phòng Quản lý kết cấu hạ tầng giao thông", "office", "Tham mưu quản lý, khai thác, bảo trì hệ thống đường tỉnh, cầu, bến phà và hành lang an toàn giao thông."),
    ("Phòng Quản lý vận tải, phương tiện và người lái", "office", "Tham mưu quản lý hoạt động vận tải, cấp phù hiệu, quản lý đào tạo, sát hạch và cấp giấy phép lái xe."),
    ("Phòng Pháp chế - Tổng hợp", "office", "Tham mưu công tác xây dựng, kiểm tra, rà soát văn bản quy phạm pháp luật, phổ biến giáo dục pháp luật và tổng hợp báo cáo."),
    ("Phòng Quản lý chất lượng công trình", "office", "Tham mưu kiểm tra công tác nghiệm thu, giám định chất lượng và sự cố công trình xây dựng trên địa bàn tỉnh."),
    ("Phòng Chuyển đổi số và Cải cách hành chính", "office", "Tham mưu triển khai chuyển đổi số, cải cách hành chính, dịch vụ công trực tuyến và cơ sở dữ liệu của ngành."),
    ("Trung tâm Kiểm định chất lượng xây dựng", "affiliate", "Thực hiện thí nghiệm vật liệu, kiểm định chất lượng công trình và cung cấp dịch vụ tư vấn kỹ thuật."),
    ("Trung tâm Quy hoạch xây dựng", "affiliate", "Lập, điều chỉnh quy hoạch xây dựng, quy hoạch đô thị và nông thôn; tư vấn thiết kế kiến trúc."),
    ("Trung tâm Đăng kiểm phương tiện giao thông", "affiliate", "Kiểm định an toàn kỹ thuật và bảo vệ môi trường phương tiện giao thông cơ giới đường bộ."),
    ("Trung tâm Đào tạo và Sát hạch lái xe", "affiliate", "Tổ chức đào tạo, sát hạch lái xe các hạng theo quy định và bồi dưỡng nghiệp vụ cho người điều khiển phương tiện."),
    ("Trung tâm Công nghệ thông tin và Dữ liệu xây dựng", "affiliate", "Xây dựng, vận hành cơ sở dữ liệu ngành, hệ thống thông tin quy hoạch và hạ tầng công nghệ thông tin của Sở."),
    ("Trung tâm Quản lý nhà và chung cư", "affiliate", "Quản lý, vận hành quỹ nhà ở thuộc sở hữu nhà nước, nhà ở xã hội và nhà chung cư được giao."),
    ("Trung tâm Tư vấn thiết kế xây dựng", "affiliate", "Tư vấn khảo sát, thiết kế, giám sát thi công và quản lý dự án các công trình dân dụng, hạ tầng."),
    ("Chi cục Giám định xây dựng", "affiliate", "Giúp Giám đốc Sở giám định chất lượng, giám định sự cố và kiểm tra công tác nghiệm thu công trình."),
    ("Chi cục Quản lý đường bộ", "affiliate", "Quản lý, bảo trì hệ thống đường bộ được giao, tuần tra, kiểm tra và bảo vệ kết cấu hạ tầng giao thông."),
    ("Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp", "affiliate", "Làm chủ đầu tư, quản lý các dự án dân dụng và công nghiệp sử dụng vốn đầu tư công của tỉnh."),
    ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", "affiliate", "Làm chủ đầu tư, quản lý các dự án giao thông trọng điểm, bảo đảm tiến độ và chất lượng công trình."),
    ("Ban Quản lý bảo trì đường bộ", "affiliate", "Tổ chức thực hiện bảo trì, sửa chữa định kỳ và khắc phục hậu quả thiên tai trên các tuyến đường tỉnh."),
    ("Ban Quản lý khu đô thị mới", "affiliate", "Quản lý đầu tư xây dựng, khai thác và vận hành hạ tầng các khu đô thị mới do tỉnh đầu tư."),
    ("Trung tâm Quản lý công viên và cây xanh", "affiliate", "Duy tu, chăm sóc hệ thống công viên, cây xanh và chiếu sáng công cộng tại trung tâm tỉnh."),
    ("Trung tâm Thí nghiệm vật liệu xây dựng", "affiliate", "Thí nghiệm cơ lý vật liệu, cấu kiện và đất nền phục vụ quản lý chất lượng công trình."),
    ("Bến xe khách tỉnh", "affiliate", "Tổ chức khai thác bến xe khách, bảo đảm an toàn, trật tự và phục vụ hành khách đi lại."),
    ("Cảng vụ đường thủy nội địa", "affiliate", "Quản lý hoạt động của phương tiện tại cảng, bến thủy nội địa và bảo đảm an toàn giao thông đường thủy."),
    ("Trung tâm Phát triển quỹ đất và hạ tầng", "affiliate", "Tạo lập, phát triển quỹ đất sạch và đầu tư hạ tầng phục vụ các dự án của ngành."),
    ("Trung tâm Kỹ thuật đường bộ", "affiliate", "Kiểm tra tải trọng xe, quan trắc và đánh giá tình trạng kỹ thuật công trình đường bộ."),
    ("Ban Quản lý dự án nhà ở xã hội", "affiliate", "Quản lý đầu tư xây dựng và bàn giao các dự án nhà ở xã hội, nhà ở công nhân trên địa bàn tỉnh."),
    ("Đoàn Thanh niên Sở Xây dựng", "union", "Tập hợp, giáo dục đoàn viên thanh niên; xung kích trong chuyển đổi số, cải cách hành chính và các hoạt động tình nguyện."),
    ("Hội Cựu chiến binh cơ quan Sở", "union", "Tập hợp hội viên cựu chiến binh, phát huy truyền thống Bộ đội Cụ Hồ, tham gia xây dựng cơ quan vững mạnh."),
    ("Công đoàn cơ sở Trung tâm Kiểm định", "union", "Đại diện, chăm lo quyền lợi của đoàn viên tại Trung tâm; tổ chức phong trào thi đua lao động giỏi."),
    ("Công đoàn cơ sở các Ban Quản lý dự án", "union", "Chăm lo đời sống đoàn viên tại các Ban Quản lý dự án, vận động thi đua bảo đảm tiến độ công trình."),
]
AGENCY = ("Sở Xây dựng", "agency", "Cơ quan chuyên môn thuộc UBND tỉnh, tham mưu quản lý nhà nước về quy hoạch, kiến trúc, hoạt động đầu tư xây dựng, nhà ở, bất động sản, vật liệu xây dựng và giao thông vận tải.")
UNION = ("Công đoàn Sở Xây dựng", "union", "Tổ chức đại diện, chăm lo và bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên; phối hợp tổ chức các phong trào thi đua.")

TEAMS = [
    "Tổ Một cửa", "Tổ Thẩm định", "Tổ Tổng hợp", "Tổ Kỹ thuật", "Tổ Hành chính",
    "Tổ Văn thư - Lưu trữ", "Tổ Công nghệ thông tin", "Đội Kiểm tra", "Tổ Kế toán",
    "Tổ Thí nghiệm", "Tổ Nữ công", "Chi đoàn", "Tổ Công đoàn", "Tổ Giám sát",
    "Tổ Hiện trường", "Tổ Pháp chế", "Tổ Quản lý dự án", "Tổ Khảo sát",
]


def leader_positions(name: str, utype: str) -> list[str]:
    if utype == "agency":
        return ["Giám đốc Sở", "Phó Giám đốc Sở"]
    if name.startswith("Văn phòng"):
        return ["Chánh Văn phòng", "Phó Chánh Văn phòng"]
    if name.startswith("Thanh tra"):
        return ["Chánh Thanh tra", "Phó Chánh Thanh tra"]
    if name.startswith("Phòng"):
        return ["Trưởng phòng", "Phó Trưởng phòng"]
    if name.startswith("Chi cục"):
        return ["Chi cục trưởng", "Phó Chi cục trưởng"]
    if name.startswith("Ban"):
        return ["Giám đốc Ban", "Phó Giám đốc Ban"]
    if name.startswith("Trung tâm") or name.startswith("Bến") or name.startswith("Cảng"):
        return ["Giám đốc", "Phó Giám đốc"]
    if name.startswith("Đoàn"):
        return ["Bí thư Đoàn cơ sở", "Phó Bí thư Đoàn cơ sở"]
    if name.startswith("Hội"):
        return ["Chủ tịch Hội", "Phó Chủ tịch Hội"]
    return ["Chủ tịch Công đoàn", "Phó Chủ tịch Công đoàn"]


def staff_positions(name: str, utype: str) -> list[str]:
    common = ["Chuyên viên", "Chuyên viên", "Chuyên viên", "Chuyên viên chính", "Nhân viên"]
    if name.startswith("Thanh tra"):
        return ["Thanh tra viên", "Thanh tra viên chính", "Chuyên viên"]
    if name.startswith("Văn phòng"):
        return common + ["Văn thư", "Kế toán viên", "Lưu trữ viên", "Lái xe"]
    if "Kế hoạch" in name:
        return common + ["Kế toán viên", "Kế toán viên chính"]
    if "Đăng kiểm" in name:
        return ["Đăng kiểm viên", "Đăng kiểm viên bậc cao", "Nhân viên nghiệp vụ", "Kỹ thuật viên"]
    if "Sát hạch" in name:
        return ["Giáo viên dạy lái xe", "Sát hạch viên", "Nhân viên", "Kế toán viên"]
    if utype == "affiliate":
        return ["Kỹ sư", "Kỹ sư", "Viên chức", "Kỹ thuật viên", "Kiểm định viên",
                "Kế toán viên", "Nhân viên", "Kiến trúc sư", "Cán sự"]
    if utype == "union":
        return ["Ủy viên Ban Chấp hành", "Đoàn viên", "Chuyên viên", "Hội viên"]
    return common + ["Kỹ sư", "Kiến trúc sư", "Cán sự"]


# --------------------------------------------------------------------------------------
# The plan of every year: the structure and words of content/2024/_plan.toml.

PLAN = """\
# Kế hoạch số {number} ngày {issued_vn} của Sở Xây dựng tỉnh Bình Phước
# về phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến tại Sở Xây dựng năm {year}.
# (Sinh tự động cho đo hiệu năng: cấu trúc và tiêu chí của kế hoạch 883/KH-SXD năm 2024.)
number = "{number}"
title = "Kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến tại Sở Xây dựng năm {year}"
issued = {issued}
# Mục IV.2.1, bước 1: hồ sơ gửi về Thường trực Hội đồng trước ngày 30/11/{year}.
deadline = {year}-11-30
# Mục IV.2.1: bỏ phiếu kín, ít nhất 90% thành viên Hội đồng công nhận đồng ý.
approval_percent = 90
# Mục III.1: có từ 50% công chức, viên chức, người lao động hoàn thành xuất sắc nhiệm vụ.
excellent_members_percent = 50

# Mục IV.1. Cách thức phát hiện: thông qua các phong trào thi đua do Thủ tướng Chính phủ,
# Bộ Xây dựng, UBND tỉnh, Sở Xây dựng và Công đoàn cơ quan phát động thực hiện trong năm {year}.
[[movement]]
id = "thu-tuong-chinh-phu"
name = "Phong trào thi đua do Thủ tướng Chính phủ phát động"

[[movement]]
id = "bo-xay-dung"
name = "Phong trào thi đua do Bộ Xây dựng phát động"

[[movement]]
id = "ubnd-tinh"
name = "Phong trào thi đua do UBND tỉnh phát động"

[[movement]]
id = "so-xay-dung"
name = "Phong trào thi đua do Sở Xây dựng phát động"

[[movement]]
id = "cong-doan-co-quan"
name = "Phong trào thi đua do Công đoàn cơ quan phát động"

# Mục II.2. Tiêu chuẩn chung: tập thể, cá nhân được công nhận là điển hình tiên tiến
# phải đạt được các tiêu chuẩn chung sau.
[[criterion]]
id = "chap-hanh-phap-luat"
applies_to = ["collective", "leader", "staff"]
text = "Gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước"

[[criterion]]
id = "hoan-thanh-xuat-sac"
applies_to = ["collective", "leader", "staff"]
text = "Hoàn thành xuất sắc nhiệm vụ được giao năm {year}"

[[criterion]]
id = "tieu-bieu-lan-toa"
applies_to = ["collective", "leader", "staff"]
text = "Tiêu biểu, có sức lan tỏa, tác động tích cực đối với cơ quan"

[[criterion]]
id = "tuong-than-tuong-ai"
applies_to = ["collective", "leader", "staff"]
text = "Có tinh thần tương thân, tương ái, giúp đỡ mọi người cùng tiến bộ; tích cực tham gia các hoạt động nhân đạo, từ thiện"

# Mục III.1. Điển hình tiên tiến đối với tập thể.
[[criterion]]
id = "tap-the-tieu-bieu-xuat-sac"
applies_to = ["collective"]
text = "Là tập thể tiêu biểu xuất sắc nhất trong thực hiện nhiệm vụ chính trị và thực hiện tốt công tác cải cách hành chính năm {year}"

[[criterion]]
id = "thanh-vien-chu-dong-sang-tao"
applies_to = ["collective"]
text = "Công chức, viên chức, người lao động trong tập thể luôn chủ động, sáng tạo, đạt hiệu quả cao trong thực hiện nhiệm vụ được giao; có từ 50% công chức, viên chức, người lao động hoàn thành xuất sắc nhiệm vụ được giao năm {year}"

[[criterion]]
id = "phong-trao-ky-luat"
applies_to = ["collective"]
text = "Triển khai thực hiện có hiệu quả các phong trào thi đua, thực hiện nghiêm kỷ luật, kỷ cương hành chính"

[[criterion]]
id = "doan-ket-nam-truoc"
applies_to = ["collective"]
text = "Tập thể đoàn kết, hoàn thành xuất sắc nhiệm vụ được giao năm {prev}; là tập thể tiêu biểu, nổi trội trong các hoạt động của cơ quan"

# Mục III.2.1. Đối với cá nhân giữ chức vụ lãnh đạo, quản lý của cơ quan, đơn vị trực thuộc Sở.
[[criterion]]
id = "trach-nhiem-nguoi-dung-dau"
applies_to = ["leader"]
text = "Luôn nêu cao tinh thần trách nhiệm của người đứng đầu trong đơn vị; lãnh đạo, chỉ đạo tổ chức thực hiện có hiệu quả nhiệm vụ công tác năm {year}"

[[criterion]]
id = "sang-kien-giai-phap"
applies_to = ["leader"]
text = "Tích cực nghiên cứu, áp dụng các sáng kiến, giải pháp trong thực hiện chức năng nhiệm vụ của đơn vị, trong tổ chức thực hiện các phong trào thi đua"

[[criterion]]
id = "nang-dong-di-dau"
applies_to = ["leader"]
text = "Luôn năng động, sáng tạo trong công tác, hoàn thành xuất sắc nhiệm vụ được giao năm {year}; là nhân tố tiêu biểu, nổi trội, đi đầu trong mọi hoạt động của cơ quan, đơn vị (Cá nhân giữ chức vụ lãnh đạo, quản lý là gương điển hình tiên tiến khi tập thể do người đó đứng đầu phải là tập thể tiêu biểu, hoàn thành xuất sắc nhiệm vụ)"

# Mục III.2.2. Đối với gương điển hình tiên tiến là công chức, viên chức, người lao động.
[[criterion]]
id = "trach-nhiem-sang-tao"
applies_to = ["staff"]
text = "Có tinh thần trách nhiệm cao, năng động, sáng tạo trong công tác, nhiệm vụ được giao năm {year}; là nhân tố tiêu biểu, nổi trội của cơ quan, đơn vị"

[[criterion]]
id = "guong-mau-di-dau"
applies_to = ["staff"]
text = "Gương mẫu đi đầu trong mọi lĩnh vực; hoàn thành xuất sắc nhiệm vụ được giao năm {year}"

[[criterion]]
id = "lam-theo-bac"
applies_to = ["staff"]
text = "Thực hiện có hiệu quả những việc đăng ký làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và được cấp có thẩm quyền đánh giá, ghi nhận"

[[criterion]]
id = "doan-ket-xay-dung-tap-the"
applies_to = ["staff"]
text = "Có tinh thần đoàn kết, xây dựng tập thể; có ý thức trách nhiệm với tập thể, với cộng đồng"
"""

MOVEMENTS = ["thu-tuong-chinh-phu", "bo-xay-dung", "ubnd-tinh", "so-xay-dung", "cong-doan-co-quan"]
COMMON = ["chap-hanh-phap-luat", "hoan-thanh-xuat-sac", "tieu-bieu-lan-toa", "tuong-than-tuong-ai"]
CRITERIA = {
    "collective": COMMON + ["tap-the-tieu-bieu-xuat-sac", "thanh-vien-chu-dong-sang-tao",
                            "phong-trao-ky-luat", "doan-ket-nam-truoc"],
    "leader": COMMON + ["trach-nhiem-nguoi-dung-dau", "sang-kien-giai-phap", "nang-dong-di-dau"],
    "staff": COMMON + ["trach-nhiem-sang-tao", "guong-mau-di-dau", "lam-theo-bac",
                       "doan-ket-xay-dung-tap-the"],
}

# Evidence for each criterion. {nam}: the year, {truoc}: the year before, {dv}: the unit,
# {tv}/{xs}: a collective's members and excellent members.
EVIDENCE = {
    "chap-hanh-phap-luat": [
        "Gương mẫu chấp hành chủ trương của Đảng, pháp luật của Nhà nước và quy chế làm việc của cơ quan; không vi phạm kỷ luật.",
        "Chấp hành nghiêm các quy định của pháp luật, nội quy, quy chế của {dv}; không có vi phạm trong năm {nam}.",
        "Thực hiện đúng chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước; không có đơn thư phản ánh.",
        "Nghiêm túc thực hiện quy định về văn hóa công vụ, đạo đức nghề nghiệp và kỷ luật, kỷ cương hành chính.",
    ],
    "hoan-thanh-xuat-sac": [
        "Được đánh giá, xếp loại hoàn thành xuất sắc nhiệm vụ năm {nam}.",
        "Hoàn thành xuất sắc nhiệm vụ được giao năm {nam}, nhiều việc hoàn thành trước thời hạn.",
        "Được xếp loại hoàn thành xuất sắc nhiệm vụ năm {nam}; toàn bộ hồ sơ được giao giải quyết đúng hạn.",
    ],
    "tieu-bieu-lan-toa": [
        "Cách làm mới được {dv} phổ biến để các đơn vị khác tham khảo, áp dụng.",
        "Kinh nghiệm được giới thiệu tại hội nghị sơ kết phong trào thi đua của Sở năm {nam}.",
        "Là tấm gương được đồng nghiệp tin tưởng, học tập trong thực hiện nhiệm vụ chuyên môn.",
        "Mô hình được Sở chọn để nhân rộng trong các phòng chuyên môn và đơn vị trực thuộc.",
    ],
    "tuong-than-tuong-ai": [
        "Tích cực tham gia các đợt quyên góp ủng hộ Quỹ Vì người nghèo và hiến máu tình nguyện do cơ quan tổ chức.",
        "Thường xuyên thăm hỏi, giúp đỡ đồng nghiệp gặp khó khăn; ủng hộ Quỹ Đền ơn đáp nghĩa.",
        "Tham gia đầy đủ các hoạt động nhân đạo, từ thiện; hỗ trợ đồng bào vùng bị thiên tai.",
        "Chủ động kèm cặp, hướng dẫn đồng nghiệp mới; tham gia chương trình xây nhà tình thương.",
    ],
    "tap-the-tieu-bieu-xuat-sac": [
        "Dẫn đầu Sở về tỷ lệ hồ sơ tiếp nhận và trả kết quả trực tuyến toàn trình năm {nam}.",
        "Hoàn thành toàn bộ chỉ tiêu nhiệm vụ chính trị năm {nam}, nhiều chỉ tiêu vượt kế hoạch.",
        "Là tập thể tiêu biểu của Sở trong cải cách hành chính, không có hồ sơ trễ hạn năm {nam}.",
    ],
    "thanh-vien-chu-dong-sang-tao": [
        "Có {xs} trên {tv} thành viên được đánh giá hoàn thành xuất sắc nhiệm vụ năm {nam}; các thành viên còn lại đều hoàn thành tốt nhiệm vụ.",
        "Năm {nam}, {xs} trong số {tv} công chức, viên chức, người lao động hoàn thành xuất sắc nhiệm vụ.",
    ],
    "phong-trao-ky-luat": [
        "Hưởng ứng hiệu quả các phong trào thi đua của Bộ Xây dựng và của Sở; không có phản ánh về thái độ phục vụ.",
        "Tổ chức phát động và sơ kết thi đua định kỳ; thực hiện nghiêm kỷ luật, kỷ cương hành chính.",
        "Triển khai đồng bộ các phong trào thi đua; không có thành viên vi phạm nội quy, quy chế.",
    ],
    "doan-ket-nam-truoc": [
        "Tập thể đoàn kết, được công nhận hoàn thành xuất sắc nhiệm vụ năm {truoc} và đạt danh hiệu Tập thể lao động xuất sắc năm {truoc}.",
        "Hoàn thành xuất sắc nhiệm vụ năm {truoc}; là tập thể nổi trội trong các hoạt động văn hóa, thể thao của cơ quan.",
    ],
    "trach-nhiem-nguoi-dung-dau": [
        "Trực tiếp phân công, kiểm tra tiến độ từng nhiệm vụ; chịu trách nhiệm về chất lượng văn bản do đơn vị tham mưu.",
        "Lãnh đạo {dv} hoàn thành toàn bộ nhiệm vụ công tác năm {nam}, nhiều việc vượt tiến độ.",
        "Gương mẫu, sâu sát cơ sở; chỉ đạo giải quyết dứt điểm các vướng mắc tồn đọng từ năm {truoc}.",
    ],
    "sang-kien-giai-phap": [
        "Chủ trì xây dựng giải pháp số hóa quy trình nội bộ, được Hội đồng sáng kiến cơ sở công nhận.",
        "Đề xuất sáng kiến rút ngắn thời gian giải quyết hồ sơ, được áp dụng tại {dv}.",
        "Nghiên cứu, áp dụng giải pháp quản lý tiến độ bằng bảng theo dõi điện tử dùng chung.",
    ],
    "nang-dong-di-dau": [
        "Năng động, đi đầu trong chuyển đổi số; {dv} do đồng chí đứng đầu được công nhận là tập thể điển hình tiên tiến năm {nam}.",
        "Hoàn thành xuất sắc nhiệm vụ năm {nam}; tập thể {dv} do đồng chí phụ trách là tập thể tiêu biểu của Sở.",
    ],
    "trach-nhiem-sang-tao": [
        "Chủ động đề xuất cách làm mới và hoàn thành các nhiệm vụ được giao trước thời hạn.",
        "Có tinh thần trách nhiệm cao, nhận và hoàn thành tốt những phần việc khó của {dv}.",
        "Năng động, sáng tạo trong tham mưu; nhiều đề xuất được lãnh đạo đơn vị chấp thuận áp dụng.",
    ],
    "guong-mau-di-dau": [
        "Gương mẫu trong thực hiện nội quy, văn hóa công vụ; hoàn thành xuất sắc nhiệm vụ được giao năm {nam}.",
        "Đi đầu trong các phong trào của cơ quan; hoàn thành xuất sắc nhiệm vụ năm {nam}.",
    ],
    "lam-theo-bac": [
        "Thực hiện tốt nội dung đăng ký làm theo Bác về tinh thần phục vụ nhân dân, được Chi bộ đánh giá, ghi nhận.",
        "Đăng ký và thực hiện hiệu quả việc làm theo Bác về thực hành tiết kiệm, được cấp ủy ghi nhận cuối năm {nam}.",
        "Thực hiện có hiệu quả việc làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; được Chi bộ biểu dương.",
    ],
    "doan-ket-xay-dung-tap-the": [
        "Sẵn sàng hỗ trợ đồng nghiệp, góp phần xây dựng {dv} đoàn kết, vững mạnh.",
        "Có ý thức trách nhiệm với tập thể, tích cực tham gia các hoạt động cộng đồng tại địa phương.",
        "Hòa đồng, chia sẻ kinh nghiệm chuyên môn, giúp đỡ đồng nghiệp cùng tiến bộ.",
    ],
}

ACHIEVEMENTS = [
    "người tham mưu số hóa toàn bộ hồ sơ lưu trữ, giúp việc tra cứu tài liệu nhanh chóng và chính xác",
    "người đề xuất quy trình giải quyết hồ sơ trực tuyến toàn trình, không để hồ sơ nào trễ hạn trong năm {nam}",
    "người chủ trì giải pháp phiếu kiểm tra điện tử, rút ngắn thời gian thẩm định hồ sơ",
    "người kiên trì hướng dẫn doanh nghiệp nộp hồ sơ qua Cổng dịch vụ công, giảm số lần đi lại",
    "người góp phần đưa chỉ số cải cách hành chính của {dv} tăng rõ rệt trong năm {nam}",
    "người trực tiếp kiểm tra hiện trường các công trình trọng điểm, phát hiện sớm sai sót kỹ thuật",
    "người xây dựng cơ sở dữ liệu giá vật liệu xây dựng được cập nhật hằng tháng",
    "người tận tụy với công tác tiếp công dân, giải quyết dứt điểm nhiều vụ việc tồn đọng",
    "người kèm cặp đồng nghiệp trẻ, chia sẻ kinh nghiệm đọc bản vẽ và viết văn bản thẩm định",
    "người đi đầu trong phong trào thi đua chuyển đổi số của Sở năm {nam}",
    "người bảo đảm an toàn tuyệt đối cho các tuyến đường được giao trong mùa mưa lũ",
    "người tổ chức thí nghiệm vật liệu chính xác, đúng hạn cho các dự án đầu tư công",
]
COLLECTIVE_ACHIEVEMENTS = [
    "giải quyết đúng hoặc trước hạn toàn bộ hồ sơ được giao năm {nam}, đưa phần lớn thủ tục sang dịch vụ công trực tuyến",
    "hoàn thành vượt tiến độ các dự án trọng điểm năm {nam}, bảo đảm chất lượng công trình",
    "dẫn đầu Sở về cải cách hành chính và chuyển đổi số trong năm {nam}",
    "đoàn kết, sáng tạo, hoàn thành xuất sắc mọi chỉ tiêu nhiệm vụ chính trị năm {nam}",
    "triển khai hiệu quả các phong trào thi đua, không có hồ sơ trễ hạn, không có đơn thư phản ánh",
    "xây dựng cơ sở dữ liệu chuyên ngành dùng chung, phục vụ tra cứu nhanh cho người dân và doanh nghiệp",
]

# --------------------------------------------------------------------------------------
# Phrase bank for stories. {ai}/{Ai}: the subject (lower/upper case), {dv}: the unit,
# {nam}: the year. No digits that could look like a phone number, no '@'.

INTRO = [
    "Năm {nam}, {ai} tiếp tục khẳng định vai trò nòng cốt trong thực hiện nhiệm vụ chính trị của {dv}.",
    "Trong bối cảnh khối lượng công việc tăng mạnh, {ai} vẫn giữ vững tinh thần trách nhiệm và hoàn thành xuất sắc các nhiệm vụ được giao.",
    "Gắn bó nhiều năm với {dv}, {ai} hiểu rằng mỗi hồ sơ được giải quyết đúng hạn là một lần củng cố niềm tin của người dân và doanh nghiệp.",
    "Không ồn ào, không phô trương, {ai} lặng lẽ làm tốt phần việc của mình từ những điều nhỏ nhất.",
    "Phong trào thi đua năm {nam} được {ai} hưởng ứng bằng những việc làm cụ thể, thiết thực và có thể đo đếm được.",
    "Nhiều đồng nghiệp nhận xét {ai} là người luôn đến sớm, về muộn và sẵn sàng nhận những phần việc khó.",
    "Khi được giao nhiệm vụ mới, {ai} không ngại khó mà chủ động tìm hiểu, học hỏi để làm tốt hơn mỗi ngày.",
    "{Ai} bước vào năm {nam} với nhiều nhiệm vụ nặng nề nhưng cũng nhiều cơ hội để đổi mới cách làm.",
    "Những kết quả mà {ai} đạt được trong năm {nam} là thành quả của một quá trình bền bỉ, kiên trì.",
    "Ở {dv}, cái tên của {ai} gắn liền với sự tận tụy, chu đáo và tinh thần phục vụ nhân dân.",
]
BODY = {
    "cong-viec": [
        "{Ai} chủ động rà soát toàn bộ quy trình, loại bỏ những khâu trùng lặp và không cần thiết.",
        "Mỗi hồ sơ đều được theo dõi trên bảng tiến độ dùng chung, cảnh báo sớm những việc sắp đến hạn.",
        "Nhờ phân công rõ người, rõ việc, rõ thời hạn, không có nhiệm vụ nào bị bỏ sót hay chậm trễ.",
        "Những vướng mắc phát sinh được {ai} báo cáo kịp thời và đề xuất phương án xử lý cụ thể.",
        "Các văn bản tham mưu được chuẩn bị kỹ lưỡng, đúng thể thức và đúng quy định của pháp luật.",
        "Thời gian giải quyết bình quân được rút ngắn rõ rệt so với thời hạn quy định.",
        "{Ai} thường xuyên xuống hiện trường để nắm tình hình thực tế trước khi đề xuất ý kiến.",
        "Khối lượng công việc tăng nhưng chất lượng tham mưu không giảm, nhiều việc còn hoàn thành trước hạn.",
        "Mọi ý kiến góp ý của người dân, doanh nghiệp đều được tiếp thu, phản hồi đầy đủ và đúng hẹn.",
        "Những công trình trọng điểm của tỉnh được theo dõi sát sao từ khâu chuẩn bị đến khi nghiệm thu.",
        "Sổ tay nghiệp vụ do {ai} biên soạn giúp đồng nghiệp mới nhanh chóng nắm vững công việc.",
        "Việc kiểm tra chéo giữa các thành viên giúp hạn chế tối đa sai sót trong văn bản.",
    ],
    "cai-cach": [
        "Cải cách hành chính được xác định là nhiệm vụ trọng tâm, xuyên suốt trong cả năm {nam}.",
        "Toàn bộ thủ tục hành chính thuộc lĩnh vực được giao được công khai minh bạch tại nơi tiếp nhận.",
        "Người dân chỉ cần nộp hồ sơ một lần, mọi bước tiếp theo đều được xử lý trên môi trường điện tử.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn luôn được duy trì ở mức cao nhất của Sở.",
        "Các mẫu đơn, tờ khai được rút gọn, bỏ bớt những thông tin không cần thiết.",
        "{Ai} tham gia rà soát, kiến nghị đơn giản hóa nhiều thủ tục hành chính của ngành.",
        "Mức độ hài lòng của người dân, doanh nghiệp đối với {dv} được nâng lên rõ rệt.",
        "Hồ sơ trễ hạn được xem là khuyết điểm chung của cả tập thể, không đổ lỗi cho riêng ai.",
    ],
    "so-hoa": [
        "Chuyển đổi số được {ai} triển khai từ những việc nhỏ như lập hồ sơ công việc điện tử.",
        "Cơ sở dữ liệu chuyên ngành được cập nhật thường xuyên, phục vụ tra cứu nhanh chóng và chính xác.",
        "Chữ ký số được sử dụng cho toàn bộ văn bản đi, giảm đáng kể thời gian luân chuyển giấy tờ.",
        "Các cuộc họp giao ban được tổ chức trực tuyến khi cần, tiết kiệm thời gian và chi phí đi lại.",
        "Bản đồ số và hệ thống thông tin địa lý giúp việc cung cấp thông tin trở nên thuận tiện hơn.",
        "{Ai} hướng dẫn đồng nghiệp khai thác phần mềm quản lý văn bản và hồ sơ công việc.",
        "Kho lưu trữ được số hóa từng bước, ưu tiên những nhóm hồ sơ được tra cứu nhiều nhất.",
    ],
    "doan-ket": [
        "Bên cạnh nhiệm vụ chuyên môn, {ai} luôn quan tâm, chia sẻ với đồng nghiệp khi gặp khó khăn.",
        "Tinh thần đoàn kết, gắn bó được vun đắp qua từng buổi sinh hoạt, từng chuyến công tác.",
        "Các hoạt động văn hóa, thể thao do Công đoàn tổ chức luôn có sự tham gia nhiệt tình của {ai}.",
        "{Ai} tích cực ủng hộ Quỹ Vì người nghèo, Quỹ Đền ơn đáp nghĩa và hiến máu tình nguyện.",
        "Những đồng nghiệp trẻ được kèm cặp tận tình, được giao việc khó và được hướng dẫn chu đáo.",
        "Mỗi khi có đồng nghiệp ốm đau hay gia đình gặp hoạn nạn, {ai} luôn có mặt kịp thời để động viên.",
        "Chương trình xây nhà tình thương và hỗ trợ học sinh nghèo vượt khó được {ai} hưởng ứng tích cực.",
    ],
    "lam-theo-bac": [
        "{Ai} đăng ký làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh bằng những việc làm cụ thể.",
        "Tinh thần cần, kiệm, liêm, chính, chí công vô tư được thể hiện trong từng việc làm hằng ngày.",
        "Việc thực hành tiết kiệm văn phòng phẩm, điện, nước được duy trì thành nếp quen thuộc.",
        "Kết quả thực hiện được Chi bộ đánh giá, ghi nhận trong kiểm điểm cuối năm {nam}.",
        "Phong cách làm việc khoa học, nói đi đôi với làm của {ai} được đồng nghiệp ghi nhận.",
        "Tác phong gần dân, trọng dân, phục vụ nhân dân luôn là kim chỉ nam trong công việc của {ai}.",
    ],
}
HEADINGS = {
    "cong-viec": ["Đổi mới cách làm từ những việc hằng ngày", "Không để hồ sơ nào trễ hạn",
                  "Sâu sát cơ sở, sát thực tế", "Chất lượng tham mưu là trên hết",
                  "Từng việc nhỏ, một kết quả lớn"],
    "cai-cach": ["Cải cách hành chính là nhiệm vụ trọng tâm", "Lấy người dân làm trung tâm",
                 "Minh bạch và đúng hẹn", "Một lần nộp, trọn vẹn kết quả"],
    "so-hoa": ["Chuyển đổi số từ việc nhỏ", "Dữ liệu phục vụ người dân",
               "Từng trang tài liệu, một kho dữ liệu", "Làm việc trên môi trường số"],
    "doan-ket": ["Một tập thể cùng tiến bộ", "Người đồng nghiệp tận tụy",
                 "Tương thân, tương ái", "Đoàn kết là sức mạnh"],
    "lam-theo-bac": ["Học tập và làm theo Bác", "Nói đi đôi với làm",
                     "Cần, kiệm, liêm, chính trong từng việc", "Gần dân, trọng dân"],
}
LIST_LEAD = [
    "Những việc làm nổi bật trong năm gồm:",
    "Để đạt được kết quả đó, {ai} đã:",
    "Cách làm được cụ thể hóa thành các bước:",
    "Một số kết quả đáng ghi nhận:",
]
LIST_ITEMS = [
    "rà soát, chuẩn hóa quy trình nội bộ và công khai tại nơi tiếp nhận hồ sơ",
    "lập bảng theo dõi tiến độ dùng chung, cảnh báo sớm những hồ sơ sắp đến hạn",
    "hướng dẫn người dân, doanh nghiệp nộp hồ sơ trực tuyến toàn trình",
    "phối hợp chặt chẽ với các phòng chuyên môn và đơn vị trực thuộc Sở",
    "kiểm tra hiện trường các công trình trọng điểm theo kế hoạch",
    "tổ chức tập huấn nghiệp vụ cho đồng nghiệp mới được tuyển dụng",
    "số hóa hồ sơ lưu trữ, ưu tiên những nhóm hồ sơ được tra cứu thường xuyên",
    "cập nhật kịp thời các văn bản quy phạm pháp luật mới của ngành",
    "tiếp nhận, phản hồi đầy đủ ý kiến góp ý của người dân",
    "tham gia các đợt ủng hộ Quỹ Vì người nghèo và hiến máu tình nguyện",
    "đề xuất đơn giản hóa thủ tục hành chính thuộc lĩnh vực được giao",
    "xây dựng sổ tay nghiệp vụ dùng chung cho cả đơn vị",
    "duy trì tủ sách pháp luật chuyên ngành và chia sẻ tài liệu điện tử",
    "thực hành tiết kiệm điện, nước và văn phòng phẩm",
]
LINKS = [
    ("Cổng thông tin điện tử Bộ Xây dựng", "https://moc.gov.vn/"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Hệ thống văn bản của Chính phủ", "https://vanban.chinhphu.vn/"),
    ("Cổng thông tin điện tử tỉnh Bình Phước", "https://binhphuoc.gov.vn/"),
    ("Báo Xây dựng", "https://baoxaydung.vn/"),
    ("Hệ thống thông tin về năng lực hoạt động xây dựng", "https://nangluchdxd.gov.vn/"),
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn/"),
]
LINK_SENTENCES = [
    "Quy trình và kết quả giải quyết được công khai trên [{t}]({u}) để người dân tiện theo dõi.",
    "{Ai} thường xuyên cập nhật các văn bản mới đăng trên [{t}]({u}) và phổ biến cho đồng nghiệp.",
    "Nhiều thủ tục đã được tiếp nhận qua [{t}]({u}), giúp người dân không phải đi lại nhiều lần.",
    "Cách làm này từng được giới thiệu trên [{t}]({u}) như một kinh nghiệm hay của ngành.",
]
CLOSING = [
    "Với những đóng góp đó, {ai} được công nhận là gương điển hình tiên tiến năm {nam}.",
    "Những kết quả ấy là minh chứng rằng sự tận tụy, làm đến nơi đến chốn sẽ tạo nên thay đổi lớn.",
    "Tấm gương của {ai} đang được nhân rộng trong toàn Sở, lan tỏa tinh thần thi đua yêu nước.",
    "Năm {nam} khép lại với nhiều dấu ấn, và {ai} tiếp tục đặt ra những mục tiêu cao hơn cho năm tới.",
]

TOPICS = list(BODY)


MIN_WORDS, MAX_WORDS = 300, 600


def words(s: str) -> int:
    return s.count(" ") + 1


class Story:
    """Assembles a story of a target length from the phrase bank."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def build(self, first: str, ai: str, dv: str, nam: int, target: int) -> tuple[str, int]:
        """A story of `target` words or up to one sentence more, never over MAX_WORDS.
        `first` names the subject at its first mention, `ai` afterwards."""
        rng = self.rng
        rnd = rng.random

        def pick(seq):
            return seq[int(rnd() * len(seq))]
        Ai = ai[0].upper() + ai[1:]
        snam = str(nam)

        def fill(s: str, ai: str = ai, Ai: str = Ai) -> str:
            if "{" in s:
                s = s.replace("{ai}", ai).replace("{Ai}", Ai).replace("{dv}", dv).replace("{nam}", snam)
            return s

        # Blocks: ("p", [sentences]) | ("h", text) | ("l", lead, [items])
        topics = rng.sample(TOPICS, 2 if target < 380 else 3 if target < 500 else rng.randint(3, 4))
        paragraphs: list[list[str]] = []
        blocks: list[tuple] = []
        total = 0

        a, b = rng.sample(INTRO, 2)
        intro = [fill(a, first, first[0].upper() + first[1:]), fill(b)]
        total += sum(words(s) for s in intro)
        paragraphs.append(intro)
        blocks.append(("p", intro))
        pools = []
        link = None
        for i, topic in enumerate(topics):
            h = pick(HEADINGS[topic])
            total += words(h)
            blocks.append(("h", h))
            pool = list(BODY[topic])
            pools.append(pool)
            para = [fill(pool.pop(int(rnd() * len(pool)))), fill(pool.pop(int(rnd() * len(pool))))]
            if link is None and (i == len(topics) - 1 or rng.random() < 0.5):
                t, u = pick(LINKS)
                link = fill(pick(LINK_SENTENCES)).replace("{t}", t).replace("{u}", u)
                para.insert(rng.randint(0, len(para)), link)
            total += sum(words(s) for s in para)
            paragraphs.append(para)
            blocks.append(("p", para))
            if i == 0 or rng.random() < 0.3:
                lead = fill(pick(LIST_LEAD))
                items = rng.sample(LIST_ITEMS, rng.randint(3, 5))
                total += words(lead) + sum(words(x) for x in items)
                blocks.append(("l", lead, items))
        closing = [fill(pick(CLOSING))]
        total += words(closing[0])
        blocks.append(("p", closing))

        # Grow the topic paragraphs until the target is reached (the spare sentences of
        # each topic's pool first, then any body sentence).
        k = 0
        n = len(pools)
        while total < target:
            j = k % n
            k += 1
            pool = pools[j]
            if pool:
                s = fill(pool.pop(int(rnd() * len(pool))))
            else:
                s = fill(pick(BODY[pick(TOPICS)]))
            paragraphs[1 + j].append(s)
            total += words(s)
        # Or shrink them when the skeleton alone is too long.
        j = 0
        while total > MAX_WORDS:
            para = paragraphs[1 + j % n]
            j += 1
            for i in range(len(para) - 1, -1, -1):
                if len(para) > 1 and para[i] is not link:
                    total -= words(para.pop(i))
                    break
            else:
                if j > 4 * n:
                    for bi, blk in enumerate(blocks):
                        if blk[0] == "l":
                            total -= words(blk[1]) + sum(words(x) for x in blk[2])
                            del blocks[bi]
                            break
        out = []
        for b in blocks:
            if b[0] == "p":
                # Long paragraphs are split in two, as people write.
                sents = b[1]
                if len(sents) > 6:
                    half = len(sents) // 2
                    out.append(" ".join(sents[:half]))
                    out.append(" ".join(sents[half:]))
                else:
                    out.append(" ".join(sents))
            elif b[0] == "h":
                out.append("## " + b[1])
            else:
                items = b[2]
                lines = [b[1], ""]
                for x in items[:-1]:
                    lines.append("- " + x + ";")
                lines.append("- " + items[-1] + ".")
                out.append("\n".join(lines))
        return "\n\n".join(out) + "\n", total


# --------------------------------------------------------------------------------------


def vn_date(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month}/{d.year}"


def distribute(n: int, weights: list[float]) -> list[int]:
    """n split by weights, largest remainders, deterministic."""
    t = sum(weights)
    raw = [n * w / t for w in weights]
    counts = [int(x) for x in raw]
    rest = n - sum(counts)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - counts[i]), i))
    for i in order[:rest]:
        counts[i] += 1
    return counts


def generate(n: int, out: str, seed: int, mixed: bool) -> dict:
    rng = random.Random(seed)
    rnd = rng.random

    def pick(seq):
        return seq[int(rnd() * len(seq))]

    content = os.path.join(out, "content")

    # Units: the Sở, its union, then 18 to 38 others in a seeded order.
    count = rng.randint(20, 40)
    others = list(UNIT_BANK)
    rng.shuffle(others)
    chosen = [AGENCY, UNION] + others[: count - 2]
    order = {u: i for i, u in enumerate(UNIT_BANK)}
    chosen[2:] = sorted(chosen[2:], key=lambda u: (u[1] != "office", order[u]))
    units = []
    for name, utype, desc in chosen:
        name, desc = nfc(name), nfc(desc)
        units.append({"id": slugify(name), "name": name, "type": utype, "desc": desc})

    family_pick = make_picker(
        rng,
        [nfc(f) for f, _ in FAMILY] + [nfc(f) for f in FAMILY_OTHERS],
        [w for _, w in FAMILY] + [(100.0 - sum(w for _, w in FAMILY)) / len(FAMILY_OTHERS)] * len(FAMILY_OTHERS),
    )
    mid_m = [nfc(x) for x in MIDDLE_M]
    mid_f = [nfc(x) for x in MIDDLE_F]
    giv_m = [nfc(x) for x in GIVEN_M]
    giv_f = [nfc(x) for x in GIVEN_F]
    giv2_m = [nfc(x) for x in GIVEN2_M]
    giv2_f = [nfc(x) for x in GIVEN2_F]

    per_year = distribute(n, [1.0 + 0.06 * i for i in range(len(YEARS))])
    story = Story(rng)
    stats = {"collective": 0, "leader": 0, "staff": 0, "pending": 0, "not-recognised": 0,
             "revoked": 0, "province": 0, "files": 0, "words_min": 10**9, "words_max": 0}

    os.makedirs(content, exist_ok=True)
    with open(os.path.join(content, "site.toml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(
            'title = "Điển hình tiên tiến"\n'
            f"organisation = {tq(ORG)}\n"
            'description = "Gương điển hình tiên tiến của Sở Xây dựng tỉnh Bình Phước '
            '(dữ liệu sinh tự động để đo hiệu năng)."\n'
            'base_url = "/"\nlanguage = "vi"\ntheme = "default"\n'
        )
    with open(os.path.join(content, "units.toml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {len(units)} đơn vị của {ORG} (sinh tự động để đo hiệu năng).\n")
        for u in units:
            f.write(f'\n[[unit]]\nid = "{u["id"]}"\nname = {tq(u["name"])}\n'
                    f'type = "{u["type"]}"\ndescription = {tq(u["desc"])}\n')

    evidence = {k: [nfc(x) for x in v] for k, v in EVIDENCE.items()}
    achievements = [nfc(x) for x in ACHIEVEMENTS]
    coll_achievements = [nfc(x) for x in COLLECTIVE_ACHIEVEMENTS]
    teams = [nfc(x) for x in TEAMS]
    leader_pos = {u["id"]: [nfc(x) for x in leader_positions(u["name"], u["type"])] for u in units}
    staff_pos = {u["id"]: [nfc(x) for x in staff_positions(u["name"], u["type"])] for u in units}
    unit_by_id = {u["id"]: u for u in units}

    for year, ny in zip(YEARS, per_year):
        ydir = os.path.join(content, str(year))
        os.makedirs(ydir, exist_ok=True)
        issued = dt.date(year, rng.randint(3, 4), rng.randint(1, 28))
        plan_no = f"{rng.randint(300, 1200)}/KH-SXD"
        with open(os.path.join(ydir, "_plan.toml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(nfc(PLAN.format(number=plan_no, issued=issued.isoformat(),
                                    issued_vn=vn_date(issued), year=year, prev=year - 1)))
        if ny == 0:
            continue
        deadline = dt.date(year, 11, 30)
        # The Council meets in December, in one to four sessions; each session is
        # followed by the Director's decision a few days later.
        sessions = []
        dec_base = rng.randint(900, 1500)
        for i in range(min(4, 1 + ny // 2500)):
            vote = dt.date(year, 12, 2 + 5 * i + rng.randint(0, 3))
            decision = vote + dt.timedelta(days=rng.randint(4, 10))
            sessions.append((vote, decision, f"{dec_base + 7 * i}/QĐ-SXD"))
        last_decision = max(s[1] for s in sessions)
        prov = (last_decision + dt.timedelta(days=rng.randint(20, 45)), f"{rng.randint(1000, 3200)}/QĐ-UBND")

        n_coll = round(ny * 0.10)
        n_lead = round(ny * 0.10)
        if n_lead and not n_coll:
            n_coll = 1
        if n_coll + n_lead > ny:
            n_lead = max(0, ny - n_coll)
        n_staff = ny - n_coll - n_lead
        kinds = ["collective"] * n_coll + ["leader"] * n_lead + ["staff"] * n_staff

        used: dict[str, int] = {}
        recognised_units: list[str] = []   # units with a recognised collective this year
        recognised_set: set[str] = set()
        coll_names: dict[str, int] = {}
        unit_cycle = [u["id"] for u in units]
        rng.shuffle(unit_cycle)

        for idx, kind in enumerate(kinds):
            # Status (only with --mixed): pending, not recognised, revoked, else recognised.
            status = "recognised"
            if mixed:
                r = rng.random()
                if r < 0.02:
                    status = "pending"
                elif r < 0.04:
                    status = "not-recognised"
                elif r < 0.06:
                    status = "revoked"
            if kind == "collective":
                unit_id = unit_cycle[idx % len(unit_cycle)]
                u = unit_by_id[unit_id]
                k = coll_names.get(unit_id, 0)
                coll_names[unit_id] = k + 1
                if k == 0:
                    name = u["name"]
                else:
                    team = teams[(k - 1) % len(teams)]
                    lap = (k - 1) // len(teams)
                    name = f"{team}{' số ' + str(lap + 1) if lap else ''} - {u['name']}"
                if status == "recognised" and unit_id not in recognised_set:
                    recognised_set.add(unit_id)
                    recognised_units.append(unit_id)
                first, ai = "tập thể " + name, "tập thể"
                given = None
                position = None
            else:
                if kind == "leader":
                    if not recognised_units:
                        kind = "staff"
                        unit_id = unit_cycle[rng.randrange(len(unit_cycle))]
                    else:
                        unit_id = recognised_units[rng.randrange(len(recognised_units))]
                else:
                    unit_id = unit_cycle[rng.randrange(len(unit_cycle))]
                u = unit_by_id[unit_id]
                female = rng.random() < 0.48
                fam = family_pick()
                given = None
                if rng.random() < 0.05:
                    g = pick(giv2_f if female else giv2_m)
                    name = f"{fam} {g}" if rng.random() < 0.5 else f"{fam} {pick(mid_f if female else mid_m)} {g}"
                    given = g
                else:
                    mids = mid_f if female else mid_m
                    m1 = pick(mids)
                    if rng.random() < 0.12:
                        m2 = pick(mid_f[4:] if female else mid_m[3:])
                        if m2 != m1:
                            m1 = f"{m1} {m2}"
                    name = f"{fam} {m1} {pick(giv_f if female else giv_m)}"
                short = given or name.rsplit(" ", 1)[1]
                if kind == "leader":
                    pos = leader_pos[unit_id]
                    position = pos[0] if rng.random() < 0.45 else pos[1]
                    first, ai = "đồng chí " + name, "đồng chí " + short
                else:
                    position = pick(staff_pos[unit_id])
                    r = rng.random()
                    title = ("chị " if female else "anh ") if r < 0.6 else "đồng chí "
                    first, ai = title + name, title + short
            stats[kind] += 1

            base = slugify(name)
            c = used.get(base, 0) + 1
            used[base] = c
            slug = base if c == 1 else f"{base}-{c}"

            # Summary (at most 300 characters).
            if kind == "collective":
                summary = f"Tập thể {pick(coll_achievements)}."
            else:
                summary = f"{position} {u['name']}, {pick(achievements)}."
            summary = summary.replace("{nam}", str(year)).replace("{dv}", u["name"])
            if len(summary) > 300:
                summary = f"{position} {u['name']}."

            lines = ["+++", f"name = {tq(name)}"]
            if given and rng.random() < 0.9:
                lines.append(f"given_name = {tq(given)}")
            lines.append(f'kind = "{kind}"')
            lines.append(f'unit = "{unit_id}"')
            if position:
                lines.append(f"position = {tq(position)}")
            lines.append(f"summary = {tq(summary)}")
            mv = sorted(rng.sample(range(5), rng.randint(1, 3)))
            lines.append("movements = [" + ", ".join(f'"{MOVEMENTS[i]}"' for i in mv) + "]")
            members = excellent = 0
            if kind == "collective":
                members = rng.randint(5, 40)
                excellent = rng.randint((members + 1) // 2, members)
                lines.append(f"members = {members}")
                lines.append(f"excellent_members = {excellent}")
            if rng.random() < 0.2:
                lines.append(f"year = {year}")
            lines.append("")
            lines.append("[criteria]")
            for cid in CRITERIA[kind]:
                ev = pick(evidence[cid])
                if "{" in ev:
                    ev = (ev.replace("{nam}", str(year)).replace("{truoc}", str(year - 1))
                          .replace("{dv}", u["name"]).replace("{tv}", str(members))
                          .replace("{xs}", str(excellent)))
                lines.append(f"{cid} = {tq(ev)}")

            vote_d, decision_d, decision_no = sessions[rng.randrange(len(sessions))]
            nomination = deadline - dt.timedelta(days=rng.randint(0, 45))
            lines += ["", "[nomination]", f"date = {nomination.isoformat()}"]
            if status == "pending":
                stats["pending"] += 1
                if rng.random() < 0.5:
                    lines += ["", "[vote]", f"date = {vote_d.isoformat()}", "members = 11",
                              f"in_favour = {rng.randint(10, 11)}"]
            elif status == "not-recognised":
                stats["not-recognised"] += 1
                lines += ["", "[vote]", f"date = {vote_d.isoformat()}", "members = 11",
                          f"in_favour = {rng.randint(6, 9)}"]
            else:
                lines += ["", "[vote]", f"date = {vote_d.isoformat()}", "members = 11",
                          f"in_favour = {10 if rng.random() < 0.3 else 11}"]
                lines += ["", "[decision]", f'number = "{decision_no}"', f"date = {decision_d.isoformat()}"]
                if status != "revoked" and rng.random() < 0.02:
                    stats["province"] += 1
                    lines += ["", "[province]", f'number = "{prov[1]}"', f"date = {prov[0].isoformat()}"]
                if status == "revoked":
                    stats["revoked"] += 1
                    rd = decision_d + dt.timedelta(days=rng.randint(30, 200))
                    lines += ["", "[revoked]", f'number = "{rng.randint(20, 400)}/QĐ-SXD"',
                              f"date = {rd.isoformat()}",
                              'reason = "Phát hiện hồ sơ đề nghị có nội dung không đúng thực tế '
                              'sau khi kiểm tra, xác minh."']
            lines.append("+++")
            target = rng.randint(MIN_WORDS, MAX_WORDS - 30)
            body, nwords = story.build(first, ai, u["name"], year, target)
            stats["words_min"] = min(stats["words_min"], nwords)
            stats["words_max"] = max(stats["words_max"], nwords)
            text = "\n".join(lines) + "\n" + body
            with open(os.path.join(ydir, slug + ".md"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            stats["files"] += 1
    stats["units"] = len(units)
    return stats


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of profiles")
    ap.add_argument("outdir", help="the site's root: OUTDIR/content/ is written")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mixed", action="store_true",
                    help="about 2 %% each of pending, not recognised and revoked profiles")
    ap.add_argument("--force", action="store_true", help="replace an existing OUTDIR/content/")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error("N must be at least 0")
    content = os.path.join(a.outdir, "content")
    if os.path.exists(content):
        if not a.force:
            print(f"{content} exists; use --force to replace it", file=sys.stderr)
            return 2
        shutil.rmtree(content)
    t0 = time.perf_counter()
    stats = generate(a.n, a.outdir, a.seed, a.mixed)
    if not a.quiet:
        print(f"{stats['files']} profiles ({stats['collective']} collectives, {stats['leader']} leaders, "
              f"{stats['staff']} staff; {stats['province']} provincial, {stats['pending']} pending, "
              f"{stats['not-recognised']} not recognised, {stats['revoked']} revoked), "
              f"{stats['units']} units, {len(YEARS)} years in {time.perf_counter() - t0:.1f} s → {content}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

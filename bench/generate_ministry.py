#!/usr/bin/env python3
"""Generate a bangvang site shaped unlike bench/generate.py, for benchmarks.

    python3 bench/generate_ministry.py N OUTDIR [--seed S] [--force] [--quiet]

A ministry rather than a provincial department: about 450 units (departments, their
offices, regional branches, institutes, schools and their faculties, project boards,
hospitals, unions), five years (2021 to 2025, so each year is twice as large as in
generate.py), stories of 700 to 1,800 words with `###` sub-headings, tables, numbered
and nested lists, block quotes, emphasis and several links each, summaries up to the
300-character limit, names with rarer letters (Ưng, Khổng, Âu, Ỷ Lan, the old tone
placement of Thuỷ and Hoà beside Thủy and Hòa) and names of ethnic minorities (Sùng A
Chớ, Giàng Thị Dở, H'Hen Niê), a third of the profiles as bundles (SLUG/index.md), and
every status: about 3 % pending, 1 % not recognised, 1 % revoked.

The plan, the criteria and their evidence are those of generate.py (the structure of
content/2024/_plan.toml); every profile passes `bangvang check` (the not-recognised ones
with a warning). Deterministic: the same N and seed give a byte-identical tree.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import itertools
import datetime as dt
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import CRITERIA, EVIDENCE, MOVEMENTS, PLAN, distribute, nfc, slugify, tq  # noqa: E402

YEARS = list(range(2021, 2026))
ORG = "Bộ Xây dựng"

# --------------------------------------------------------------------------------------
# Units: departments with their offices and branches, institutes, schools with faculties.

OFFICES = ["Văn phòng", "Phòng Tổng hợp", "Phòng Kế hoạch - Tài chính", "Phòng Pháp chế",
           "Phòng Thanh tra - Kiểm tra", "Phòng Tổ chức - Hành chính", "Phòng Chuyển đổi số",
           "Phòng Hợp tác quốc tế", "Phòng Quản lý chất lượng", "Phòng Khoa học công nghệ"]
DEPARTMENTS = [
    ("Cục Quản lý hoạt động xây dựng", ["Phòng Cấp phép", "Phòng Năng lực hoạt động"], []),
    ("Cục Giám định nhà nước về chất lượng công trình xây dựng", ["Phòng Giám định dân dụng", "Phòng Giám định hạ tầng"], []),
    ("Cục Kinh tế xây dựng", ["Phòng Định mức", "Phòng Chỉ số giá"], []),
    ("Cục Phát triển đô thị", ["Phòng Phân loại đô thị", "Phòng Hạ tầng đô thị"], []),
    ("Cục Quản lý nhà và thị trường bất động sản", ["Phòng Nhà ở xã hội", "Phòng Thị trường"], []),
    ("Cục Đường bộ Việt Nam", ["Phòng Quản lý kết cấu hạ tầng", "Phòng An toàn giao thông", "Phòng Vận tải"],
     [f"Khu Quản lý đường bộ {r}" for r in ["I", "II", "III", "IV", "V"]]
     + [f"Sở Giao thông khu vực {p}" for p in ["Lào Cai", "Điện Biên", "Lai Châu", "Hà Giang", "Cao Bằng"]]),
    ("Cục Hàng hải và Đường thủy Việt Nam", ["Phòng Pháp chế hàng hải", "Phòng Cảng biển", "Phòng Đường thủy"],
     [f"Cảng vụ Hàng hải {p}" for p in ["Quảng Ninh", "Hải Phòng", "Thanh Hóa", "Nghệ An", "Đà Nẵng", "Quy Nhơn", "Nha Trang", "Vũng Tàu", "Thành phố Hồ Chí Minh", "Cần Thơ", "Kiên Giang", "Đồng Nai"]]
     + [f"Chi cục Đường thủy nội địa khu vực {r}" for r in ["I", "II", "III", "IV"]]),
    ("Cục Hàng không Việt Nam", ["Phòng Quản lý cảng hàng không", "Phòng Tiêu chuẩn an toàn bay", "Phòng Vận tải hàng không"],
     [f"Cảng vụ Hàng không miền {m}" for m in ["Bắc", "Trung", "Nam"]]),
    ("Cục Đường sắt Việt Nam", ["Phòng Kết cấu hạ tầng đường sắt", "Phòng Vận tải đường sắt"],
     [f"Chi cục Đường sắt khu vực {r}" for r in ["I", "II", "III"]]),
    ("Cục Đăng kiểm Việt Nam", ["Phòng Kiểm định xe cơ giới", "Phòng Tàu biển", "Phòng Phương tiện thủy"],
     [f"Trung tâm Đăng kiểm xe cơ giới {c}" for c in ["29-01V", "29-02V", "30-05V", "43-01S", "50-03V", "51-05D", "65-01S", "92-01S"]]),
]
VU = ["Vụ Kế hoạch - Tài chính", "Vụ Pháp chế", "Vụ Tổ chức cán bộ", "Vụ Khoa học công nghệ và Môi trường",
      "Vụ Hợp tác quốc tế", "Vụ Quy hoạch - Kiến trúc", "Vụ Vật liệu xây dựng", "Vụ Kết cấu hạ tầng",
      "Vụ Vận tải - An toàn giao thông", "Vụ Quản lý doanh nghiệp", "Thanh tra Bộ", "Văn phòng Bộ"]
INSTITUTES = ["Viện Khoa học công nghệ xây dựng", "Viện Kiến trúc Quốc gia", "Viện Quy hoạch đô thị và nông thôn quốc gia",
              "Viện Kinh tế xây dựng", "Viện Vật liệu xây dựng", "Viện Chiến lược và Phát triển giao thông vận tải",
              "Viện Khoa học và Công nghệ giao thông vận tải"]
SCHOOLS = [
    ("Trường Đại học Xây dựng Hà Nội", ["Khoa Xây dựng dân dụng và công nghiệp", "Khoa Cầu đường", "Khoa Kiến trúc và Quy hoạch", "Khoa Công nghệ thông tin", "Khoa Kinh tế và Quản lý xây dựng", "Khoa Môi trường và Năng lượng"]),
    ("Trường Đại học Kiến trúc Hà Nội", ["Khoa Kiến trúc", "Khoa Quy hoạch", "Khoa Mỹ thuật công nghiệp", "Khoa Xây dựng"]),
    ("Trường Đại học Kiến trúc Thành phố Hồ Chí Minh", ["Khoa Kiến trúc", "Khoa Đô thị học", "Khoa Nội thất"]),
    ("Trường Đại học Giao thông vận tải Thành phố Hồ Chí Minh", ["Khoa Hàng hải", "Khoa Công trình giao thông", "Khoa Cơ khí", "Khoa Kinh tế vận tải"]),
    ("Trường Đại học Công nghệ Giao thông vận tải", ["Khoa Công trình", "Khoa Cơ khí", "Khoa Công nghệ thông tin"]),
    ("Trường Đại học Hàng hải Việt Nam", ["Khoa Hàng hải", "Khoa Máy tàu biển", "Khoa Điện - Điện tử"]),
    ("Trường Cao đẳng Xây dựng số 1", ["Khoa Xây dựng", "Khoa Cơ điện"]),
    ("Trường Cao đẳng Giao thông vận tải Trung ương I", ["Khoa Cơ khí", "Khoa Công trình"]),
]
BOARDS = ["Ban Quản lý dự án 2", "Ban Quản lý dự án 6", "Ban Quản lý dự án 7", "Ban Quản lý dự án 85",
          "Ban Quản lý dự án Thăng Long", "Ban Quản lý dự án đường Hồ Chí Minh", "Ban Quản lý dự án Mỹ Thuận",
          "Ban Quản lý dự án Hàng hải", "Ban Quản lý dự án Đường thủy", "Ban Quản lý dự án Đường sắt",
          "Ban Quản lý đầu tư xây dựng các công trình nhà ở xã hội"]
HOSPITALS = ["Bệnh viện Xây dựng", "Bệnh viện Giao thông vận tải"] + [
    f"Bệnh viện Giao thông vận tải {p}" for p in ["Vĩnh Phúc", "Huế", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Nha Trang"]]
PRESS = ["Báo Xây dựng", "Báo Giao thông", "Tạp chí Xây dựng", "Tạp chí Giao thông vận tải", "Nhà xuất bản Xây dựng",
         "Trung tâm Thông tin", "Trung tâm Công nghệ thông tin"]
UNIONS = ["Công đoàn Xây dựng Việt Nam", "Công đoàn Giao thông vận tải Việt Nam", "Đoàn Thanh niên Bộ Xây dựng",
          "Hội Cựu chiến binh cơ quan Bộ", "Công đoàn cơ quan Bộ"]


def units_list() -> list[dict]:
    out: list[tuple[str, str, str]] = [(ORG, "agency", "Cơ quan của Chính phủ, quản lý nhà nước về xây dựng, giao thông vận tải, quy hoạch, kiến trúc, nhà ở và thị trường bất động sản.")]
    for v in VU:
        out.append((v, "office", f"{v} giúp Bộ trưởng tham mưu, tổng hợp và thực hiện nhiệm vụ theo chức năng được giao."))
    for dep, special, branches in DEPARTMENTS:
        out.append((dep, "affiliate", f"{dep} giúp Bộ trưởng quản lý nhà nước và thực thi pháp luật trong lĩnh vực được giao, với các phòng chuyên môn và đơn vị trực thuộc ở các địa phương."))
        for o in OFFICES + special:
            out.append((f"{o} - {dep}", "office", f"Đơn vị chuyên môn của {dep}."))
        for b in branches:
            out.append((f"{b} - {dep}", "affiliate", f"Đơn vị trực thuộc {dep}, thực hiện nhiệm vụ tại địa bàn được phân công."))
            for o in ["Phòng Tổng hợp", "Phòng Nghiệp vụ", "Phòng Kỹ thuật"]:
                out.append((f"{o} - {b}", "office", f"Phòng chuyên môn của {b}."))
    for i in INSTITUTES:
        out.append((i, "affiliate", f"{i}: nghiên cứu khoa học, chuyển giao công nghệ, tư vấn và đào tạo sau đại học."))
        for o in ["Phòng Quản lý khoa học", "Phòng Thí nghiệm trọng điểm", "Trung tâm Tư vấn"]:
            out.append((f"{o} - {i}", "office", f"Đơn vị của {i}."))
    for school, faculties in SCHOOLS:
        out.append((school, "affiliate", f"{school}: đào tạo, bồi dưỡng nguồn nhân lực và nghiên cứu khoa học cho ngành."))
        for f in faculties + ["Phòng Đào tạo", "Phòng Công tác sinh viên", "Thư viện"]:
            out.append((f"{f} - {school}", "office", f"Đơn vị của {school}."))
    for b in BOARDS + HOSPITALS + PRESS:
        out.append((b, "affiliate", f"{b}, đơn vị sự nghiệp trực thuộc Bộ."))
        for o in ["Phòng Kế hoạch - Tổng hợp", "Phòng Kỹ thuật", "Phòng Tổ chức - Hành chính"]:
            out.append((f"{o} - {b}", "office", f"Phòng của {b}."))
    for u in UNIONS:
        out.append((u, "union", f"{u}: tập hợp, đại diện và chăm lo quyền lợi của đoàn viên, hội viên."))
    units, seen = [], set()
    for name, utype, desc in out:
        name, desc = nfc(name), nfc(desc)
        uid = slugify(name)
        if uid in seen:
            continue
        seen.add(uid)
        units.append({"id": uid, "name": name, "type": utype, "desc": desc})
    return units


# --------------------------------------------------------------------------------------
# Names, with rarer letters and names of ethnic minorities.

FAMILY = ["Nguyễn"] * 30 + ["Trần"] * 9 + ["Lê"] * 8 + ["Phạm"] * 6 + ["Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
          "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Ưng", "Khổng", "Âu", "Ông", "Nghiêm", "Ninh", "Ôn", "Ứng", "Khúc",
          "Thân", "Quản", "Mẫn", "Lã", "Ngụy", "Bế", "Nông", "Lục", "Hứa", "Diệp", "Tôn Nữ", "Tôn Thất", "Công Tôn"]
MIDDLE_M = ["Văn", "Văn", "Hữu", "Đức", "Công", "Quang", "Minh", "Trọng", "Thế", "Khắc", "Bá", "Đình", "Xuân", "Sỹ", "Ngọc"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thuỳ", "Thùy", "Diệu", "Kiều", "Tường", "Huyền", "Khánh", "Ánh", "Mỹ"]
GIVEN_M = ["Ửng", "Ẩn", "Ước", "Ưng", "Thuỵ", "Thụy", "Hoà", "Hòa", "Khoẻ", "Khỏe", "Quý", "Quí", "Sỹ", "Sĩ", "Ngữ",
           "Đoàn", "Tuyển", "Khiêm", "Luỹ", "Nghị", "Khuê", "Toản", "Điệp", "Triều", "Quyết", "Hưởng", "Thưởng",
           "An", "Bình", "Dũng", "Hùng", "Long", "Nam", "Sơn", "Tuấn", "Việt", "Cường", "Hải", "Thắng"]
GIVEN_F = ["Thuỷ", "Thủy", "Hoà", "Hòa", "Ỷ", "Uyển", "Ngữ", "Dịu", "Huế", "Xuyến", "Thoả", "Thỏa", "Nhuỵ", "Nhụy",
           "Quỳ", "Ngoãn", "Khuyên", "Điệp", "Nguyệt", "Loan", "Lan", "Hương", "Hằng", "Mai", "Ngọc", "Trang", "Yến"]
GIVEN2 = ["Ỷ Lan", "Bảo Ngọc", "Thuỵ Vy", "Quốc Huy", "Minh Khuê", "Hoài Thương"]
MINORITY = [
    "Sùng A Chớ", "Giàng Thị Dở", "Mùa A Dế", "Vàng Thị Mỷ", "Lò Văn Pấng", "Hoàng A Tủa", "Thào Seo Lử",
    "Lầu Thị Xúa", "Sầm Văn Phóng", "Lường Thị Ẻn", "H'Hen Niê", "Y Bhin Niê", "Ksor H'Bơ", "Rơ Châm Đinh",
    "K'Brèo", "Đinh Y Ớt", "Hà Thị Xuyến", "Lục Văn Ngỗ", "Bế Thị Dụa", "Nông Văn Mển",
]


def person(rng: random.Random) -> tuple[str, str | None, bool]:
    """A name, its given name when that is not its last word, and whether a woman."""
    female = rng.random() < 0.5
    r = rng.random()
    if r < 0.06:
        name = nfc(rng.choice(MINORITY))
        return name, None, "Thị" in name or "H'" in name
    fam = rng.choice(FAMILY)
    if r < 0.10:
        g = rng.choice(GIVEN2)
        return nfc(f"{fam} {rng.choice(MIDDLE_F if female else MIDDLE_M)} {g}"), nfc(g), female
    mid = rng.choice(MIDDLE_F if female else MIDDLE_M)
    return nfc(f"{fam} {mid} {rng.choice(GIVEN_F if female else GIVEN_M)}"), None, female


# --------------------------------------------------------------------------------------
# Stories: long, with the Markdown people paste from their reports.

SENTENCES = [
    "{Ai} luôn đặt chất lượng công việc lên hàng đầu, coi mỗi hồ sơ là một lời hứa với người dân và doanh nghiệp.",
    "Trong năm {nam}, khối lượng công việc của {dv} tăng gần gấp rưỡi so với năm trước, nhưng không có việc nào trễ hạn.",
    "Những buổi làm việc kéo dài đến tối, những chuyến công tác dài ngày ở công trường đã trở thành quen thuộc.",
    "Cách làm được đúc kết thành quy trình, có bảng theo dõi và người chịu trách nhiệm cho từng bước.",
    "Mỗi sáng thứ Hai, cả đơn vị dành mười lăm phút rà lại các việc còn tồn và phân công rõ người, rõ việc.",
    "Nhờ số hoá hồ sơ, việc tra cứu từ chỗ mất cả buổi nay chỉ còn vài phút, ngay trên máy tính của mình.",
    "Các ý kiến góp ý của người dân được ghi nhận đầy đủ, trả lời công khai và đúng hẹn.",
    "{Ai} thường nói rằng muốn làm nhanh thì trước hết phải làm đúng, và muốn làm đúng thì phải hiểu đến nơi đến chốn.",
    "Nhiều đồng nghiệp trẻ được kèm cặp, đến cuối năm đã tự tin đảm nhận những phần việc khó.",
    "Tinh thần tiết kiệm được thực hành từ những việc nhỏ nhất: in hai mặt, tắt điện khi rời phòng, dùng chung tài liệu điện tử.",
    "Trên công trường, từng hạng mục được kiểm tra kỹ lưỡng trước khi nghiệm thu, không để sai sót lặp lại.",
    "Việc phối hợp với các địa phương được duy trì thường xuyên, giúp tháo gỡ kịp thời nhiều vướng mắc về mặt bằng.",
    "Những sáng kiến nhỏ, như mẫu phiếu kiểm tra dùng chung hay lịch trực điện tử, đã làm thay đổi nếp làm việc của cả đơn vị.",
    "Khi mùa mưa bão đến, {ai} có mặt sớm nhất ở những điểm xung yếu, cùng lực lượng tại chỗ bảo đảm giao thông thông suốt.",
    "Ở {dv}, không ai bị bỏ lại phía sau: người đi trước chia sẻ, người đi sau học hỏi, cùng nhau tiến bộ.",
    "Các chỉ tiêu được giao đều hoàn thành, nhiều chỉ tiêu vượt kế hoạch, được cấp trên đánh giá cao.",
    "Những ngày cuối năm, khi tổng kết lại, cả đơn vị mới thấy hết chặng đường đã đi qua.",
]
HEADINGS = ["Bắt đầu từ những việc nhỏ", "Chuyển đổi số, đổi cách làm", "Ở nơi công trường", "Vì người dân và doanh nghiệp",
            "Kèm cặp lớp trẻ", "Thực hành tiết kiệm", "Vượt qua mùa mưa bão", "Một cửa, một lần", "Những con số biết nói"]
SUBHEADINGS = ["Cách làm", "Kết quả", "Bài học", "Khó khăn", "Điều còn trăn trở"]
LINKS = [("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"), ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
         ("Báo Xây dựng", "https://baoxaydung.vn/"), ("Báo Giao thông", "https://www.baogiaothong.vn/"),
         ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn/"), ("Báo Nhân Dân", "https://nhandan.vn/"),
         ("Thông tấn xã Việt Nam", "https://vnanet.vn/")]
QUOTES = ["Việc gì có lợi cho dân, ta phải hết sức làm. Việc gì có hại đến dân, ta phải hết sức tránh.",
          "Thi đua là yêu nước, yêu nước thì phải thi đua.",
          "Mỗi người tốt, mỗi việc tốt là một bông hoa đẹp, cả dân tộc ta là một rừng hoa đẹp."]
ITEMS = ["rà soát, chuẩn hoá toàn bộ quy trình nội bộ", "số hoá hồ sơ lưu trữ từ năm 2015 đến nay",
         "tổ chức tập huấn cho cán bộ cơ sở", "kiểm tra hiện trường các công trình trọng điểm",
         "trả lời kiến nghị của người dân đúng hạn", "lập bảng theo dõi tiến độ dùng chung",
         "phối hợp với địa phương giải phóng mặt bằng", "hướng dẫn doanh nghiệp nộp hồ sơ trực tuyến",
         "đề xuất sửa đổi các mẫu biểu không còn phù hợp", "xây dựng sổ tay nghiệp vụ cho người mới"]
ROWS = ["Hồ sơ tiếp nhận", "Hồ sơ trả đúng hạn", "Hồ sơ trực tuyến toàn trình", "Công trình được kiểm tra",
        "Lượt tập huấn", "Sáng kiến được công nhận", "Kiến nghị được trả lời"]


def story(rng: random.Random, first: str, ai: str, dv: str, nam: int) -> str:
    target = rng.randint(700, 1800)
    Ai = ai[0].upper() + ai[1:]

    def fill(s: str) -> str:
        return s.replace("{Ai}", Ai).replace("{ai}", ai).replace("{dv}", dv).replace("{nam}", str(nam))

    def para(n: int) -> str:
        return " ".join(fill(rng.choice(SENTENCES)) for _ in range(n))

    out = [f"Nhắc đến {first}, đồng nghiệp ở {dv} nghĩ ngay đến sự **tận tuỵ** và *chu đáo*. " + para(3)]
    words = sum(len(x.split()) for x in out)
    k = 0
    while words < target:
        k += 1
        block = [f"## {rng.choice(HEADINGS)}", para(rng.randint(3, 6))]
        shape = k % 5
        if shape == 1:
            t, u = rng.choice(LINKS)
            block.append(f"Kết quả được đăng tải trên [{t}]({u}) và được nhiều đơn vị tìm hiểu. " + para(2))
        if shape == 2:
            block.append(f"### {rng.choice(SUBHEADINGS)}")
            block.append("\n".join(f"{i}. {x.capitalize()}." for i, x in enumerate(rng.sample(ITEMS, 4), 1)))
        if shape == 3:
            rows = rng.sample(ROWS, 4)
            table = ["| Chỉ tiêu | Năm " + str(nam - 1) + " | Năm " + str(nam) + " |", "|---|---:|---:|"]
            for r in rows:
                a = rng.randint(120, 4800)
                table.append(f"| {r} | {a} | {a + rng.randint(10, 900)} |")
            block += ["Một vài con số của năm:", "\n".join(table)]
        if shape == 4:
            block.append("> " + rng.choice(QUOTES))
            lead = rng.sample(ITEMS, 3)
            block.append("\n".join([f"- {lead[0]};", f"- {lead[1]}:", f"  - {rng.choice(ITEMS)};", f"  - {rng.choice(ITEMS)};", f"- {lead[2]}."]))
        if shape == 0:
            t, u = rng.choice(LINKS)
            t2, u2 = rng.choice(LINKS)
            block.append(f"Xem thêm tại [{t}]({u}) và [{t2}]({u2}). " + para(2))
        out += block
        words += sum(len(x.split()) for x in block)
    out.append(fill(f"Với những đóng góp đó, {first} được công nhận là điển hình tiên tiến năm {{nam}}."))
    return "\n\n".join(out) + "\n"


# --------------------------------------------------------------------------------------


def generate(n: int, out: str, seed: int) -> dict:
    rng = random.Random(seed)
    units = units_list()
    by_id = {u["id"]: u for u in units}
    content = os.path.join(out, "content")
    os.makedirs(content, exist_ok=True)
    with open(os.path.join(content, "site.toml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f'title = "Điển hình tiên tiến ngành Xây dựng"\norganisation = {tq(ORG)}\n'
                'description = "Gương điển hình tiên tiến của Bộ Xây dựng (dữ liệu sinh tự động để đo hiệu năng)."\n'
                'base_url = "/"\nlanguage = "vi"\ntheme = "default"\n')
    with open(os.path.join(content, "units.toml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {len(units)} đơn vị của {ORG} (sinh tự động để đo hiệu năng).\n")
        for u in units:
            f.write(f'\n[[unit]]\nid = "{u["id"]}"\nname = {tq(u["name"])}\ntype = "{u["type"]}"\n'
                    f'description = {tq(u["desc"])}\n')
    stats = {"collective": 0, "leader": 0, "staff": 0, "pending": 0, "not-recognised": 0, "revoked": 0,
             "province": 0, "files": 0}
    # Large units (departments, schools) get more profiles than a regional office.
    weights = [6.0 if u["type"] in ("agency", "affiliate") and " - " not in u["name"] else 1.0 for u in units]
    cum = list(itertools.accumulate(weights))
    per_year = distribute(n, [1.0 + 0.1 * i for i in range(len(YEARS))])
    for year, ny in zip(YEARS, per_year):
        ydir = os.path.join(content, str(year))
        os.makedirs(ydir, exist_ok=True)
        issued = dt.date(year, 3, rng.randint(1, 28))
        plan = PLAN.format(number=f"{rng.randint(100, 900)}/KH-BXD", issued=issued.isoformat(),
                           issued_vn=f"{issued.day:02d}/{issued.month}/{year}", year=year, prev=year - 1)
        with open(os.path.join(ydir, "_plan.toml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(nfc(plan.replace("Sở Xây dựng tỉnh Bình Phước", ORG).replace("tại Sở Xây dựng", "tại Bộ Xây dựng")))
        vote = dt.date(year, 12, rng.randint(2, 9))
        decision = vote + dt.timedelta(days=rng.randint(3, 8))
        decision_no = f"{rng.randint(1000, 2400)}/QĐ-BXD"
        prov = (decision + dt.timedelta(days=rng.randint(20, 40)), f"{rng.randint(100, 900)}/QĐ-TTg")
        n_coll = round(ny * 0.06)
        n_lead = round(ny * 0.12)
        kinds = ["collective"] * n_coll + ["leader"] * n_lead + ["staff"] * (ny - n_coll - n_lead)
        used: dict[str, int] = {}
        with_collective: list[str] = []
        coll_count: dict[str, int] = {}
        for kind in kinds:
            r = rng.random()
            status = "pending" if r < 0.03 else "not-recognised" if r < 0.04 else "revoked" if r < 0.05 else "recognised"
            if kind == "leader" and not with_collective:
                kind = "staff"
            if kind == "collective":
                u = rng.choices(units, cum_weights=cum)[0]
                c = coll_count.get(u["id"], 0)
                coll_count[u["id"]] = c + 1
                name = u["name"] if c == 0 else f"Tổ công tác số {c} - {u['name']}"
                if status == "recognised" and u["id"] not in with_collective:
                    with_collective.append(u["id"])
                given, female, position = None, False, None
                first, ai = "tập thể " + name, "tập thể"
            else:
                if kind == "leader":
                    u = by_id[rng.choice(with_collective)]
                    position = rng.choice(["Trưởng phòng", "Phó Trưởng phòng", "Giám đốc", "Phó Giám đốc", "Cục trưởng",
                                           "Phó Cục trưởng", "Hiệu trưởng", "Trưởng khoa", "Viện trưởng"])
                else:
                    u = rng.choices(units, cum_weights=cum)[0]
                    position = rng.choice(["Chuyên viên", "Chuyên viên chính", "Kỹ sư", "Giảng viên", "Giảng viên chính",
                                           "Bác sĩ", "Điều dưỡng", "Kế toán viên", "Kiểm soát viên", "Đăng kiểm viên",
                                           "Phóng viên", "Nghiên cứu viên", "Nhân viên", "Lái xe", "Công nhân"])
                name, given, female = person(rng)
                short = given or name.split()[-1]
                title = "đồng chí " if kind == "leader" else ("chị " if female else "anh ")
                first, ai = title + name, title + short
            stats[kind] += 1
            base = slugify(name)
            c = used.get(base, 0) + 1
            used[base] = c
            slug = base if c == 1 else f"{base}-{c}"
            if kind == "collective":
                summary = (f"Tập thể {name} hoàn thành xuất sắc nhiệm vụ năm {year}, dẫn đầu về cải cách hành chính, "
                           "chuyển đổi số và thực hành tiết kiệm, là địa chỉ tin cậy của người dân và doanh nghiệp.")
            else:
                summary = (f"{position} {u['name']}, người bền bỉ đổi mới cách làm, hoàn thành xuất sắc nhiệm vụ năm {year} "
                           "và lan toả tinh thần tận tuỵ, trách nhiệm tới đồng nghiệp.")
            if len(summary) > 300:
                summary = summary[:297].rsplit(" ", 1)[0] + "…"
            lines = ["+++", f"name = {tq(name)}"]
            if given:
                lines.append(f"given_name = {tq(given)}")
            lines += [f'kind = "{kind}"', f'unit = "{u["id"]}"']
            if position:
                lines.append(f"position = {tq(position)}")
            lines.append(f"summary = {tq(summary)}")
            mv = sorted(rng.sample(range(5), rng.randint(1, 4)))
            lines.append("movements = [" + ", ".join(f'"{MOVEMENTS[i]}"' for i in mv) + "]")
            members = excellent = 0
            if kind == "collective":
                members = rng.randint(8, 120)
                excellent = rng.randint((members + 1) // 2, members)
                lines += [f"members = {members}", f"excellent_members = {excellent}"]
            lines += ["", "[criteria]"]
            for cid in CRITERIA[kind]:
                ev = rng.choice(EVIDENCE[cid])
                ev = (ev.replace("{nam}", str(year)).replace("{truoc}", str(year - 1)).replace("{dv}", u["name"])
                      .replace("{tv}", str(members)).replace("{xs}", str(excellent)).replace("của Sở", "của Bộ"))
                lines.append(f"{cid} = {tq(nfc(ev))}")
            nomination = dt.date(year, 11, 30) - dt.timedelta(days=rng.randint(0, 50))
            lines += ["", "[nomination]", f"date = {nomination.isoformat()}"]
            if status == "pending":
                stats["pending"] += 1
            elif status == "not-recognised":
                stats["not-recognised"] += 1
                lines += ["", "[vote]", f"date = {vote.isoformat()}", "members = 15", f"in_favour = {rng.randint(8, 13)}"]
            else:
                lines += ["", "[vote]", f"date = {vote.isoformat()}", "members = 15", f"in_favour = {rng.randint(14, 15)}",
                          "", "[decision]", f'number = "{decision_no}"', f"date = {decision.isoformat()}"]
                if status == "revoked":
                    stats["revoked"] += 1
                    rd = decision + dt.timedelta(days=rng.randint(20, 90))
                    if year == YEARS[-1]:
                        rd = min(rd, decision + dt.timedelta(days=10))
                    lines += ["", "[revoked]", f'number = "{rng.randint(10, 300)}/QĐ-BXD"', f"date = {rd.isoformat()}",
                              'reason = "Hồ sơ đề nghị có nội dung không đúng thực tế."']
                elif rng.random() < 0.03 and year < YEARS[-1]:
                    stats["province"] += 1
                    lines += ["", "[province]", f'number = "{prov[1]}"', f"date = {prov[0].isoformat()}"]
            lines.append("+++")
            text = "\n".join(lines) + "\n" + story(rng, first, ai, u["name"], year)
            if rng.random() < 0.33:
                os.makedirs(os.path.join(ydir, slug), exist_ok=True)
                path = os.path.join(ydir, slug, "index.md")
            else:
                path = os.path.join(ydir, slug + ".md")
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            stats["files"] += 1
    stats["units"] = len(units)
    return stats


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of profiles")
    ap.add_argument("outdir", help="the site's root: OUTDIR/content/ is written")
    ap.add_argument("--seed", type=int, default=1)
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
    s = generate(a.n, a.outdir, a.seed)
    if not a.quiet:
        print(f"{s['files']} profiles ({s['collective']} collectives, {s['leader']} leaders, {s['staff']} staff; "
              f"{s['province']} provincial, {s['pending']} pending, {s['not-recognised']} not recognised, "
              f"{s['revoked']} revoked), {s['units']} units, {len(YEARS)} years in {time.perf_counter() - t0:.1f} s "
              f"→ {content}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

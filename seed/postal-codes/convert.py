#!/usr/bin/env python3
"""Converts the postal data of the npm package jquery-jpostal-ja into postal-codes.tsv.gz.

Run once when the data is to be refreshed (see README.md):

    npm pack jquery-jpostal-ja@2.14.73
    python3 seed/postal-codes/convert.py jquery-jpostal-ja-2.14.73.tgz

The package ships Japan Post's postal codes as JSONP files (json/000.json … json/999.json), one
row per code: ["_1000001", prefecture, city, town, street, office, kana …]. The output keeps
what the sign-up form fills in, one line per 7-digit code, sorted:

    1000001<TAB>13<TAB>千代田区<TAB>千代田

(the prefecture as its JIS X 0401 code, as the portal stores it). A code that Japan Post lists
for several places keeps only what they share: the city when all rows name the same one, the
town likewise, so that nothing wrong is filled in. Lines starting with # are comments.
"""
import gzip
import json
import re
import sys
import tarfile
from pathlib import Path

PREFECTURES = [
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
]
PREFECTURE_CODES = {name: f"{number:02d}" for number, name in enumerate(PREFECTURES, start=1)}
JSONP = re.compile(r"^\s*jQuery_jpostal_callback\(\s*(.*)\s*\)\s*;?\s*$", re.S)
OUTPUT = Path(__file__).with_name("postal-codes.tsv.gz")


def rows_of(package: Path):
    """Every row of the package's json/NNN.json files, and the package's version."""
    with tarfile.open(package) as archive:
        version = json.load(archive.extractfile("package/package.json"))["version"]
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            if re.fullmatch(r"package/json/\d{3}\.json", member.name):
                text = archive.extractfile(member).read().decode("utf-8")
                match = JSONP.match(text)
                if not match:
                    sys.exit(f"{member.name}: not the expected JSONP")
                yield from ((version, row) for row in json.loads(match.group(1)))


def main(package: Path) -> None:
    places: dict[str, list[tuple[str, str, str]]] = {}
    version, data_info = "", ""
    for version, row in rows_of(package):
        code = row[0].lstrip("_")
        if code == "000info":
            data_info = row[2]  # e.g. "ver2.13 2025-09-25 2025-09-30"
        if not re.fullmatch(r"\d{7}", code):
            continue  # the 3-digit area rows and the package's own info
        if row[1] not in PREFECTURE_CODES:
            sys.exit(f"{code}: unknown prefecture {row[1]!r}")
        places.setdefault(code, []).append((PREFECTURE_CODES[row[1]], row[2], row[3]))

    lines = [
        f"# postal code, prefecture (JIS X 0401), city, town; from the npm package jquery-jpostal-ja {version}"
        f" ({data_info}), Japan Post's data (see README.md)",
    ]
    for code in sorted(places):
        rows = places[code]
        prefectures = {r[0] for r in rows}
        if len(prefectures) != 1:
            continue  # no such code today; nothing would be right to fill in
        city = rows[0][1] if len({r[1] for r in rows}) == 1 else ""
        town = rows[0][2] if city and len({r[2] for r in rows}) == 1 else ""
        lines.append(f"{code}\t{rows[0][0]}\t{city}\t{town}")

    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0 and no file name: the same package gives the same bytes.
    with open(OUTPUT, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(data)
    print(f"{OUTPUT.name}: {len(lines) - 1} codes, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: convert.py jquery-jpostal-ja-VERSION.tgz")
    main(Path(sys.argv[1]))

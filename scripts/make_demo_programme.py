#!/usr/bin/env python3
"""Writes the demo site's volunteer programme: a year (2026) of activities,
the four service brands, and a points ledger saved as GBK (what Excel on
Chinese Windows saves), plus rewards, honours, hotlines and figures.

Deterministic (fixed seed): run it again and the files come out the same.
    python3 scripts/make_demo_programme.py [REPO_ROOT]
"""
import os
import random
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
rng = random.Random(20261122)


def write(path, text, encoding="utf-8"):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding=encoding, newline="") as f:
        f.write(text)


BRANDS = [
    ("red-courtyard", "红色庭院", "把党的声音送进庭院，把群众的事办在家门口", "jsjy", "红色教育",
     "“红色庭院”以楼栋庭院为阵地，党员中心户牵头开展政策宣讲、邻里议事和红色故事分享。"),
    ("red-steward", "红色管家", "党建引领物业服务，小事不出楼栋", "jsjy", "紫色便民",
     "“红色管家”由社区党委、业委会和物业企业联合组成，每月开展便民维修和环境整治。"),
    ("minsheng-7", "“民声七点办”", "每周五晚七点，听民声、解民忧", "xfl", "蓝色调节",
     "每周五19:00，社区两委、网格员与居民代表面对面议事，现场交办、限时回复。"),
    ("wucai", "五彩志愿", "红橙蓝绿紫，志愿服务五彩缤纷", "huangtun", "绿色志愿",
     "五彩志愿服务队分为红色教育、橙色关怀、蓝色调节、绿色志愿、紫色便民五支队伍。"),
]
LOGO_COLOURS = {"红色教育": "#c8161d", "紫色便民": "#7b3fa0", "蓝色调节": "#1f5fbf", "绿色志愿": "#2e7d32"}
for bid, name, slogan, org, colour, intro in BRANDS:
    mark = name.strip("“”")
    mark = mark[2:4] if mark.startswith("红色") else mark[0:2]
    write(f"static/images/brands/{bid}.svg",
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" role="img" aria-label="%s">'
          '<circle cx="48" cy="48" r="46" fill="%s"/><circle cx="48" cy="48" r="38" fill="none" stroke="#f6c344" stroke-width="3"/>'
          '<text x="48" y="58" text-anchor="middle" font-size="28" font-weight="700" fill="#fff">%s</text></svg>\n'
          % (name, LOGO_COLOURS[colour], mark))
    write(f"content/brands/{bid}.md", f"""---
title: {name}
slogan: {slogan}
org: {org}
logo: /images/brands/{bid}.svg
color: {colour}
---
{intro}

欢迎居民群众关注参与，联系电话 0537-3265811（居委会）。
""")
write("content/brands/_index.md", "---\ntitle: 服务品牌\n---\n社区党委培育的党建服务品牌，每个品牌都有固定的阵地、队伍和活动。\n")
write("content/activities/_index.md", "---\ntitle: 志愿活动\n---\n每月发布党建阵地活动安排。欢迎居民朋友按报名方式提前报名，参加志愿服务可获得相应积分。\n")

# (title, colour, brand, station or place, organizer, hours, capacity, points)
KINDS = [
    ("政策宣讲进庭院", "红色教育", "red-courtyard", "station:hf-east", "jsjy-g01", (9, 0, 11, 0), 40, 5),
    ("红色观影日", "红色教育", "wucai", "station:dqzx-jsjy", "jsjy", (14, 30, 16, 30), 60, 3),
    ("空巢老人探访", "橙色关怀", "wucai", "place:金色嘉苑各楼栋", "jsjy-g02", (9, 0, 11, 30), 20, 5),
    ("“民声七点办”议事会", "蓝色调节", "minsheng-7", "station:dqzx-xfl", "xfl", (19, 0, 20, 30), 30, 3),
    ("邻里纠纷调解日", "蓝色调节", "minsheng-7", "station:hf-xingfu", "xfl-g06", (9, 0, 11, 0), 10, 5),
    ("楼道清洁大扫除", "绿色志愿", "red-steward", "place:金色嘉苑小区", "jsjy-g03", (8, 0, 10, 0), 50, 5),
    ("义务植绿护绿", "绿色志愿", "wucai", "place:幸福里中心花园", "xfl-g07", (8, 30, 10, 30), 40, 5),
    ("便民维修服务", "紫色便民", "red-steward", "station:hf-east", "jsjy-g04", (9, 0, 11, 30), 15, 5),
    ("义诊与健康咨询", "紫色便民", "wucai", "station:hf-xingfu", "xfl-g08", (8, 30, 11, 0), 30, 5),
    ("红帆驿站骑手关爱日", "橙色关怀", "wucai", "station:hf-xingfu", "xfl", (10, 0, 12, 0), 20, 3),
]
SLUGS = ["policy-talk", "red-film", "elder-visit", "minsheng-meeting", "mediation-day",
         "stair-cleaning", "tree-care", "repair-service", "health-check", "rider-care"]
count = 0
for month in range(1, 13):
    picks = rng.sample(range(len(KINDS)), 5)
    for n, k in enumerate(picks):
        title, colour, brand, where, org, (h1, m1, h2, m2), cap, pts = KINDS[k]
        day = min(28, 2 + n * 6 + rng.randrange(0, 4))
        if k == 3:  # 民声七点办 meets on Friday evenings
            import datetime
            d = datetime.date(2026, month, day)
            d += datetime.timedelta(days=(4 - d.weekday()) % 7)
            day = d.day if d.month == month else day
        slug = f"2026-{month:02}-{SLUGS[k]}"
        place = f"station: {where[8:]}" if where.startswith("station:") else f"place: {where[6:]}"
        write(f"content/activities/2026-{month:02}-{day:02}-{SLUGS[k]}.md", f"""---
title: {title}（{month}月）
slug: {slug}
start: 2026-{month:02}-{day:02}T{h1:02}:{m1:02}:00+08:00
end: 2026-{month:02}-{day:02}T{h2:02}:{m2:02}:00+08:00
{place}
organizer: {org}
brand: {brand}
color: {colour}
capacity: {cap}
signup: 拨打居委会电话 0537-3265811 或到所在网格报名，额满为止
points: {pts}
---
本月{title}活动，欢迎党员和居民群众踊跃参加。请提前十分钟到场签到，活动结束后由网格员登记积分。
""")
        count += 1

# The ledger: party members earn 先锋指数, households 文明积分; some redeem.
REASONS_P = ["参加志愿服务", "参加主题党日", "走访困难群众", "参加政策宣讲", "协助网格巡查", "参加义诊志愿服务"]
REASONS_H = ["参加楼道清洁", "垃圾分类示范户", "参加邻里节", "参加植绿护绿", "文明养犬承诺"]
REWARDS = [("洗衣液", 20), ("食用油", 30), ("大米五斤", 40), ("毛巾", 10), ("雨伞", 25)]
rows = ["date,person,grid,category,points,reason"]
for i in range(1400):
    month = rng.randrange(1, 13)
    if month == 11:
        day = rng.randrange(1, 22)
    elif month == 12:
        month, day = 11, rng.randrange(1, 22)
    else:
        day = rng.randrange(1, 29)
    if rng.random() < 0.6:
        n = rng.randrange(1, 121)
        pid, cat, reason = f"p{n:03}", "先锋指数", rng.choice(REASONS_P)
    else:
        n = rng.randrange(1, 81)
        pid, cat, reason = f"h{n:03}", "文明积分", rng.choice(REASONS_H)
    grid = f"g{(n - 1) % 8 + 1:02}"
    if rng.random() < 0.08:
        item, cost = rng.choice(REWARDS)
        rows.append(f"2026-{month:02}-{day:02},{pid},{grid},兑换,-{cost},兑换{item}一份")
    else:
        rows.append(f"2026-{month:02}-{day:02},{pid},{grid},{cat},{rng.choice([2, 3, 5, 5, 10])},{reason}")
rows.sort(key=lambda r: (r[:10], r))
rows.sort(key=lambda r: 0 if r.startswith("date") else 1)
write("data/points.csv", "\r\n".join(rows) + "\r\n", encoding="gbk")

write("data/rewards.yaml", """# 积分兑换超市的物品目录
shop: {name: 积分兑换超市, station: hf-xingfu, hours: 每周三、周六 9:00—11:30}
rewards:
""" + "".join(f"  - {{name: {n}, points: {p}, stock: {rng.randrange(10, 60)}}}\n" for n, p in REWARDS))

write("data/honors.yaml", """honors:
  - title: 2025年度“五星党员”
    kind: 五星党员
    year: 2025
    awardees:
      - {name: 陈志远, grid: g01, stars: [学习星, 团结星, 帮扶星, 关爱星, 奉献星], story: 退休老党员，十年如一日坚持为楼栋老人代购药品。}
      - {name: 刘海燕, grid: g03, stars: [学习星, 奉献星], story: 带领楼栋志愿者完成老旧小区改造入户动员。}
      - {name: 孙立军, grid: g06, stars: [帮扶星, 关爱星, 奉献星], story: 结对帮扶三户困难家庭，常年义务维修水电。}
  - title: 2025年度“五星家庭”
    kind: 五星家庭
    year: 2025
    awardees:
      - {name: 周明德家庭, grid: g02, story: 三代同堂、孝老爱亲，积极参加垃圾分类示范。}
      - {name: 吴秀英家庭, grid: g07, story: 常年参与楼道清洁和邻里互助。}
  - title: 2025年度“最美网格员”
    kind: 最美网格员
    year: 2025
    awardees:
      - {name: 郑晓雯, grid: g04, story: 走遍网格420户，建立独居老人每日问候机制。}
      - {name: 冯国栋, grid: g08, story: 汛期连续值守，及时转移低洼处群众。}
""")
write("data/contacts.yaml", """hotlines:
  - {name: 社区党委办公室, phone: 0537-3265810, hours: "8:30—17:30"}
  - {name: 社区居委会, phone: 0537-3265811, hours: "8:30—17:30"}
  - {name: 嘉苑东门红帆驿站, phone: 0537-3265833, hours: "8:00—20:00"}
""")
write("data/figures.yaml", """figures:
  - {label: 受理解决群众困难问题, value: 1320, unit: 个, as_of: 2026-10}
  - {label: 注册志愿者, value: 860, unit: 名, as_of: 2026-10}
  - {label: 党员中心户, value: 48, unit: 户, as_of: 2026-10}
""")
print(f"{count} activities, {len(rows) - 1} ledger rows")
